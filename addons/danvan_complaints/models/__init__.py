from . import danvan_time_limit
