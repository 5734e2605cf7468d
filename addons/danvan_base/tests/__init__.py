from . import test_working_calendar
from . import test_holiday_records
from . import test_access_rights
from . import test_official_document
from . import test_official_docx
from . import test_home_action
from . import test_holiday_tour
from . import test_workflow_gate
