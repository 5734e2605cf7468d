from . import test_time_limit
from . import test_reception
