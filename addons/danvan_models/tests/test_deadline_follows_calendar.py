from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
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
