from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .motion_common import MotionCommon


@tagged("post_install", "-at_install")
class TestConferenceBallot(MotionCommon):
    """DC-5: a second convocation still without quorum: a written ballot to
    all staff, counted against the headcount."""

    def _ballot(self, extra=3, **values):
        conference, extra_staff = self._conference(extra=extra, state="ballot")
        motion = self._motion(
            conference, date_ballot_close=date.today() + timedelta(days=7), **values
        )
        motion.action_send_ballot()
        return conference, extra_staff, motion

    def test_dc5_every_staff_member_with_a_login_gets_a_ballot(self):
        _conference, _extra, motion = self._ballot()
        self.assertTrue(motion.ballot)
        asked = motion.activity_ids.user_id
        self.assertEqual(
            asked, self.env["res.users"].browse([u.id for u in self.users.values()])
        )
        self.assertTrue(motion.with_user(self.users["staff"]).can_vote)
        motion.with_user(self.users["staff"]).action_vote_yes()
        self.assertNotIn(self.users["staff"], motion.activity_ids.user_id)

    def test_dc5_the_office_records_the_ballots_of_staff_without_a_login(self):
        _conference, extra, motion = self._ballot()
        self._cast(motion, extra)
        self.assertEqual(motion.yes_count, 3)
        with self.assertRaisesRegex(UserError, "in their own name"):
            self._cast(motion, self.employee["staff"])

    def test_dc5_exactly_half_of_all_staff_in_favour_fails(self):
        conference, extra, motion = self._ballot()  # 10 staff
        self._cast(motion, extra)
        for login in ("staff", "union"):
            motion.with_user(self.users[login]).action_vote_yes()
        self.assertEqual((motion.yes_count, motion.base_count), (5, 10))
        conference.with_user(self.users["office"]).action_close_ballot()
        self.assertEqual((motion.state, motion.result), ("closed", "rejected"))

    def test_dc5_half_of_all_staff_plus_one_passes(self):
        conference, extra, motion = self._ballot()
        other = self._motion(
            conference, name="Tham quan", date_ballot_close=date.today()
        )
        other.action_send_ballot()
        self._cast(motion, extra)
        for login in ("staff", "union", "board"):
            motion.with_user(self.users[login]).action_vote_yes()
        conference.with_user(self.users["office"]).action_close_ballot()
        self.assertEqual(motion.result, "adopted")
        self.assertEqual(other.state, "closed")
        self.assertFalse(motion.activity_ids)
        # Closed: no more answers.
        with self.assertRaisesRegex(UserError, "not open to the vote"):
            motion.with_user(self.users["leader"]).action_vote_yes()

    def test_dc5_a_ballot_needs_a_closing_date_and_the_ballot_state(self):
        conference, _extra = self._conference(state="ballot")
        motion = self._motion(conference)
        with self.assertRaisesRegex(UserError, "closing date"):
            motion.action_send_ballot()
        motion.date_ballot_close = date.today() - timedelta(days=1)
        with self.assertRaisesRegex(UserError, "closing date"):
            motion.action_send_ballot()
        in_session, _extra = self._conference()
        motion = self._motion(in_session, date_ballot_close=date.today())
        with self.assertRaisesRegex(UserError, "written ballot"):
            motion.action_send_ballot()
        self.assertEqual(motion.state, "draft")

    def test_dc5_only_the_office_closes_the_ballot(self):
        conference, _extra, motion = self._ballot()
        for login in ("staff", "union"):
            with self.assertRaises(AccessError):
                conference.with_user(self.users[login]).action_close_ballot()
        self.assertEqual(motion.state, "open")

    def test_dc5_the_ballot_closes_after_its_closing_date(self):
        _conference, _extra, motion = self._ballot()
        self.Motion._cron_close_ballots()
        self.assertEqual(motion.state, "open")
        with freeze_time(date.today() + timedelta(days=8)):
            self.Motion._cron_close_ballots()
        self.assertEqual(motion.state, "closed")
