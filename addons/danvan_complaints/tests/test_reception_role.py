from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestReceptionRole(DanvanCommon):
    """The reception role belongs to this addon, among the common roles."""

    def test_reception_is_staff_and_the_administrator_holds_it(self):
        has = self.users["reception"].has_group
        self.assertTrue(has("danvan_base.group_danvan_staff"))
        self.assertFalse(has("danvan_base.group_danvan_office"))
        self.assertTrue(
            self.users["dv_admin"].has_group("danvan_complaints.group_danvan_reception")
        )

    def test_reception_shares_the_category_and_reads_but_keeps_the_calendar(self):
        """Seven roles of danvan_base and this addon in the one category (other
        addons add theirs); the calendar is the Office's."""
        category = self.env.ref("danvan_base.module_category_danvan")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        ours = self.env["ir.model.data"].search(
            [
                ("model", "=", "res.groups"),
                ("module", "in", ("danvan_base", "danvan_complaints")),
                ("res_id", "in", groups.ids),
            ]
        )
        self.assertEqual(len(ours), 7)
        officer = self.users["reception"]
        self.assertTrue(self.Holiday.with_user(officer).search([("year", "=", 2026)]))
        entry = self.env.ref("danvan_base.danvan_holiday_2026_tet")
        with self.assertRaises(AccessError):
            entry.with_user(officer).write({"name": "Đổi"})

    def test_demo_reception_officer_is_an_employee(self):
        user = self.env.ref(
            "danvan_complaints.user_danvan_reception_demo", raise_if_not_found=False
        )
        if not user:
            self.skipTest("installed without demo data")
        self.assertTrue(user.has_group("danvan_complaints.group_danvan_reception"))
        self.assertTrue(user.employee_id.department_id)
