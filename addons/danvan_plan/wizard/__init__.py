from . import danvan_plan_import
from . import danvan_plan_round_confirm
