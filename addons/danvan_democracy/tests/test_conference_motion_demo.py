from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestConferenceMotionDemo(TransactionCase):
    """The demo conference of the previous work year: its motions counted
    against the 45 present, the secret one hidden, the review published
    (DC-8, DC-10, DC-22)."""

    def test_dc8_demo_motions_are_counted_and_closed(self):
        conference = self.env.ref("danvan_democracy.danvan_conference_last_demo")
        self.assertEqual((conference.state, conference.present_count), ("done", 45))
        motions = conference.danvan_motion_ids
        self.assertEqual(set(motions.mapped("state")), {"closed"})
        self.assertEqual(
            motions.mapped("result"), ["adopted", "adopted", "adopted", "rejected"]
        )
        trip = self.env.ref("danvan_democracy.danvan_conference_motion_trip_demo")
        # 22 in favour of 45 present: not more than half.
        self.assertEqual((trip.yes_count, trip.base_count), (22, 45))
        self.assertEqual(len(conference._resolution_items()), 3)
        staff_motion = self.env.ref(
            "danvan_democracy.danvan_conference_motion_contribution_demo"
        )
        self.assertTrue(staff_motion.signatures_enough)

    def test_dc22_demo_secret_votes_are_hidden_from_the_office(self):
        board = self.env.ref("danvan_democracy.danvan_conference_motion_board_demo")
        office = self.env.ref("danvan_base.user_danvan_office_demo")
        self.assertTrue(board.secret)
        Vote = self.env["danvan.conference.vote"]
        # A voter present sees their own secret vote, no other; the Office
        # sees at most its own, and the count of all.
        voter = board.conference_id.attendee_ids.filtered(
            lambda attendee: attendee.present and attendee.user_id
        )[:1].user_id
        self.assertTrue(voter)
        seen = Vote.with_user(voter).search([("motion_id", "=", board.id)])
        self.assertEqual(seen.user_id, voter)
        seen = Vote.with_user(office).search([("motion_id", "=", board.id)])
        self.assertLessEqual(set(seen.user_id.ids), {office.id})
        self.assertEqual(board.with_user(office).voted_count, 45)

    def test_dc10_demo_review_published_and_next_due(self):
        conference = self.env.ref("danvan_democracy.danvan_conference_last_demo")
        first, second = conference.danvan_review_ids.sorted("period")
        self.assertEqual((first.state, second.state), ("done", "draft"))
        self.assertTrue(first.publication_id)
        self.assertTrue(second.activity_ids)
