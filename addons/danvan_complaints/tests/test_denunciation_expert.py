from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CaseCommon


@tagged("post_install", "-at_install")
class TestDenunciationExpert(CaseCommon):
    """A request for expert assessment on a denunciation, on the Mẫu 09 of
    the regime of its day, printed in the layout of Decree 30/2020 (TC-9)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.verifier = cls._team_member("dvc_tc_expert_verifier")

    def _request(self, **vals):
        case = self._case("denunciation", received=date(2026, 7, 6)).with_user(
            self.officer
        )
        case.write(
            {
                "denounced": "Ông Lê Văn B",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": date(2026, 7, 6),
                "team_member_ids": [(6, 0, self.verifier.ids)],
            }
        )
        case.action_accept()
        request = (
            self.env["danvan.denunciation.expert"]
            .with_user(self.officer)
            .create(
                {
                    "denunciation_id": case.id,
                    "name": "25",
                    "date": date(2026, 7, 15),
                    "body": "Trung tâm Giám định Tư pháp tỉnh",
                    "content": "Chữ ký trên phiếu thu số 12 có phải của ông B không",
                    "date_due": date(2026, 8, 15),
                    **vals,
                }
            )
        )
        return case, request

    def test_tc9_request_sent_printed_and_answered(self):
        case, request = self._request()
        self.assertEqual(request.form_id.number, "09")
        self.assertEqual(
            request.regime_id,
            self.env.ref("danvan_complaints.danvan_legal_regime_2026"),
        )
        with self.assertRaisesRegex(UserError, "Send the request"):
            request.action_print()
        request.action_send()
        self.assertEqual(request.state, "sent")
        event = case.sudo().event_ids.filtered(lambda e: e.kind == "expert_request")
        self.assertEqual(event.reference, "25")
        html = self._render(
            "danvan_complaints.report_danvan_denunciation_expert",
            request.with_context(force_report_rendering=True),
        )
        self.assertIn("trưng cầu giám định", html)
        self.assertIn("Trung tâm Giám định Tư pháp tỉnh", html)
        self.assertIn("Chữ ký trên phiếu thu số 12", html)
        self.assertIn("15/08/2026", html)
        self.assertIn("Mẫu số 09", html)
        # Never the denouncer (TC-13).
        self.assertNotIn(self.DENOUNCER, html)
        # The verification team reads it too.
        self.assertEqual(
            self.env["danvan.denunciation.expert"].with_user(self.verifier).search([]),
            request,
        )
        with self.assertRaisesRegex(UserError, "conclusion of the assessment"):
            request.action_answer()
        request.write(
            {
                "answer": "Không phải chữ ký của ông B",
                "date_answered": date(2026, 8, 10),
            }
        )
        request.action_answer()
        with self.assertRaisesRegex(UserError, "locked"):
            request.answer = "Khác"
        with self.assertRaisesRegex(UserError, "kept by law"):
            request.unlink()

    def test_tc9_each_request_prints_its_own_record_only(self):
        """Printed from the web client by its report name, each request
        names its own body and matters, none of the other's."""
        first = self._request()[1]
        second = self._request(body="Viện Khoa học Hình sự", content="Dấu vân tay")[1]
        (first | second).action_send()
        report = self.env.ref(
            "danvan_complaints.action_report_danvan_denunciation_expert"
        )
        for own, other in ((first, second), (second, first)):
            action = own.with_user(self.officer).action_print()
            self.assertEqual(action["report_name"], report.report_name)
            html = self._render(
                report.report_name, own.with_context(force_report_rendering=True)
            )
            self.assertIn(own.body, html)
            self.assertIn(own.content, html)
            self.assertNotIn(other.content, html)

    def test_tc9_absurd_dates_and_closed_cases_refused(self):
        with self.assertRaises(ValidationError):
            self._request(date_due=date(2026, 7, 1))
        with self.assertRaises(ValidationError):
            self._request(date=date(2026, 7, 1))  # before the acceptance
        case = self._case("denunciation", received=date(2026, 7, 7))
        with self.assertRaisesRegex(UserError, "not being settled"):
            self.env["danvan.denunciation.expert"].with_user(self.officer).create(
                {"denunciation_id": case.id, "body": "X", "date": date(2026, 7, 8)}
            )
