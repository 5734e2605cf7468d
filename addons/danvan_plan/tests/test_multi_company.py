from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PlanTwoAgenciesCommon

ROLES = ("staff", "unit_head", "office", "leader")


@tagged("post_install", "-at_install")
class TestPlanMultiCompany(PlanTwoAgenciesCommon):
    """One install for a province (issue 15, item 4): each agency its plans,
    tasks, reports and rounds; the provincial overseer reads them all."""

    def _users_a(self):
        return [self.users[role] for role in ROLES]

    def test_agency_a_never_sees_the_records_of_agency_b(self):
        """Every role of agency A: B's plan, items, tasks, periods and reports
        are out of its searches, groups and reads."""
        for user in self._users_a():
            for records in self.records_b:
                with self.subTest(user=user.login, model=records._name):
                    self.assertOutOfReach(records, user)

    def test_agency_b_sees_its_own_and_not_those_of_agency_a(self):
        for role in ROLES:
            Task = self.env["danvan.plan.task"].with_user(self.users_b[role])
            with self.subTest(role=role):
                self.assertEqual(Task.search([]), self.task_b)
                with self.assertRaises(AccessError):
                    self.task_a.with_user(self.users_b[role]).read(["name"])

    def test_a_task_of_agency_a_cannot_be_led_by_a_unit_of_agency_b(self):
        """A plan's units are of its agency: refused, whoever asks."""
        values = {"name": "Lẫn đơn vị", "item_id": self.plan_a.item_ids.id}
        Task = self.env["danvan.plan.task"]
        with self.assertRaises(UserError):
            Task.create(dict(values, lead_department_id=self.unit_b.id))
        with self.assertRaises(UserError):
            Task.create(
                dict(
                    values,
                    lead_department_id=self.unit_science.id,
                    cooperating_department_ids=[(6, 0, self.unit_b.ids)],
                )
            )
        with self.assertRaises(UserError):
            self.task_a.user_ids = self.users_b["staff"]
        with self.assertRaises(UserError):
            self.env["danvan.plan.report"].create(
                {
                    "task_id": self.task_a.id,
                    "department_id": self.unit_b.id,
                    "content": "<p>Nhầm</p>",
                }
            )

    def test_the_dashboard_counts_the_agency_of_its_reader(self):
        """The Office of each agency sees its own figures; the overseer with
        both agencies selected sees their sum, and one agency when one is."""
        Dashboard = self.env["danvan.plan.dashboard"]
        data_a = Dashboard.with_user(self.users["office"]).get_dashboard_data()
        data_b = Dashboard.with_user(self.users_b["office"]).get_dashboard_data()
        province = self._as_province(Dashboard).get_dashboard_data()
        units = lambda data: {row["unit_id"] for row in data["overdue_by_unit"]}  # noqa: E731
        plans = lambda data: {row["id"] for row in data["plans"]}  # noqa: E731
        self.assertNotIn(self.unit_b.id, units(data_a))
        self.assertEqual(units(data_b), {self.unit_b.id})
        self.assertEqual(plans(data_b), {self.plan_b.id})
        self.assertNotIn(self.plan_b.id, plans(data_a))
        self.assertIn(self.unit_b.id, units(province))
        self.assertIn(self.unit_science.id, units(province))
        self.assertLessEqual({self.plan_a.id, self.plan_b.id}, plans(province))
        for key in ("overdue_tasks", "reports_to_review"):
            self.assertEqual(province[key], data_a[key] + data_b[key], key)
        only_b = (
            Dashboard.with_user(self.user_province)
            .with_context(allowed_company_ids=self.company_b.ids)
            .get_dashboard_data()
        )
        self.assertEqual(only_b["overdue_tasks"], data_b["overdue_tasks"])
        self.assertEqual(plans(only_b), {self.plan_b.id})

    def test_the_overseer_reads_both_agencies_and_writes_nothing(self):
        """Read-only: plans, tasks, reports, rounds of both agencies."""
        Task = self._as_province(self.env["danvan.plan.task"])
        self.assertLessEqual(self.task_a | self.task_b, Task.search([]))
        reports = self._as_province(self.report_a | self.report_b)
        self.assertEqual(len(reports.read(["progress"])), 2)
        deliverables = self._as_province(self.env["danvan.plan.deliverable"]).search(
            [("task_id", "in", (self.task_a | self.task_b).ids)]
        )
        self.assertEqual(deliverables.company_id, self.company_a | self.company_b)
        for records in (self.plan_b, self.plan_b.item_ids, self.task_a, self.report_b):
            with self.assertRaises(AccessError, msg=records._name):
                self._as_province(records).check_access("write")
            self.assertFalse(self._as_province(records).has_access("create"))
        with self.assertRaises(AccessError):
            self._as_province(self.task_a).write({"name": "Sửa"})

    def test_vb7_each_agency_numbers_its_plans_from_one(self):
        """VB-7: agency B's first plan is 01/KH-SNV, whatever the main company
        issued before."""
        plan = self.env["danvan.plan"].create(
            {
                "name": "Kế hoạch 2026 Sở Nội vụ",
                "year": 2026,
                "plan_type": "other",
                "company_id": self.company_b.id,
                "user_id": self.users_b["office"].id,
            }
        )
        plan.with_user(self.users_b["office"]).action_submit()
        plan.with_user(self.users_b["leader"]).action_approve()
        self.assertEqual(plan.number, "01/KH-SNV")
        sequence = self.env["ir.sequence"].search(
            [
                ("code", "=", "danvan.document.plan"),
                ("company_id", "=", self.company_b.id),
            ]
        )
        self.assertEqual(len(sequence), 1)
