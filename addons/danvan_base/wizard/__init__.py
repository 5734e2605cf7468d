from . import danvan_holiday_generate
