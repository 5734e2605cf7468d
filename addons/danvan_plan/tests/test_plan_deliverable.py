from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .test_plan_round import RoundCommon


@tagged("post_install", "-at_install")
class TestPlanDeliverable(RoundCommon):
    """Progress by unit and section, and the on-time rate (issue 3, item 7)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        periods = cls.task_quarterly.period_ids
        # Quarter 1 (due 31/03/2025) reported late, on 10/04; the other
        # quarters are not reported at all.
        with freeze_time("2025-04-10"):
            cls._accepted_report(cls.task_quarterly, cls.unit_science, periods[0])
        # The one-off task (due 30/05/2025) reported early, on 20/05.
        with freeze_time("2025-05-20"):
            cls._accepted_report(cls.task_smq, cls.unit_smq, None, progress=100)
        cls.Deliverable = cls.env["danvan.plan.deliverable"]

    @classmethod
    def _accepted_report(cls, task, unit, period, progress=60):
        report = cls.env["danvan.plan.report"].create(
            {
                "task_id": task.id,
                "period_id": period and period.id,
                "department_id": unit.id,
                "content": "<p>Đã thực hiện.</p>",
                "progress": progress,
            }
        )
        report.action_submit()
        report.action_accept()
        return report

    def _on_time_by_unit(self, user):
        self.env.flush_all()
        groups = (
            self.Deliverable.with_user(user)
            .search([("plan_id", "=", self.plan.id)])
            ._read_group([], ["lead_department_id"], ["on_time:avg", "__count"])
        )
        return {unit: (rate, count) for unit, rate, count in groups}

    def test_one_row_per_one_off_task_and_per_period(self):
        self.env.flush_all()
        rows = self.Deliverable.search([("plan_id", "=", self.plan.id)])
        self.assertEqual(len(rows.filtered(lambda r: r.task_id == self.task_smq)), 1)
        self.assertEqual(
            rows.filtered(lambda r: r.task_id == self.task_quarterly).period_id,
            self.task_quarterly.period_ids,
        )
        self.assertNotIn(self.task_on_request, rows.task_id)
        self.assertNotIn(self.task_cancelled, rows.task_id)

    def test_on_time_rate_by_unit(self):
        """Early: 100 %; one late and three overdue quarters: 0 %."""
        rates = self._on_time_by_unit(self.users["office"])
        self.assertEqual(rates[self.unit_smq], (100.0, 1))
        self.assertEqual(rates[self.unit_science], (0.0, 4))
        self.env.flush_all()
        first_quarter = self.Deliverable.search(
            [("period_id", "=", self.task_quarterly.period_ids[0].id)]
        )
        self.assertEqual(first_quarter.date_delivered, date(2025, 4, 10))
        self.assertFalse(first_quarter.is_late, "delivered, though after its day")

    def test_not_yet_due_is_left_out_of_the_rate(self):
        plan_next = self.env["danvan.plan"].create(
            {
                "name": "Kế hoạch sau",
                "year": date.today().year + 1,
                "plan_type": "other",
            }
        )
        item = self.env["danvan.plan.item"].create(
            {"plan_id": plan_next.id, "mark": "I", "name": "NỘI DUNG"}
        )
        task = self.env["danvan.plan.task"].create(
            {
                "name": "Việc năm sau",
                "item_id": item.id,
                "lead_department_id": self.unit_smq.id,
                "date_deadline": date(plan_next.year, 3, 2),
            }
        )
        self.env.flush_all()
        row = self.Deliverable.search([("task_id", "=", task.id)])
        self.assertFalse(row.is_late)
        groups = self.Deliverable._read_group(
            [("lead_department_id", "=", self.unit_smq.id)], [], ["on_time:avg"]
        )
        self.assertEqual(groups[0][0], 100.0, "the row not yet due does not count")

    def test_a_unit_sees_only_its_own_deliverables(self):
        rates = self._on_time_by_unit(self.users["unit_head"])
        self.assertEqual(set(rates), {self.unit_science})

    def test_progress_by_unit_and_section_is_stored_for_the_pivot(self):
        groups = self.env["danvan.plan.task"]._read_group(
            [("plan_id", "=", self.plan.id), ("state", "!=", "cancelled")],
            ["lead_department_id", "section_id"],
            ["progress:avg"],
        )
        progress = {(unit, section): value for unit, section, value in groups}
        self.assertEqual(progress[self.unit_smq, self.section_one], 100)
        self.assertEqual(self.task_quarterly.section_id, self.section)
        self.assertEqual(progress[self.unit_science, self.section], 30)
