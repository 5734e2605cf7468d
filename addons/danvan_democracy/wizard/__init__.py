from . import danvan_conference_union_opinion
from . import danvan_evaluation_import
from . import danvan_evaluation_import_line
