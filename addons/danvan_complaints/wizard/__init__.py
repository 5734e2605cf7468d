from . import danvan_reception_generate
from . import danvan_case_stop
from . import danvan_redaction_preview
from . import danvan_reception_duty_generate
