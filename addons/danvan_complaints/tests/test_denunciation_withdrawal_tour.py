from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import CaseCommon

# static/tests/tours/danvan_denunciation_withdrawal_tour.js picks the first one.
FIRST = "Hoàng Thị Rút Đơn"
SECOND = "Đỗ Văn Giữ Đơn"


@tagged("post_install", "-at_install")
class TestDenunciationWithdrawalTour(VietnameseBrowserCase, CaseCommon):
    """In Chromium, in Vietnamese, the handler records the withdrawal of one
    of two denouncers, with the signed letter; the case goes on for the
    other (TC-8, TC-16)."""

    def test_tc8_the_handler_records_one_denouncer_withdrawing(self):
        received = fields.Date.today() - timedelta(days=10)
        case = self._case(
            "denunciation",
            received=received,
            sender_ids=[
                Command.create(
                    {"name": FIRST, "address": "Thôn 1", "identity_number": "11"}
                ),
                Command.create(
                    {"name": SECOND, "address": "Thôn 2", "identity_number": "22"}
                ),
            ],
        ).with_user(self.officer)
        case.write(
            {
                "denounced": "Ông Lê Văn B",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": received,
            }
        )
        case.action_accept()
        self.start_tour(
            f"/odoo/danvan.denunciation/{case.id}",
            "danvan_denunciation_withdrawal_tour",
            login=self.officer.login,
        )
        withdrawal = case.sudo().withdrawal_ids
        self.assertEqual(withdrawal.state, "done")
        self.assertEqual(withdrawal.outcome, "others")
        self.assertEqual(withdrawal.withdrawer_ids.name, FIRST)
        self.assertEqual(withdrawal.attachment_ids.name, "don-rut-to-cao.pdf")
        self.assertEqual(withdrawal.form_id.regime_id.code, "2026")
        self.assertEqual(case.state, "accepted")
        self.assertIn("withdrawal", case.sudo().event_ids.mapped("kind"))
