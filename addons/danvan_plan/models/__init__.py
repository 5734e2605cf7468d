from . import danvan_holiday
from . import res_company
from . import res_config_settings
from . import danvan_plan
from . import danvan_plan_item
from . import danvan_plan_task
from . import danvan_plan_task_period
from . import danvan_plan_report
