from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_plan_round import RoundCommon

# Years and dates nobody means: no year, the first ones, the last ones Python
# and PostgreSQL hold, and the years just outside 1990-2100.
ABSURD_YEARS = (0, 1, 1989, 2101, 9999, 10000)
ABSURD_DATES = (date(1, 1, 1), date(1989, 12, 31), date(2101, 1, 1), date.max)


@tagged("post_install", "-at_install")
class TestAbsurdDates(RoundCommon):
    """Issue 11, item 8: every date and year typed in the plan app lies in
    1990-2100; a refusal is a clear error that changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office = cls.users["office"]

    def test_cal7_holiday_generator_refuses_absurd_years(self):
        """The wizard and the method behind it refuse the year before they
        create anything; a valid year is generated after a refusal."""
        Wizard = self.env["danvan.holiday.generate"].with_user(self.office)
        Holiday = self.Holiday.with_context(active_test=False)
        before = Holiday.search_count([])
        for year in ABSURD_YEARS:
            with self.assertRefused():
                Wizard.create({"year": year})
            with self.assertRefused():
                self.Holiday._generate_year(year)
        self.assertEqual(Holiday.search_count([]), before)
        Wizard.create({"year": 2029}).action_generate()
        self.assertTrue(Holiday.search_count([("year", "=", 2029)]))

    def test_cal8_holiday_dates_in_range(self):
        """A day off of year 1 or 9999 is refused, created or edited."""
        for day in ABSURD_DATES:
            with self.assertRefused():
                self.Holiday.create({"name": "Nghỉ", "date_from": day})
        holiday = self.Holiday.create({"name": "Nghỉ", "date_from": date(2030, 6, 5)})
        for day in ABSURD_DATES:
            with self.assertRefused():
                holiday.date_to = day
        self.assertEqual(holiday.date_to, date(2030, 6, 5))
        self.assertFalse(self.Holiday.is_working_day(date(2030, 6, 5)))

    def test_cal4_cal5_the_calendar_answers_absurd_dates_with_an_error(self):
        """No overflow of Python's dates: an error the user can read."""
        calendar = self.Holiday
        for call in (
            lambda: calendar.add_days(date.max, 1),
            lambda: calendar.add_days(date.min, 10),
            lambda: calendar.add_working_days(date(9999, 12, 30), 5),
            lambda: calendar.add_working_days(date(2026, 3, 2), 10**9),
            lambda: calendar.count_working_days(date.min, date.max),
            lambda: calendar.roll_forward(date.max),
            lambda: calendar.is_working_day("0000-01-01"),
        ):
            with self.assertRaises(UserError):
                call()
        # The last day a person may type still has its deadlines.
        self.assertEqual(calendar.add_days(date(2100, 12, 31), 30).year, 2101)

    def test_vb15_plan_year_and_date_in_range(self):
        Plan = self.env["danvan.plan"].with_user(self.office)
        before = Plan.search_count([])
        for year in ABSURD_YEARS:
            with self.assertRefused():
                Plan.create({"name": "Kế hoạch", "year": year, "plan_type": "other"})
        self.assertEqual(Plan.search_count([]), before)
        plan = Plan.create({"name": "Kế hoạch", "year": 1990, "plan_type": "other"})
        for year in ABSURD_YEARS:
            with self.assertRefused():
                plan.year = year
        for day in ABSURD_DATES:
            with self.assertRefused():
                plan.date_issued = day
        self.assertEqual((plan.year, plan.date_issued), (1990, False))
        plan.write({"year": 2100, "date_issued": date(2100, 12, 31)})
        self.assertEqual(plan.year, 2100)

    def test_round_dates_in_range_and_the_round_still_opens(self):
        round_ = self._round()
        dates = (round_.date_from, round_.date_to, round_.date_cutoff)
        for name in ("date_from", "date_to", "date_cutoff"):
            for day in ABSURD_DATES:
                with self.assertRefused():
                    round_.with_user(self.office)[name] = day
        self.assertEqual((round_.date_from, round_.date_to, round_.date_cutoff), dates)
        round_.with_user(self.office).action_open()
        self.assertEqual(round_.state, "open")

    def test_the_error_is_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        Wizard = self.env["danvan.holiday.generate"].with_user(self.office)
        with self.assertRefused(
            "phải trong khoảng các năm 1990–2100: không chấp nhận 9999"
        ):
            Wizard.with_context(lang="vi_VN").create({"year": 9999})
