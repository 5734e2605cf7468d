from odoo.tests import tagged

from .motion_common import MotionCommon


@tagged("post_install", "-at_install")
class TestConferenceMotionQueries(MotionCommon):
    """The tally is counted in queries flat in the number of attendees."""

    def _tally_queries(self, extra):
        conference, staff = self._conference(extra=extra)
        motions = self._open(conference) | self._open(conference, name="Hai")
        self._cast(motions[0], staff, "yes")
        self._cast(motions[1], staff, "no")
        self.env.invalidate_all()
        motions = motions.with_user(self.users["office"])
        count = self.cr.sql_log_count
        motions.read(
            [
                "yes_count",
                "no_count",
                "abstain_count",
                "voted_count",
                "base_count",
                "majority_reached",
                "my_vote",
                "can_vote",
                "signature_count",
            ]
        )
        queries = self.cr.sql_log_count - count
        self.assertEqual(motions[0].yes_count, extra)
        return queries

    def test_tally_queries_flat_in_attendees(self):
        self._tally_queries(5)  # warm the caches of rules and groups
        self.assertEqual(self._tally_queries(5), self._tally_queries(50))
