from . import test_plan_report_evidence
