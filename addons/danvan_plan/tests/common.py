from odoo.addons.danvan_base.tests.common import DanvanCommon as BaseDanvanCommon


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
