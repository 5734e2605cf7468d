from . import danvan_holiday
from . import res_company
from . import res_config_settings
