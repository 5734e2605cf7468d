from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .test_inspection import InspectionCommon

TEXT = "Tour thử nghiệm: Ban đã kiểm tra 2 việc trong năm."
REPORTS = "/odoo/action-danvan_democracy.danvan_inspection_report_action"


@tagged("post_install", "-at_install")
class TestInspectionReportTour(VietnameseBrowserCase, InspectionCommon):
    """In Chromium, in Vietnamese: a member of the people's inspection board
    writes the board's yearly report and sends it to the union and the head
    (DC-16)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.board_user.lang = "vi_VN"

    def test_dc16_board_member_sends_the_yearly_report(self):
        self.start_tour(
            REPORTS, "danvan_inspection_report_board_tour", login="dv_board"
        )
        report = self.env["danvan.inspection.report"].search(
            [("content", "ilike", TEXT)]
        )
        self.assertEqual(len(report), 1)
        self.assertEqual(report.state, "sent")
        self.assertEqual(report.period_type, "year")
        self.assertEqual(report.board_id, self.board)
        self.assertRegex(report.number, r"^\d+/BC")
        users = report.activity_ids.user_id
        self.assertIn(self.users["union"], users)
        self.assertIn(self.users["leader"], users)
        # Sent in Vietnamese, stored in the agency's language.
        self.assertTrue(report.name)
