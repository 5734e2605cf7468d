from . import danvan_holiday_generate
from . import danvan_plan_import
