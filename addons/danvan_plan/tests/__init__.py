from . import test_working_calendar
from . import test_holiday_records
from . import test_access_rights
from . import test_official_document
from . import test_ui_tour
from . import test_plan
from . import test_plan_import
from . import test_plan_task
