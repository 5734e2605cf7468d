from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .consultation_common import ConsultationCommon

DRAFT = "Dự thảo Quy chế thử nghiệm tour"
OPINION = "Đề nghị quy định rõ mức khoán công tác phí trong tỉnh."


@tagged("post_install", "-at_install")
class TestConsultationTour(VietnameseBrowserCase, ConsultationCommon):
    """In Chromium: a member of staff gives an opinion on an article of the
    draft; the Office closes the consultation and compiles the table (DC-12,
    issue 14 items 2 and 9)."""

    def test_dc12_staff_give_an_opinion_the_office_compiles(self):
        consultation = self._consultation(name=DRAFT)
        self.start_tour(
            "/odoo/action-danvan_democracy.danvan_consultation_action_staff",
            "danvan_consultation_opinion_tour",
            login=self.users["staff"].login,
        )
        opinion = consultation.sudo().opinion_ids
        self.assertEqual(opinion.content, OPINION)
        self.assertEqual(opinion.article_id.number, "Điều 1")
        self.assertEqual(opinion.employee_id.user_id, self.users["staff"])
        self.start_tour(
            "/odoo/action-danvan_democracy.danvan_consultation_action",
            "danvan_consultation_summary_tour",
            login=self.users["office"].login,
        )
        self.assertEqual(consultation.state, "summarised")
        lines = consultation._summary_lines()
        self.assertEqual(lines.mapped("decision"), ["accepted", "partly"])
        self.assertEqual(lines[1].opinion_count, 1)
        self.assertIn(OPINION, lines[1].gist)
