from . import test_time_limit
