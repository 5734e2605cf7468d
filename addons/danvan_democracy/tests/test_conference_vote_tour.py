from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .motion_common import MotionCommon


@tagged("post_install", "-at_install")
class TestConferenceVoteTour(VietnameseBrowserCase, MotionCommon):
    """In Chromium: a staff member present votes on the open motion, the
    Office closes the vote and sees the motion adopted (DC-8)."""

    def test_dc8_staff_votes_and_office_closes(self):
        # Only the staff member is present: one vote in favour is a majority.
        conference, _extra = self._conference(
            absent=[login for login in self.users if login != "staff"]
        )
        motion = self._open(conference, name="Quỹ phúc lợi kiểm thử")
        self.start_tour(
            "/odoo/action-danvan_democracy.danvan_conference_motion_action_open",
            "danvan_conference_vote_tour",
            login=self.users["staff"].login,
        )
        vote = self.Vote.search([("motion_id", "=", motion.id)])
        self.assertEqual(
            (vote.employee_id, vote.choice), (self.employee["staff"], "yes")
        )
        self.start_tour(
            "/odoo/action-danvan_democracy.danvan_conference_motion_action",
            "danvan_conference_motion_close_tour",
            login=self.users["office"].login,
        )
        self.assertEqual((motion.state, motion.result), ("closed", "adopted"))
