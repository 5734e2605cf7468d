from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.modules.migration import load_script
from odoo.tests import tagged

from odoo.addons.danvan_base.tests.deadline_common import FollowsCalendarCase

from .common import ModelsCommon


@tagged("post_install", "-at_install")
class TestRoundDueFollowsCalendar(FollowsCalendarCase, ModelsCommon):
    """A registration round is due on its deadline, or the next working day
    after a day off, and the reminders count to that day (issue 12, item 2;
    CAL-4, CAL-5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["danvan.holiday"]
        year = fields.Date.today().year + 1
        # A working Friday followed by a working Monday.
        friday = date(year, 9, 4)
        while not (
            friday.weekday() == 4
            and cls.calendar.is_working_day(friday)
            and cls.calendar.add_working_days(friday, 1) == friday + timedelta(3)
        ):
            friday += timedelta(days=1)
        cls.friday = friday
        cls.next_round = cls.Round.create(
            {
                "year": year,
                "date_deadline": friday,
                "reminder_days": 1,
                "department_ids": [(6, 0, (cls.unit_science | cls.unit_smq).ids)],
            }
        )

    def test_cal4_due_date_follows_a_day_off(self):
        self.assertEqual(self.next_round.date_due, self.friday)
        self._assert_follows_calendar(
            self.next_round,
            "date_due",
            self.friday - timedelta(days=1),
            working_days=False,
        )

    def test_cal5_reminder_and_registration_count_to_the_due_date(self):
        """The deadline Friday becomes a day off: on the Saturday, units
        may still register until Monday and are reminded."""
        self.next_round.with_user(self.users["office"]).action_open()
        self._day_off(self.friday)
        monday = self.friday + timedelta(days=3)
        self.assertEqual(self.next_round.date_due, monday)
        saturday = self.friday + timedelta(days=1)
        self.assertTrue(self.next_round._is_registration_open(monday))
        with freeze_time(saturday):
            self.Round._cron_remind_units()
        self.assertEqual(self.next_round.date_reminded, saturday)


@tagged("post_install", "-at_install")
class TestReminderMigration(ModelsCommon):
    """18.0.1.3.0: a round already reminded is not reminded again."""

    def test_upgrade_marks_the_reminded_rounds_warned(self):
        self.model_round.date_reminded = date(2025, 3, 26)
        other = self.Round.create({"year": 2026, "date_deadline": date(2026, 3, 31)})
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("ALTER TABLE danvan_model_round DROP COLUMN deadline_warned")
        load_script(
            "danvan_models/migrations/18.0.1.3.0/pre-migration.py",
            "danvan_models_pre_migration_18_0_1_3_0",
        ).mark_reminded_rounds_warned(cr)
        cr.execute(
            "SELECT id, deadline_warned FROM danvan_model_round WHERE id IN %s",
            [(self.model_round.id, other.id)],
        )
        self.assertEqual(
            dict(cr.fetchall()), {self.model_round.id: True, other.id: False}
        )
