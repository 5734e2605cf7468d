from . import report_danvan_evaluation_batch
