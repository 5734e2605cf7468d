from odoo.tests import tagged
from odoo.tools import SQL

from .test_plan_round import RoundCommon


@tagged("post_install", "-at_install")
class TestWaitingForMe(RoundCommon):
    """Issue 10: the lists of tasks, reports and rounds open with what waits
    for the user, worded by role."""

    def _waiting(self, model, role):
        return (
            self.env[model]
            .with_user(self.users[role])
            .search([("danvan_waiting", "=", True), ("plan_id", "=", self.plan.id)])
        )

    def test_the_menus_open_with_the_filter(self):
        for xmlid in ("task", "report", "round"):
            action = self.env.ref(f"danvan_plan.danvan_plan_{xmlid}_action")
            self.assertIn("search_default_filter_waiting", action.context)

    def test_reports_to_submit_for_the_unit_to_review_for_the_office(self):
        draft = self._report(
            self.task_quarterly, self.unit_science, self.users["staff"]
        )
        sent = self._report(self.task_smq, self.unit_smq, self.head_smq)
        sent.with_user(self.head_smq).action_submit()
        self.assertEqual(self._waiting("danvan.plan.report", "unit_head"), draft)
        self.assertEqual(self._waiting("danvan.plan.report", "staff"), draft)
        self.assertEqual(self._waiting("danvan.plan.report", "office"), sent)
        sent.with_user(self.users["office"]).return_reason = "Thiếu minh chứng"
        sent.with_user(self.users["office"]).action_return()
        self.assertFalse(self._waiting("danvan.plan.report", "office"))
        self.assertEqual(
            self.env["danvan.plan.report"]
            .with_user(self.head_smq)
            .search([("danvan_waiting", "=", True)]),
            sent,
        )
        self.assertTrue(sent.with_user(self.head_smq).danvan_waiting)
        self.assertFalse(draft.with_user(self.users["office"]).danvan_waiting)

    def test_tasks_of_my_unit_and_tasks_to_close(self):
        mine = self._waiting("danvan.plan.task", "unit_head")
        self.assertIn(self.task_quarterly, mine)
        self.assertIn(self.task_smq, mine, "the unit cooperates on it")
        self.assertNotIn(self.task_cancelled, mine)
        self.assertNotIn(
            self.task_smq,
            self.env["danvan.plan.task"]
            .with_user(self.head_smq)
            .search([("danvan_waiting", "=", False)]),
        )
        self.task_smq.action_mark_reported()
        self.assertIn(self.task_smq, self._waiting("danvan.plan.task", "office"))
        self.assertNotIn(
            self.task_on_request, self._waiting("danvan.plan.task", "office")
        )

    def test_what_waits_for_a_unit_is_read_from_its_index(self):
        """Issue 15: the unit's open tasks are a condition on the lead unit
        that the unit's index serves, the tasks it cooperates on by their
        ids: no subquery on the cooperating units for each task."""
        Task = self.env["danvan.plan.task"].with_user(self.head_smq)
        query = Task._search([("danvan_waiting", "=", True)])
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.env.cr.execute(SQL("EXPLAIN %s", query.select(SQL("COUNT(*)"))))
        plan = "\n".join(row[0] for row in self.env.cr.fetchall())
        self.env.cr.execute("SET LOCAL enable_seqscan = on")
        self.assertRegex(plan, r"Index Cond: .*lead_department_id = ")
        self.assertNotIn("SubPlan", plan)
        self.assertIn(self.task_smq, Task.search([("danvan_waiting", "=", True)]))

    def test_rounds_to_collect_for_the_office_to_approve_for_leadership(self):
        collecting = self._round()
        collecting.with_user(self.users["office"]).action_open()
        self.assertEqual(self._waiting("danvan.plan.round", "office"), collecting)
        self.assertEqual(self._waiting("danvan.plan.round", "unit_head"), collecting)
        self.assertFalse(self._waiting("danvan.plan.round", "leader"))
        submitted = self._submitted_round(round_type="annual")
        self.assertEqual(self._waiting("danvan.plan.round", "leader"), submitted)
