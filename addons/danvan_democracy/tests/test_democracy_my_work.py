from odoo.tests import tagged

from .consultation_common import ConsultationCommon


@tagged("post_install", "-at_install")
class TestDemocracyMyWork(ConsultationCommon):
    """The blocks of "My Work" that the consultations, the motions and the
    staff conference add (DC-6, DC-8, DC-12)."""

    def _blocks(self, user):
        work = self.env["danvan.my.work"].with_user(user).get_my_work()
        return {block["key"]: block for block in work["blocks"]}

    def test_dc12_staff_see_the_drafts_open_for_their_opinion(self):
        staff = self.users["staff"]
        before = self._blocks(staff)["consultations_open"]["count"]
        consultation = self._consultation()
        blocks = self._blocks(staff)
        self.assertEqual(blocks["consultations_open"]["count"], before + 1)
        self.assertIn(
            consultation.id,
            [row["id"] for row in blocks["consultations_open"]["records"]],
        )
        self.assertIn("motions_to_vote", blocks)
        self.assertIn("conference", blocks)
        self.assertNotIn("consultations_open", self._blocks(self.user_outsider))

    def test_dc6_the_office_sees_the_conferences_to_prepare(self):
        office = self.users["office"]
        before = self._blocks(office)["conference"]["count"]
        self.env["danvan.conference"].with_user(office).create({"work_year": 2031})
        self.assertEqual(self._blocks(office)["conference"]["count"], before + 1)

    def test_dc16_dc18_the_board_and_briefing_blocks_reach_my_work(self):
        leader = self._blocks(self.users["leader"])
        self.assertIn("board_recommendations_to_answer", leader)
        self.assertNotIn(
            "board_recommendations_to_answer", self._blocks(self.users["staff"])
        )
