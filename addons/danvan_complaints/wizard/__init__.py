from . import danvan_reception_generate
