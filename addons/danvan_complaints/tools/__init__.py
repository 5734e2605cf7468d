from . import redaction
