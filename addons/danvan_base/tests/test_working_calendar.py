from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWorkingCalendar(TransactionCase):
    """Deadline arithmetic on the official 2025 and 2026 schedules (CAL-1 to CAL-5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cal = cls.env["danvan.holiday"]

    # is_working_day -----------------------------------------------------

    def test_cal5_weekdays_work_and_weekends_rest(self):
        """CAL-5: an ordinary Monday works, an ordinary Saturday and Sunday do not."""
        self.assertTrue(self.cal.is_working_day(date(2025, 3, 3)))
        self.assertFalse(self.cal.is_working_day(date(2025, 3, 8)))
        self.assertFalse(self.cal.is_working_day(date(2025, 3, 9)))

    def test_cal1_tet_2025_is_off(self):
        """CAL-1: every day of Tết 2025 (25/1-2/2) is off, the days around it work."""
        self.assertTrue(self.cal.is_working_day(date(2025, 1, 24)))
        for day in range(25, 32):
            self.assertFalse(self.cal.is_working_day(date(2025, 1, day)), day)
        self.assertFalse(self.cal.is_working_day(date(2025, 2, 1)))
        self.assertFalse(self.cal.is_working_day(date(2025, 2, 2)))
        self.assertTrue(self.cal.is_working_day(date(2025, 2, 3)))

    def test_cal1_fixed_holidays_2025(self):
        """CAL-1: 1/1, Giỗ Tổ 7/4, 30/4, 1/5, 1/9 and 2/9 of 2025 are off."""
        for day in (
            date(2025, 1, 1),
            date(2025, 4, 7),
            date(2025, 4, 30),
            date(2025, 5, 1),
            date(2025, 9, 1),
            date(2025, 9, 2),
        ):
            self.assertFalse(self.cal.is_working_day(day), day)

    def test_cal2_swapped_days_2025(self):
        """CAL-2: Friday 2/5/2025 is a swapped day off, Saturday 26/4/2025 is worked."""
        self.assertFalse(self.cal.is_working_day(date(2025, 5, 2)))
        self.assertTrue(self.cal.is_working_day(date(2025, 4, 26)))

    def test_cal2_swapped_days_2026(self):
        """CAL-2: 2/1 and 31/8/2026 are off; Saturdays 10/1 and 22/8/2026 are worked."""
        self.assertFalse(self.cal.is_working_day(date(2026, 1, 2)))
        self.assertTrue(self.cal.is_working_day(date(2026, 1, 10)))
        self.assertFalse(self.cal.is_working_day(date(2026, 8, 31)))
        self.assertTrue(self.cal.is_working_day(date(2026, 8, 22)))

    def test_cal2_compensatory_day_2026(self):
        """CAL-2: Giỗ Tổ 2026 falls on Sunday 26/4, so Monday 27/4 is off."""
        self.assertFalse(self.cal.is_working_day(date(2026, 4, 27)))
        self.assertTrue(self.cal.is_working_day(date(2026, 4, 28)))

    def test_accepts_strings_and_datetimes(self):
        """Dates may come as 'YYYY-MM-DD' strings or datetimes, as from the ORM."""
        self.assertFalse(self.cal.is_working_day("2026-02-16"))
        self.assertFalse(self.cal.is_working_day(datetime(2026, 2, 16, 9, 30)))
        self.assertEqual(self.cal.add_working_days("2026-02-13", 1), date(2026, 2, 23))

    # add_working_days ---------------------------------------------------

    def test_cal5_working_days_skip_tet(self):
        """CAL-5: the 2nd working day after Thursday 23/1/2025 is Monday 3/2/2025."""
        self.assertEqual(
            self.cal.add_working_days(date(2025, 1, 23), 1), date(2025, 1, 24)
        )
        self.assertEqual(
            self.cal.add_working_days(date(2025, 1, 23), 2), date(2025, 2, 3)
        )

    def test_cal5_working_days_count_swapped_saturday(self):
        """CAL-5: the working day after Friday 25/4/2025 is Saturday 26/4 (swapped)."""
        self.assertEqual(
            self.cal.add_working_days(date(2025, 4, 25), 1), date(2025, 4, 26)
        )
        self.assertEqual(
            self.cal.add_working_days(date(2025, 4, 29), 1), date(2025, 5, 5)
        )

    def test_cal5_start_day_not_counted(self):
        """CAL-5: the start day is never counted, even when it is a working day."""
        self.assertEqual(
            self.cal.add_working_days(date(2025, 3, 3), 1), date(2025, 3, 4)
        )

    def test_n_zero_returns_start(self):
        """n = 0 returns the start itself, for both kinds of period."""
        self.assertEqual(
            self.cal.add_working_days(date(2025, 1, 26), 0), date(2025, 1, 26)
        )
        self.assertEqual(self.cal.add_days(date(2025, 1, 26), 0), date(2025, 1, 26))

    def test_xld8_petition_deadline_over_tet_2026(self):
        """XLD-8: 10 working days from Tuesday 10/2/2026 cross Tết: 3/3/2026."""
        self.assertEqual(
            self.cal.add_working_days(date(2026, 2, 10), 10), date(2026, 3, 3)
        )

    def test_year_boundary_2025_2026(self):
        """Across the new year: 1/1 and the swapped 2/1/2026 are skipped."""
        self.assertEqual(
            self.cal.add_working_days(date(2025, 12, 31), 1), date(2026, 1, 5)
        )
        self.assertEqual(
            self.cal.add_working_days(date(2025, 12, 30), 2), date(2026, 1, 5)
        )

    # add_days -----------------------------------------------------------

    def test_cal4_last_day_on_tet_moves_to_next_working_day(self):
        """CAL-4: 10 days from 15/1/2025 end on 25/1 (Tết), so the period ends 3/2."""
        self.assertEqual(self.cal.add_days(date(2025, 1, 15), 10), date(2025, 2, 3))

    def test_cal4_last_day_on_working_day_stays(self):
        """CAL-4: 30 days from 3/3/2025 end on Wednesday 2/4/2025."""
        self.assertEqual(self.cal.add_days(date(2025, 3, 3), 30), date(2025, 4, 2))

    def test_cal4_last_day_on_swapped_saturday_stays(self):
        """CAL-4: a period ending on the worked Saturday 26/4/2025 ends that day."""
        self.assertEqual(self.cal.add_days(date(2025, 4, 16), 10), date(2025, 4, 26))

    def test_kn7_resolution_deadline_over_national_day_2026(self):
        """KN-7: 30 days from Saturday 1/8/2026 end 31/8 (off): so Thursday 3/9."""
        self.assertEqual(self.cal.add_days(date(2026, 8, 1), 30), date(2026, 9, 3))

    def test_cal4_weekend_end_moves_to_monday(self):
        """CAL-4: a period ending on an ordinary Sunday ends on Monday."""
        self.assertEqual(self.cal.add_days(date(2025, 3, 2), 7), date(2025, 3, 10))

    # count_working_days -------------------------------------------------

    def test_count_working_days_over_tet(self):
        """Only 3/2/2025 works between Friday 24/1 and Monday 3/2/2025."""
        self.assertEqual(
            self.cal.count_working_days(date(2025, 1, 24), date(2025, 2, 3)), 1
        )
        self.assertEqual(
            self.cal.count_working_days(date(2025, 3, 3), date(2025, 3, 3)), 0
        )

    def test_count_working_days_over_year_boundary(self):
        """From 31/12/2025 to 10/1/2026: 5-9/1 and the swapped Saturday 10/1."""
        self.assertEqual(
            self.cal.count_working_days(date(2025, 12, 31), date(2026, 1, 10)), 6
        )

    def test_count_is_inverse_of_add(self):
        """count_working_days(s, add_working_days(s, n)) == n over 2025-2026."""
        start = date(2024, 12, 20)
        for offset in range(0, 720, 7):
            day = date.fromordinal(start.toordinal() + offset)
            for n in (0, 1, 5, 10, 30):
                end = self.cal.add_working_days(day, n)
                self.assertEqual(self.cal.count_working_days(day, end), n, (day, n))
                if n:
                    self.assertTrue(self.cal.is_working_day(end), (day, n))

    # absurd input -------------------------------------------------------

    def test_absurd_counts_are_refused(self):
        """A negative, fractional, boolean, textual or huge n is a clear error."""
        for bad in (-1, 1.5, True, "3", None, 10**6):
            with self.assertRaises(UserError, msg=repr(bad)):
                self.cal.add_working_days(date(2025, 3, 3), bad)
            with self.assertRaises(UserError, msg=repr(bad)):
                self.cal.add_days(date(2025, 3, 3), bad)

    def test_absurd_dates_are_refused(self):
        """A non-date, or a date far outside the calendar, is refused."""
        for bad in ("not a date", "2025-02-30", None, 20250303, date(1800, 1, 1)):
            with self.assertRaises(UserError, msg=repr(bad)):
                self.cal.is_working_day(bad)
        with self.assertRaises(UserError):
            self.cal.add_days(date(2300, 1, 1), 3)

    def test_count_end_before_start_is_refused(self):
        """count_working_days with an end before the start is a clear error."""
        with self.assertRaises(UserError):
            self.cal.count_working_days(date(2025, 3, 3), date(2025, 3, 2))

    def test_error_message_is_vietnamese(self):
        """The error reaches a Vietnamese user in Vietnamese."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["danvan_base"], ["vi_VN"], overwrite=True
        )
        with self.assertRaises(UserError) as error:
            self.cal.with_context(lang="vi_VN").add_working_days(date(2025, 3, 3), -1)
        self.assertIn("không phải là số ngày hợp lệ", str(error.exception))

    # speed --------------------------------------------------------------

    def test_answers_from_the_cache_without_queries(self):
        """After the first call, no query runs however many days are asked."""
        self.cal.is_working_day(date(2025, 1, 1))
        with self.assertQueryCount(0):
            for offset in range(500):
                day = date.fromordinal(date(2025, 1, 1).toordinal() + offset)
                self.cal.is_working_day(day)
                self.cal.add_working_days(day, 10)
                self.cal.add_days(day, 30)
                self.cal.count_working_days(day, date(2027, 1, 1))
