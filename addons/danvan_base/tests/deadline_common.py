"""What the tests of every addon check of a stored date that follows the
calendar (CAL-4, CAL-5, danvan.calendar.dates.mixin)."""

from datetime import timedelta


class FollowsCalendarCase:
    """For a TransactionCase of DanvanCommon: the Office adds a day off, then
    archives it, and the stored date moves, then moves back."""

    def _day_off(self, day):
        """A confirmed day off on ``day``, added by the Office."""
        return (
            self.env["danvan.holiday"]
            .with_user(self.users["office"])
            .create(
                {
                    "name": "Nghỉ đột xuất",
                    "day_type": "public_holiday",
                    "date_from": day,
                    "state": "confirmed",
                }
            )
        )

    def _assert_follows_calendar(self, record, fname, start, working_days):
        """``record[fname]`` ends a period from ``start``: a day off on its
        last day moves it to the next working day (CAL-4), and so does one
        inside a period of working days (CAL-5); one inside a period of
        calendar days does not (CAL-4). Archiving the day off moves it back."""
        calendar = self.env["danvan.holiday"]
        last = record[fname]
        self.assertTrue(last, fname)
        self.assertTrue(calendar.is_working_day(last), fname)
        later = calendar.add_working_days(last, 1)
        inside = calendar.add_working_days(start, 1)
        if working_days:
            inside = calendar.add_working_days(
                start, calendar.count_working_days(start, last) - 1
            )
        cases = [(last, later)]
        if start < inside < last:
            cases.append((inside, later if working_days else last))
        for day, expected in cases:
            day_off = self._day_off(day)
            self.assertEqual(record[fname], expected, f"{fname}: day off on {day}")
            day_off.with_user(self.users["office"]).action_archive()
            self.assertEqual(record[fname], last, f"{fname}: day off {day} archived")

    def _amend_time_limit(self, code, day, duration, variant="normal"):
        """The law changes ``code`` from ``day``: the limit in force ends the
        day before and a new one with ``duration`` starts (CAL-8)."""
        Limit = self.env["danvan.time.limit"].with_user(self.users["dv_admin"])
        old = Limit._get_limit(code, day, variant)
        old.date_to = day - timedelta(days=1)
        return Limit.create(
            {
                "name": old.name,
                "code": code,
                "variant": variant,
                "duration": duration,
                "unit": old.unit,
                "date_from": day,
            }
        )
