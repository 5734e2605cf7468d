from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.modules.migration import load_script
from odoo.tests import tagged

from odoo.addons.danvan_base.tests.deadline_common import FollowsCalendarCase

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestPlanDatesFollowCalendar(FollowsCalendarCase, DanvanCommon):
    """The due dates of tasks, periods and report rounds follow an edit of
    the calendar (issue 12, item 2; CAL-4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["danvan.holiday"]
        cls.year = fields.Date.today().year + 1
        cls.plan = cls.env["danvan.plan"].create(
            {"name": "Kế hoạch năm sau", "year": cls.year, "plan_type": "other"}
        )
        cls.item = cls.env["danvan.plan.item"].create(
            {"plan_id": cls.plan.id, "mark": "1", "name": "Tuyên truyền"}
        )

    def _task(self, **vals):
        return self.env["danvan.plan.task"].create(
            {
                "name": "Tuyên truyền pháp luật",
                "item_id": self.item.id,
                "lead_department_id": self.unit_science.id,
                **vals,
            }
        )

    def _assert_rolls_forward(self, record, fname):
        """A day off on the due day moves it to the next working day."""
        self._assert_follows_calendar(
            record, fname, record[fname] - timedelta(days=1), working_days=False
        )

    def test_cal4_task_due_date_follows_a_day_off(self):
        deadline = self.calendar.roll_forward(date(self.year, 9, 15))
        task = self._task(date_deadline=deadline)
        self.assertEqual(task.date_due, deadline)
        self._assert_rolls_forward(task, "date_due")

    def test_cal4_a_closed_task_keeps_its_due_date(self):
        deadline = self.calendar.roll_forward(date(self.year, 9, 15))
        task = self._task(date_deadline=deadline)
        task.action_mark_reported()
        task.action_done()
        self.assertEqual((task.state, task.date_due), ("done", deadline))
        self._day_off(deadline)
        self.assertEqual(task.date_due, deadline)

    def test_cal5_responsible_warned_then_unit_head_alerted(self):
        """One cron for every deadline: the responsible are warned two
        working days before the due date, the head of the lead unit once it
        is missed, each once."""
        due = self.calendar.roll_forward(date(self.year, 9, 15))
        staff, head = self.users["staff"], self.users["unit_head"]
        task = self._task(date_deadline=due, user_ids=[(6, 0, staff.ids)])
        Task = self.env["danvan.plan.task"]
        todos = task.activity_ids
        with freeze_time(due - timedelta(days=7)):
            Task._cron_check_deadlines()
        self.assertFalse(task.deadline_warned)
        with freeze_time(due):
            Task._cron_check_deadlines()
            Task._cron_check_deadlines()
        self.assertTrue(task.deadline_warned)
        self.assertEqual((task.activity_ids - todos).user_id, staff)
        todos = task.activity_ids
        with freeze_time(due + timedelta(days=1)):
            Task._cron_check_deadlines()
            Task._cron_check_deadlines()
        self.assertTrue(task.deadline_escalated)
        self.assertEqual((task.activity_ids - todos).user_id, head)

    def test_cal4_period_due_date_follows_a_day_off(self):
        task = self._task(recurrence="quarterly")
        period = task.period_ids.filtered(lambda p: p.date_start.month == 4)
        self.assertEqual(period.date_end, date(self.year, 6, 30))
        self._assert_rolls_forward(period, "date_due")

    def test_cal4_round_cutoff_follows_a_day_off(self):
        """DVK-7: the units report by 10 June, or the next working day."""
        self.plan.state = "approved"
        round_ = self.env["danvan.plan.round"].create({"plan_id": self.plan.id})
        self.assertEqual(
            round_.date_cutoff, self.calendar.roll_forward(date(self.year, 6, 10))
        )
        self._assert_rolls_forward(round_, "date_cutoff")

    def test_cal4_a_cutoff_set_by_the_office_follows_a_day_off(self):
        self.plan.state = "approved"
        cutoff = self.calendar.roll_forward(date(self.year, 5, 20))
        round_ = self.env["danvan.plan.round"].create(
            {"plan_id": self.plan.id, "date_cutoff": cutoff}
        )
        self.assertEqual(round_.date_cutoff, cutoff)
        self._assert_rolls_forward(round_, "date_cutoff")


@tagged("post_install", "-at_install")
class TestDeadlineMigration(DanvanCommon):
    """18.0.1.2.0: a round keeps the cut-off the Office set, and the tasks
    already late are not alerted again."""

    def test_upgrade_keeps_the_cutoff_set_and_marks_late_tasks(self):
        year = fields.Date.today().year - 1
        plan = self.env["danvan.plan"].create(
            {"name": "Kế hoạch cũ", "year": year, "plan_type": "other"}
        )
        item = self.env["danvan.plan.item"].create(
            {"plan_id": plan.id, "mark": "1", "name": "Tuyên truyền"}
        )
        task = self.env["danvan.plan.task"].create(
            {
                "name": "Việc đã quá hạn",
                "item_id": item.id,
                "lead_department_id": self.unit_science.id,
                "date_deadline": date(year, 3, 16),
            }
        )
        plan.state = "approved"
        round_ = self.env["danvan.plan.round"].create(
            {"plan_id": plan.id, "date_cutoff": date(year, 6, 12)}
        )
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("ALTER TABLE danvan_plan_round DROP COLUMN date_cutoff_set")
        cr.execute("ALTER TABLE danvan_plan_task DROP COLUMN deadline_escalated")
        load_script(
            "danvan_plan/migrations/18.0.1.2.0/pre-migration.py",
            "danvan_plan_pre_migration_18_0_1_2_0",
        ).migrate(cr, "18.0.1.1.0")
        cr.execute(
            "SELECT date_cutoff_set FROM danvan_plan_round WHERE id = %s", [round_.id]
        )
        self.assertEqual(cr.fetchone()[0], date(year, 6, 12))
        cr.execute(
            "SELECT deadline_escalated FROM danvan_plan_task WHERE id = %s", [task.id]
        )
        self.assertTrue(cr.fetchone()[0])
