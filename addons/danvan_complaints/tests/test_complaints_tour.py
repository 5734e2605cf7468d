from datetime import date, timedelta

from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import ReceptionCommon


@tagged("post_install", "-at_install")
class TestComplaintsTour(VietnameseBrowserCase, ReceptionCommon):
    """In Chromium: an officer receives a complainant, registers and classifies
    the petition, accepts the complaint, decides and publishes (issue 5, 11)."""

    def test_officer_from_visit_to_published_decision(self):
        # The tour types its dates relative to a letter received 30 days ago.
        received = date.today() - timedelta(days=30)
        self.start_tour(
            "/odoo/action-danvan_complaints.danvan_reception_visit_action",
            "danvan_complaints_case_tour",
            login=self.officer.login,
        )
        visit = self.env["danvan.reception.visit"].search(
            [("summary", "=", "Khiếu nại quyết định thu hồi giấy phép thử nghiệm")]
        )
        self.assertEqual(visit.state, "recorded")
        petition = visit.petition_id
        self.assertEqual(
            (petition.state, petition.outcome, petition.date_received),
            ("processed", "accept", received),
        )
        case = petition.complaint_ids
        self.assertEqual(case.state, "closed")
        self.assertEqual(case.date_accepted, received + timedelta(days=5))
        self.assertEqual(case.settlement_number, "80/QĐ-SKHCN")
        self.assertEqual(
            sorted(case.event_ids.mapped("kind")),
            ["acceptance", "decision", "publication", "sending"],
        )
        self.assertEqual(
            case.petition_id.sender_ids.sudo().identity_number, "051190009999"
        )
