from datetime import datetime

from odoo.tests import tagged

from .conference_common import ConferenceCommon


@tagged("post_install", "-at_install")
class TestConferenceQueries(ConferenceCommon):
    """Convening and check-in cost the same queries for 10 or 50 staff."""

    def _measure(self, year):
        conference = self._with_opinion(
            self._conference(
                work_year=year, date_conference=datetime(year + 1, 3, 10, 2, 0)
            )
        )
        office = self.users["office"]
        conference.flush_recordset()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        conference.with_user(office).action_convene()
        self.env.flush_all()
        convene = self.env.cr.sql_log_count - before
        # As the web client calls it: the records of the list, by their ids.
        attendees = self.Attendee.with_user(office).browse(conference.attendee_ids.ids)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        attendees.action_check_in()
        self.env.flush_all()
        checkin = self.env.cr.sql_log_count - before
        self.assertEqual(conference.present_count, len(attendees))
        return len(attendees), convene, checkin

    def test_convening_and_check_in_are_flat_in_staff(self):
        self._set_headcount(10)
        self._measure(2020)  # warms the caches
        self._measure(2021)
        small = self._measure(2022)
        self._add_staff(40)
        large = self._measure(2023)
        self.assertEqual((small[0], large[0]), (10, 50))
        # Five times the staff, no more queries.
        self.assertLessEqual(large[1], small[1], "convening")
        self.assertLessEqual(large[2], small[2], "check-in")
