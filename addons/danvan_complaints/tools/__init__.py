from . import identity_log
from . import redaction
from . import record_company
