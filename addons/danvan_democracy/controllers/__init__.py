from . import main
from . import danvan_consultation
from . import danvan_inspection_board
