from odoo.exceptions import UserError
from odoo.tests import tagged

from .conference_common import ConferenceCommon


@tagged("post_install", "-at_install")
class TestConferenceAttendee(ConferenceCommon):
    """The check-in at the door (DC-8)."""

    def test_dc8_check_in_counts_towards_the_quorum(self):
        conference = self._convened(headcount=9)
        attendee = self._check_in(conference, 1)
        self.assertTrue(attendee.present)
        self.assertTrue(attendee.date_checkin)
        self.assertEqual(conference.present_count, 1)

    def test_dc8_double_check_in_changes_nothing(self):
        conference = self._convened(headcount=9)
        attendee = self._check_in(conference, 1)
        first = attendee.date_checkin
        attendee.with_user(self.users["office"]).action_check_in()
        self.assertEqual(attendee.date_checkin, first)
        self.assertEqual(conference.present_count, 1)

    def test_dc8_attendance_is_not_written_directly(self):
        conference = self._convened(headcount=9)
        attendee = conference.attendee_ids[:1].with_user(self.users["office"])
        with self.assertRaisesRegex(UserError, "checking them in"):
            attendee.write({"present": True})
        with self.assertRaisesRegex(UserError, "checking them in"):
            self.Attendee.with_user(self.users["office"]).create(
                {
                    "conference_id": conference.id,
                    "employee_id": self._add_staff(1).id,
                    "present": True,
                }
            )
        self.assertEqual(conference.present_count, 0)

    def test_dc8_only_the_office_checks_in(self):
        conference = self._convened(headcount=9)
        mine = conference.attendee_ids.filtered(
            lambda a: a.user_id == self.users["staff"]
        )
        for login in ("staff", "union", "unit_head"):
            with self.assertRaisesRegex(UserError, "Only the Office"):
                mine.with_user(self.users[login]).action_check_in()
        self.assertFalse(mine.present)

    def test_dc8_no_check_in_before_convening_nor_after_the_conference(self):
        conference = self._held()
        absent = conference.attendee_ids.filtered(lambda a: not a.present)[:1]
        present_before = conference.present_count
        with self.assertRaisesRegex(UserError, "checked in once it is convened"):
            absent.with_user(self.users["office"]).action_check_in()
        with self.assertRaisesRegex(UserError, "kept as it was"):
            absent.with_user(self.users["office"]).write({"is_delegate": True})
        with self.assertRaisesRegex(UserError, "fixed once the conference opens"):
            absent.with_user(self.users["office"]).unlink()
        self.assertEqual(conference.present_count, present_before)

    def test_dc8_late_arrival_during_the_session_counts(self):
        conference = self._convened(headcount=9)
        self._check_in(conference, 6)
        conference.with_user(self.users["office"]).action_open()
        late = conference.attendee_ids.filtered(lambda a: not a.present)[:1]
        late.with_user(self.users["office"]).action_check_in()
        self.assertEqual(conference.present_count, 7)
        # The list of those invited is fixed once open.
        with self.assertRaisesRegex(UserError, "fixed once the conference opens"):
            self.Attendee.with_user(self.users["office"]).create(
                {"conference_id": conference.id, "employee_id": self._add_staff(1).id}
            )
        with self.assertRaisesRegex(UserError, "stays so"):
            late.with_user(self.users["office"]).action_undo_check_in()

    def test_dc8_undo_a_mistaken_check_in_before_opening(self):
        conference = self._convened(headcount=9)
        attendee = self._check_in(conference, 1)
        attendee.with_user(self.users["office"]).action_undo_check_in()
        self.assertFalse(attendee.present)
        self.assertFalse(attendee.date_checkin)
        self.assertEqual(conference.present_count, 0)
