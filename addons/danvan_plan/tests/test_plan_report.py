from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestPlanReport(DanvanCommon):
    """Units report progress; the Office accepts or returns (issue 3, item 3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_plan_2025()
        Item = cls.env["danvan.plan.item"]
        cls.item_a = Item.create(
            {
                "plan_id": cls.plan.id,
                "parent_id": cls.section.id,
                "mark": "1",
                "name": "A",
            }
        )
        cls.item_b = Item.create(
            {
                "plan_id": cls.plan.id,
                "parent_id": cls.section.id,
                "mark": "2",
                "name": "B",
            }
        )
        Task = cls.env["danvan.plan.task"]
        cls.task = Task.create(
            {
                "name": "Truyền thông KH&CN",
                "item_id": cls.item_a.id,
                "lead_department_id": cls.unit_science.id,
                "recurrence": "quarterly",
                "weight": 3,
            }
        )
        cls.other_task = Task.create(
            {
                "name": "Kiểm tra đo lường",
                "item_id": cls.item_b.id,
                "lead_department_id": cls.unit_smq.id,
                "date_deadline": date(2025, 9, 30),
            }
        )

    def _report(self, user=None, **vals):
        values = {
            "task_id": self.task.id,
            "period_id": self.task.period_ids[0].id,
            "department_id": self.unit_science.id,
            "content": "<p>Đã đăng 5 tin bài.</p>",
            "progress": 40,
        }
        values.update(vals)
        return (
            self.env["danvan.plan.report"]
            .with_user(user or self.users["staff"])
            .create(values)
        )

    def test_unit_reports_office_accepts(self):
        """Staff draft, the head submits, the Office accepts; period and task follow."""
        report = self._report()
        report.with_user(self.users["unit_head"]).action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertTrue(report.date_submitted)
        report.with_user(self.users["office"]).action_accept()
        self.assertEqual(report.state, "accepted")
        self.assertTrue(self.task.period_ids[0].reported)
        self.assertEqual(self.task.state, "reported")
        self.assertEqual(self.task.progress, 40)

    def test_evidence_attached_before_the_first_save_is_read_by_the_office(self):
        """The widget uploads with res_id 0 before the report exists (issue 10)."""
        staff = self.users["staff"]
        evidence = (
            self.env["ir.attachment"]
            .with_user(staff)
            .create(
                {
                    "name": "bien-ban.pdf",
                    "raw": b"%PDF-1.4 evidence",
                    "res_model": "danvan.plan.report",
                    "res_id": 0,
                }
            )
        )
        report = self._report(attachment_ids=[(6, 0, evidence.ids)])
        self.assertEqual(
            (evidence.res_model, evidence.res_id), (report._name, report.id)
        )
        report.with_user(self.users["unit_head"]).action_submit()
        for role in ("office", "leader"):
            user = self.users[role]
            self.assertEqual(
                evidence.with_user(user).raw, b"%PDF-1.4 evidence", f"{role} reads it"
            )
            self.assertEqual(report.with_user(user).attachment_ids.name, "bien-ban.pdf")
        report.with_user(self.users["office"]).action_accept()
        self.assertEqual(report.state, "accepted")

    def test_nobody_claims_a_file_uploaded_by_someone_else(self):
        """Linking another user's unsaved upload does not hand it over."""
        stray = (
            self.env["ir.attachment"]
            .with_user(self.users["office"])
            .create(
                {
                    "name": "mat.pdf",
                    "raw": b"secret",
                    "res_model": "danvan.plan.report",
                    "res_id": 0,
                }
            )
        )
        with self.assertRaises(AccessError):
            self._report(attachment_ids=[(6, 0, stray.ids)])
        self.assertFalse(stray.res_id)

    def test_staff_cannot_submit_and_unit_cannot_accept(self):
        """Only the unit head submits; only the Office accepts or returns."""
        report = self._report()
        with self.assertRaises(AccessError):
            report.action_submit()
        report.with_user(self.users["unit_head"]).action_submit()
        with self.assertRaises(AccessError):
            report.with_user(self.users["unit_head"]).action_accept()
        self.assertEqual(report.state, "submitted")

    def _review_todos(self, report):
        review = self.env.ref("danvan_plan.mail_activity_danvan_review")
        return report.activity_ids.filtered(lambda a: a.activity_type_id == review)

    def test_submitted_report_is_a_todo_of_the_plans_officer(self):
        """Issue 10: the Office officer responsible for the plan gets the report
        to review, and only him; accepting closes it."""
        self.plan.user_id = self.users["office"]
        report = self._report()
        report.with_user(self.users["unit_head"]).action_submit()
        todos = self._review_todos(report)
        self.assertEqual(todos.user_id, self.users["office"])
        report.with_user(self.users["office"]).action_accept()
        self.assertFalse(report.activity_ids)

    def test_plan_without_officer_asks_the_office_not_leadership(self):
        """No Office officer on the plan: the Office officers review, the
        leaders do not get the unit's report; returning closes the to-dos."""
        self.plan.user_id = self.users["unit_head"]
        report = self._report()
        report.with_user(self.users["unit_head"]).action_submit()
        todos = self._review_todos(report)
        self.assertIn(self.users["office"], todos.user_id)
        self.assertNotIn(self.users["leader"], todos.user_id)
        self.assertNotIn(self.users["unit_head"], todos.user_id)
        office_report = report.with_user(self.users["office"])
        office_report.return_reason = "Thiếu số liệu minh chứng"
        office_report.action_return()
        self.assertFalse(report.activity_ids)

    def test_return_needs_a_reason_then_resubmit(self):
        """A report is returned only with a reason; the unit corrects and resubmits."""
        report = self._report()
        report.with_user(self.users["unit_head"]).action_submit()
        office_report = report.with_user(self.users["office"])
        with self.assertRaises(UserError):
            office_report.action_return()
        office_report.return_reason = "Thiếu số liệu minh chứng"
        office_report.action_return()
        self.assertEqual(report.state, "returned")
        report.write({"progress": 50})
        report.with_user(self.users["unit_head"]).action_submit()
        self.assertEqual(report.state, "submitted")

    def test_reason_block_only_when_there_is_a_reason(self):
        """The empty 'reason for return' block is hidden from the unit; the
        Office sees it on a submitted report, to write the reason."""
        report = self._report()
        report.with_user(self.users["unit_head"]).action_submit()

        def hidden(user):
            form = Form(report.with_user(user))
            return form._get_modifier("return_reason", "invisible")

        self.assertTrue(hidden(self.users["unit_head"]))
        self.assertFalse(hidden(self.users["office"]))
        office_report = report.with_user(self.users["office"])
        office_report.return_reason = "Thiếu số liệu minh chứng"
        office_report.action_return()
        self.assertFalse(hidden(self.users["unit_head"]))

    def test_report_on_another_units_task_is_refused(self):
        """A unit cannot report on a task it neither leads nor cooperates on."""
        with self.assertRaises(ValidationError):
            self._report(task_id=self.other_task.id, period_id=False)
        with self.assertRaises(ValidationError):
            self._report(
                user=self.users["office"],
                task_id=self.other_task.id,
                period_id=False,
                department_id=self.unit_science.id,
            )

    def test_progress_out_of_range_is_refused(self):
        """Progress is a percentage from 0 to 100."""
        with self.assertRaises(ValidationError):
            self._report(progress=120)

    def test_submitted_report_is_locked_and_accepted_kept(self):
        """The unit cannot edit a submitted report; an accepted one is never deleted."""
        report = self._report()
        report.with_user(self.users["unit_head"]).action_submit()
        with self.assertRaises(UserError):
            report.write({"progress": 90})
        report.with_user(self.users["office"]).action_accept()
        with self.assertRaises(UserError):
            report.with_user(self.users["dv_admin"]).unlink()
        with self.assertRaises(UserError):
            report.with_user(self.users["office"]).action_accept()

    def test_units_see_their_own_reports(self):
        """Staff of another unit see neither the report nor can they read it."""
        report = self._report()
        smq_staff = self.env["res.users"].create(
            {
                "name": "Cán bộ TĐC",
                "login": "dv_smq",
                "groups_id": [
                    (6, 0, [self.env.ref("danvan_base.group_danvan_staff").id])
                ],
            }
        )
        self.env["hr.employee"].create(
            {
                "name": smq_staff.name,
                "user_id": smq_staff.id,
                "department_id": self.unit_smq.id,
            }
        )
        found = self.env["danvan.plan.report"].with_user(smq_staff).search([])
        self.assertNotIn(report, found)
        with self.assertRaises(AccessError):
            report.with_user(smq_staff).read(["content"])

    def test_progress_rolls_up_by_weight(self):
        """40% at weight 3 and 0% at weight 1 give 30% for the section and plan."""
        report = self._report()
        report.with_user(self.users["unit_head"]).action_submit()
        report.with_user(self.users["office"]).action_accept()
        self.env.invalidate_all()
        self.assertEqual(self.item_a.progress, 40)
        self.assertEqual(self.item_b.progress, 0)
        self.assertEqual(self.section.progress, 30)
        self.assertEqual(self.plan.progress, 30)
        self.other_task.action_mark_reported()
        self.other_task.action_done()
        self.env.invalidate_all()
        self.assertEqual(self.section.progress, 55)

    def test_roll_up_queries_do_not_grow_with_tasks(self):
        """Item and plan progress take as many queries for 200 tasks as for 10."""

        def count_queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            items = self.section | self.item_a | self.item_b
            items.mapped("progress")
            self.plan.mapped("progress")
            return self.env.cr.sql_log_count - before

        def add_tasks(count):
            self.env["danvan.plan.task"].create(
                [
                    {
                        "name": f"Nhiệm vụ {n}",
                        "item_id": (self.item_a if n % 2 else self.item_b).id,
                        "lead_department_id": self.unit_science.id,
                        "date_deadline": date(2025, 12, 1),
                    }
                    for n in range(count)
                ]
            )

        add_tasks(10)
        count_queries()
        small = count_queries()
        add_tasks(190)
        self.assertEqual(count_queries(), small)
