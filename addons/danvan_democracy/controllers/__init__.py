from . import danvan_consultation
