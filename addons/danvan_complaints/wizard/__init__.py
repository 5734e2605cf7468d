from . import danvan_reception_generate
from . import danvan_case_stop
from . import danvan_redaction_preview
from . import danvan_national_disclosure
from . import danvan_reception_register_print
from . import danvan_reception_duty_generate
