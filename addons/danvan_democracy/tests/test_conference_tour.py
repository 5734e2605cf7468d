from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .conference_common import ConferenceCommon


@tagged("post_install", "-at_install")
class TestConferenceTour(VietnameseBrowserCase, ConferenceCommon):
    """In Chromium: the Office convenes the conference, checks attendees in,
    opens it on its quorum and goes through the agenda (DC-7 to DC-9)."""

    def test_office_from_convening_to_the_held_conference(self):
        self._set_headcount(9)
        conference = self._with_opinion(self._conference())
        self.start_tour(
            f"/odoo/action-danvan_democracy.danvan_conference_action/{conference.id}",
            "danvan_conference_tour",
            login=self.users["office"].login,
        )
        self.assertEqual(conference.state, "done")
        self.assertEqual((conference.present_count, conference.invited_count), (6, 9))
        self.assertTrue(conference.agenda_done)
        self.assertTrue(
            all(conference.attendee_ids.filtered("present").mapped("date_checkin"))
        )

    def test_staff_see_their_conference(self):
        conference = self._convened()
        self._check_in(conference, 6)
        self.start_tour(
            "/odoo/action-danvan_democracy.danvan_conference_action",
            "danvan_conference_staff_tour",
            login=self.users["staff"].login,
        )
