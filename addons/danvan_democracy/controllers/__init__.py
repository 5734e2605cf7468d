from . import main
from . import danvan_consultation
