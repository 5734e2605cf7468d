from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestPlanTask(DanvanCommon):
    """Tasks given to units: deadlines, recurrences, rights (issue 3, item 2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_plan_2025()
        cls.item = cls.section
        cls.Task = cls.env["danvan.plan.task"]

    def _task(self, unit=None, user=None, **vals):
        values = {
            "name": "Tuyên truyền",
            "item_id": self.item.id,
            "lead_department_id": (unit or self.unit_science).id,
            "date_deadline": date(2025, 6, 30),
        }
        values.update(vals)
        return self.Task.with_user(user or self.users["office"]).create(values)

    def test_cal4_due_date_rolls_off_tet(self):
        """CAL-4: a deadline on 25/1/2025 (Tết) is due on Monday 3/2/2025."""
        task = self._task(date_deadline=date(2025, 1, 25))
        self.assertEqual(task.date_due, date(2025, 2, 3))
        self.assertEqual(
            self._task(date_deadline=date(2025, 6, 30)).date_due, date(2025, 6, 30)
        )

    def test_deadline_outside_the_plan_year_is_refused(self):
        """A deadline in another year than the plan's is a clear error."""
        with self.assertRaises(ValidationError):
            self._task(date_deadline=date(2026, 1, 15))
        with self.assertRaises(ValidationError):
            self._task(date_deadline=False)

    def test_calendar_edit_moves_the_due_date(self):
        """A day off added on a deadline moves the task's due date."""
        task = self._task(date_deadline=date(2025, 6, 30))
        self.env["danvan.holiday"].create(
            {"name": "Nghỉ đột xuất", "date_from": date(2025, 6, 30)}
        )
        self.assertEqual(task.date_due, date(2025, 7, 1))

    @freeze_time("2025-07-02")
    def test_overdue_derived_from_due_date(self):
        """Open tasks past their due date are overdue; done or future ones are not."""
        late = self._task(date_deadline=date(2025, 6, 30))
        future = self._task(date_deadline=date(2025, 7, 31))
        done = self._task(date_deadline=date(2025, 6, 30))
        done.action_mark_reported()
        done.action_done()
        self.assertTrue(late.is_overdue)
        self.assertFalse(future.is_overdue)
        self.assertFalse(done.is_overdue)
        found = self.Task.search(
            [("is_overdue", "=", True), ("item_id", "=", self.item.id)]
        )
        self.assertEqual(found, late)
        not_overdue = self.Task.search(
            [("is_overdue", "=", False), ("item_id", "=", self.item.id)]
        )
        self.assertEqual(not_overdue, future | done)

    def test_recurring_task_creates_its_periods(self):
        """A quarterly task gets its four quarters; monthly gets twelve."""
        # Named in the agency's language: English here (test_agency_language
        # checks the Vietnamese names).
        self.env["res.lang"]._activate_lang("en_US")
        self.env.company.danvan_lang = "en_US"
        task = self._task(recurrence="quarterly", date_deadline=False)
        self.assertEqual(
            task.period_ids.mapped("date_start"),
            [date(2025, 1, 1), date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1)],
        )
        self.assertEqual(task.period_ids[0].date_end, date(2025, 3, 31))
        # The first quarter ends on Monday 31/3/2025, a working day.
        self.assertEqual(task.period_ids[0].date_due, date(2025, 3, 31))
        self.assertEqual(task.period_ids[0].name, "Quarter 1/2025")
        task.period_ids[0].reported = True
        task.recurrence = "half_yearly"
        self.assertEqual(
            task.period_ids.mapped("date_start"), [date(2025, 1, 1), date(2025, 7, 1)]
        )
        task.recurrence = "monthly"
        self.assertEqual(len(task.period_ids), 12)
        task.recurrence = "ongoing"
        self.assertEqual(
            task.period_ids.filtered("reported").date_start, date(2025, 1, 1)
        )
        self.assertEqual(len(task.period_ids), 1)

    def test_period_due_date_rolls_forward(self):
        """CAL-4: August 2025 ends on Sunday 31/8, 1-2/9 are off: due 3/9."""
        task = self._task(recurrence="monthly", date_deadline=False)
        august = task.period_ids.filtered(lambda p: p.date_start == date(2025, 8, 1))
        self.assertEqual(august.date_end, date(2025, 8, 31))
        self.assertEqual(august.date_due, date(2025, 9, 3))

    def test_workflow_and_double_click(self):
        """The unit head starts and reports, the Office closes; no double click."""
        task = self._task()
        head_task = task.with_user(self.users["unit_head"])
        head_task.action_start()
        head_task.action_mark_reported()
        task.action_done()
        self.assertEqual(task.state, "done")
        with self.assertRaises(UserError):
            task.action_done()
        with self.assertRaises(UserError):
            self._task().action_done()

    def test_units_see_their_own_tasks_only(self):
        """Staff see the tasks their unit leads or cooperates on, not the others'."""
        own = self._task()
        cooperating = self._task(
            unit=self.unit_smq, cooperating_department_ids=[self.unit_science.id]
        )
        other = self._task(unit=self.unit_smq)
        staff_tasks = self.Task.with_user(self.users["staff"]).search(
            [("item_id", "=", self.item.id)]
        )
        self.assertEqual(staff_tasks, own | cooperating)
        with self.assertRaises(AccessError):
            other.with_user(self.users["staff"]).read(["name"])
        office_tasks = self.Task.with_user(self.users["office"]).search(
            [("item_id", "=", self.item.id)]
        )
        self.assertEqual(office_tasks, own | cooperating | other)

    def test_unit_head_manages_own_unit_tasks(self):
        """A unit head assigns people on own unit's tasks, not on another unit's."""
        own, other = self._task(), self._task(unit=self.unit_smq)
        head = self.users["unit_head"]
        own.with_user(head).write({"user_ids": [(6, 0, [self.users["staff"].id])]})
        self.assertEqual(own.user_ids, self.users["staff"])
        with self.assertRaises(AccessError):
            other.with_user(head).write({"user_ids": [(6, 0, [head.id])]})
        with self.assertRaises(AccessError):
            own.with_user(self.users["staff"]).write({"name": "Khác"})
        with self.assertRaises(AccessError):
            self._task(user=head)

    def test_task_list_queries_do_not_grow_with_tasks(self):
        """Reading the task list takes as many queries for 200 tasks as for 10."""
        fields_list = [
            "item_id",
            "name",
            "lead_department_id",
            "cooperating_department_ids",
            "user_ids",
            "recurrence",
            "date_due",
            "is_overdue",
            "state",
        ]

        def count_queries(limit):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Task.with_user(self.users["office"]).search_read(
                [("item_id", "=", self.item.id)], fields_list, limit=limit
            )
            return self.env.cr.sql_log_count - before

        self.Task.create(
            [
                {
                    "name": f"Nhiệm vụ {n}",
                    "item_id": self.item.id,
                    "lead_department_id": self.unit_science.id,
                    "cooperating_department_ids": [(6, 0, [self.unit_smq.id])],
                    "user_ids": [(6, 0, [self.users["staff"].id])],
                    "date_deadline": date(2025, 1 + n % 12, 10),
                }
                for n in range(200)
            ]
        )
        count_queries(10)  # warm the caches of rules and access rights
        self.assertEqual(count_queries(10), count_queries(200))
