from datetime import date

from odoo.addons.danvan_base.tests.common import DanvanCommon as BaseDanvanCommon
from odoo.addons.danvan_base.tests.common import TwoAgenciesCommon


class DanvanCommon(BaseDanvanCommon):
    """The users of every role, and the plan of 2025 for the tests that need it."""

    @classmethod
    def _create_plan_2025(cls):
        """A draft 2025 plan with one section 'II', and a second unit."""
        cls.plan = cls.env["danvan.plan"].create(
            {"name": "Kế hoạch 2025", "year": 2025, "plan_type": "other"}
        )
        cls.section = cls.env["danvan.plan.item"].create(
            {"plan_id": cls.plan.id, "mark": "II", "name": "NỘI DUNG"}
        )
        cls.unit_smq = cls.env["hr.department"].create({"name": "Chi cục TĐC"})


class PlanTwoAgenciesCommon(TwoAgenciesCommon):
    """An approved 2025 plan in each agency, with an overdue task of one of
    its units and the unit's report waiting for review."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_a, cls.task_a, cls.report_a = cls._agency_plan(
            cls.company_a, cls.users["office"], cls.unit_science
        )
        cls.plan_b, cls.task_b, cls.report_b = cls._agency_plan(
            cls.company_b, cls.users_b["office"], cls.unit_b
        )
        cls.records_b = (
            cls.plan_b,
            cls.plan_b.item_ids,
            cls.task_b,
            cls.report_b,
        )

    @classmethod
    def _agency_plan(cls, company, office, unit):
        """An approved 2025 plan of ``company``: a task of ``unit`` overdue
        since March, and a report of the unit waiting for review."""
        plan = cls.env["danvan.plan"].create(
            {
                "name": f"Kế hoạch 2025 {company.name}",
                "year": 2025,
                "plan_type": "skillful_mobilization",
                "company_id": company.id,
                "user_id": office.id,
                "state": "approved",
            }
        )
        item = cls.env["danvan.plan.item"].create(
            {"plan_id": plan.id, "mark": "I", "name": "NỘI DUNG"}
        )
        task = cls.env["danvan.plan.task"].create(
            {
                "name": f"Hội nghị {company.name}",
                "item_id": item.id,
                "lead_department_id": unit.id,
                "date_deadline": date(2025, 3, 14),
            }
        )
        report = cls.env["danvan.plan.report"].create(
            {
                "task_id": task.id,
                "department_id": unit.id,
                "content": "<p>Kết quả</p>",
                "progress": 50,
            }
        )
        report.action_submit()
        return plan, task, report
