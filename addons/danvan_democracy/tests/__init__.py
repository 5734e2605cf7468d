from . import test_publication
from . import test_conference
