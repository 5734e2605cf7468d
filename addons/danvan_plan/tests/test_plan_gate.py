from datetime import date, timedelta

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.danvan_base.tests.gate import ROLES, DanvanGateCase

from .test_plan_round import RoundCommon


@tagged("post_install", "-at_install")
class TestPlanGate(DanvanGateCase, RoundCommon):
    """Issue 12: the workflow gate of the plan's models, as each role. Every
    transition by its role only; the state never written; an issued plan,
    report, accepted unit report and done task locked and kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.serial = 0

    def _next(self):
        type(self).serial += 1
        return self.serial

    # Plans: a year of their own each, as a year has one live plan.

    def _plan(self, *actions):
        plan = self.env["danvan.plan"].create(
            {"name": "Kế hoạch", "year": 2040 + self._next(), "plan_type": "other"}
        )
        for action in actions:
            getattr(plan, action)()
        return plan

    def test_plan_gate(self):
        self.assertTransitions(
            "danvan.plan",
            {
                "draft": self._plan,
                "submitted": lambda: self._plan("action_submit"),
                "approved": lambda: self._plan("action_submit", "action_approve"),
                "cancelled": lambda: self._plan("action_cancel"),
            },
        )
        self.assertStateNotWritten(self._plan())
        issued = self._plan("action_submit", "action_approve")
        self.assertStateNotWritten(issued)
        self.assertLocked(issued, {"name": "Kế hoạch khác", "purpose": "Khác"})
        self.assertKept(issued)
        self.assertKept(self._plan("action_submit"))

    def test_the_office_reassigns_the_follow_up_of_an_approved_plan(self):
        """The person in charge is a free field of a plan: the form lets the
        Office change it once the plan is approved or closed."""
        arch = etree.fromstring(
            self.env["danvan.plan"].with_user(self.users["office"]).get_view()["arch"]
        )
        (user_field,) = arch.xpath("//field[@name='user_id']")
        self.assertNotIn("state", user_field.get("readonly", ""))
        # A year before the others of this class: they take one each.
        approved = self.env["danvan.plan"].create(
            {"name": "Kế hoạch", "year": 1999, "plan_type": "other"}
        )
        approved.action_submit()
        approved.action_approve()
        approved.with_user(self.users["office"]).user_id = self.users["staff"]
        self.assertEqual(approved.user_id, self.users["staff"])

    # Tasks of the unit of the staff and unit head.

    def _task(self, *actions):
        task = self.env["danvan.plan.task"].create(
            {
                "name": "Tuyên truyền",
                "item_id": self.item_a.id,
                "lead_department_id": self.unit_science.id,
                "date_deadline": date(2025, 6, 30),
            }
        )
        for action in actions:
            getattr(task, action)()
        return task

    def test_task_gate(self):
        self.assertTransitions(
            "danvan.plan.task",
            {
                "assigned": self._task,
                "reported": lambda: self._task("action_mark_reported"),
                "cancelled": lambda: self._task("action_cancel"),
            },
        )
        self.assertStateNotWritten(self._task())
        done = self._task("action_mark_reported", "action_done")
        self.assertLocked(done, {"name": "Khác", "weight": 3})
        self.assertKept(done)
        self.assertKept(self._task("action_start"))

    # The unit reports on the quarterly task.

    def _report(self, *actions):
        report = self.env["danvan.plan.report"].create(
            {
                "task_id": self.task_quarterly.id,
                "department_id": self.unit_science.id,
                "content": "<p>Đã đăng 5 tin bài.</p>",
                "progress": 40,
                "return_reason": "Bổ sung số liệu",
            }
        )
        for action in actions:
            getattr(report, action)()
        return report

    def test_report_gate(self):
        self.assertTransitions(
            "danvan.plan.report",
            {
                "draft": self._report,
                "submitted": lambda: self._report("action_submit"),
            },
        )
        self.assertStateNotWritten(self._report("action_submit"))
        accepted = self._report("action_submit", "action_accept")
        self.assertStateNotWritten(accepted)
        self.assertLocked(accepted, {"content": "<p>Khác</p>", "progress": 90})
        self.assertKept(accepted)
        self.assertKept(self._report("action_submit"))

    def test_report_files_are_kept_once_accepted(self):
        accepted = self._report("action_submit", "action_accept")
        evidence = self.env["ir.attachment"].create(
            {"name": "bien-ban.pdf", "raw": b"%PDF", "res_model": accepted._name}
            | {"res_id": accepted.id}
        )
        for role in ROLES:
            with self.subTest(role=role):
                with self.assertRaises(UserError):
                    evidence.with_user(self.users[role]).unlink()
                with self.assertRaises(UserError):
                    evidence.with_user(self.users[role]).write({"raw": b"khac"})
                self.assertEqual(evidence.raw, b"%PDF")

    # Report rounds: ad hoc, one period each.

    def _round(self, *actions):
        end = date(2025, 6, 1) + timedelta(days=self._next())
        round_ = self.Round.create(
            {
                "plan_id": self.plan.id,
                "round_type": "ad_hoc",
                "name": "Báo cáo đột xuất",
                "date_from": date(2025, 1, 1),
                "date_to": end,
                "date_cutoff": end,
            }
        )
        for action in actions:
            getattr(round_, action)()
        return round_

    def test_round_gate(self):
        compiled = ("action_open", "action_compile")
        self.assertTransitions(
            "danvan.plan.round",
            {
                "draft": self._round,
                "open": lambda: self._round("action_open"),
                "drafting": lambda: self._round(*compiled),
                "submitted": lambda: self._round(*compiled, "action_submit"),
            },
        )
        self.assertStateNotWritten(self._round("action_open"))
        issued = self._round(*compiled, "action_submit", "action_approve")
        self.assertStateNotWritten(issued)
        self.assertLocked(issued, {"body": "<p>Khác</p>", "number": "99/BC"})
        self.assertKept(issued)
        self.assertKept(self._round("action_open"))
        # The unit lines: their state follows the reports, they stay with
        # the issued report.
        line = issued.line_ids[:1]
        self.assertTrue(line)
        self.assertStateNotWritten(line)
        for role in ("office", "leader", "dv_admin"):
            with self.subTest(role=role):
                with self.assertRaisesRegex(UserError, "its lines"):
                    line.with_user(self.users[role]).write({"reminder_count": 9})
                with self.assertRaises(UserError):
                    line.with_user(self.users[role]).unlink()
                self.assertEqual(line.reminder_count, 0)
