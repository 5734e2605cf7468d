from . import danvan_evaluation_import
from . import danvan_evaluation_import_line
