from . import danvan_plan_report_evidence
from . import danvan_plan_report
