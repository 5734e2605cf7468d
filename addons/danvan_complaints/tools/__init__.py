from . import identity_log
from . import redaction
