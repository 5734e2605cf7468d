from . import danvan_model_score_sheet
from . import danvan_model_score_sheet_line
from . import danvan_model_replicate
