from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import JsonRpcException, tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import CaseCommon
from .test_redaction import _leaks

# The identity planted in the letter; static/tests/tours/
# danvan_confidentiality_tour.js looks for the same values.
DENOUNCER = {
    "name": "Đặng Thị Tuyệt Mật",
    "address": "Xóm Đồi 9",
    "identity_number": "051190004321",
    "phone": "0912345678",
    "email": "tuyetmat@example.invalid",
}
NEIGHBOUR = "Lê Văn Tám"
LETTER = (
    f"<p>Tôi là {DENOUNCER['name']}, ở {DENOUNCER['address']}, điện thoại "
    "0912 345 678, tố cáo cán bộ địa chính xã thu tiền sai quy định. Hàng xóm "
    f"tôi là ông {NEIGHBOUR} cũng chứng kiến.</p>"
)


@tagged("post_install", "-at_install")
class TestConfidentialityTours(VietnameseBrowserCase, CaseCommon):
    """In Chromium, the confidentiality workflows (TCD-11, TC-12, TC-13) as
    the least privileged user who runs each: the handler confirms the copy
    without the denouncer, leadership reassigns a denunciation, and the
    officer handling it cannot hand it over himself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer.name = "Trương Công Minh"
        cls.other_officer.name = "Phạm Văn Bình"
        cls.users["leader"].name = "Võ Thị Lãnh"
        cls.received = fields.Date.today() - timedelta(days=3)

    def _petition_vals(self):
        return {
            "date_received": self.received,
            "content": LETTER,
            "sender_ids": [Command.create(DENOUNCER)],
        }

    def _denunciation_petition(self):
        """A denunciation handled by the officer, registered a few days ago."""
        return (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                {
                    "summary": "Tố cáo cán bộ địa chính xã",
                    "petition_type": "denunciation",
                    **self._petition_vals(),
                }
            )
        )

    def _form_url(self, record):
        return f"/odoo/{record._name}/{record.id}"

    def _handler_tracking(self, petition):
        return petition.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "handler_id"
        )

    def test_tc13_the_handler_previews_and_confirms_the_team_copy(self):
        case = self._case(
            "denunciation", received=self.received, **self._petition_vals()
        )
        petition = case.petition_id.sudo()
        Log = self.env["danvan.identity.access"].sudo()
        log_domain = [
            ("user_id", "=", self.officer.id),
            ("channel", "=", "redacted"),
            ("res_model", "=", "danvan.petition.sender"),
            ("res_id", "in", petition.sender_ids.ids),
        ]
        self.assertFalse(Log.search(log_domain))
        self.start_tour(
            self._form_url(case), "danvan_redacted_copy_tour", login=self.officer.login
        )
        self.assertEqual(petition.redacted_by_id, self.officer)
        self.assertTrue(petition.date_redacted)
        self.assertEqual(petition.redact_terms, NEIGHBOUR)
        copy = f"{petition.redacted_summary}\n{petition.redacted_content}"
        self.assertIn("[đã lược bỏ]", copy)
        self.assertIn("cán bộ địa chính xã thu tiền sai quy định", copy)
        self.assertEqual(_leaks(copy, [DENOUNCER], [NEIGHBOUR]), [])
        # The copy the verification team prints from the case is that one.
        html = self._render(
            "danvan_complaints.action_report_danvan_denunciation_redacted", case
        )
        self.assertIn("cán bộ địa chính xã thu tiền sai quy định", html)
        self.assertEqual(_leaks(html, [DENOUNCER], [NEIGHBOUR]), [])
        # Making the copy read the identity: the log says who and how.
        self.assertTrue(Log.search(log_domain))

    def test_tcd11_leadership_reassigns_a_denunciation(self):
        petition = self._denunciation_petition()
        self.env.cr.precommit.run()  # as if created in an earlier request
        self.start_tour(
            self._form_url(petition),
            "danvan_reassign_petition_tour",
            login=self.users["leader"].login,
        )
        petition = petition.sudo()
        self.assertEqual(petition.handler_id, self.other_officer)
        tracked = self._handler_tracking(petition)
        self.assertEqual(len(tracked), 1)
        self.assertEqual(
            (tracked.old_value_integer, tracked.new_value_integer),
            (self.officer.id, self.other_officer.id),
        )
        self.assertEqual(
            tracked.mail_message_id.author_id, self.users["leader"].partner_id
        )
        self.env.invalidate_all()
        as_b = petition.with_user(self.other_officer)
        self.assertIn(DENOUNCER["name"], as_b.content)
        self.assertEqual(as_b.sender_ids.phone, DENOUNCER["phone"])
        # The officer who had it reads it no more, over RPC as in the browser.
        self.authenticate(self.officer.login, self.officer.login)
        for model, ids in (
            ("danvan.petition", petition.ids),
            ("danvan.petition.sender", petition.sender_ids.ids),
        ):
            with (
                self.subTest(model=model),
                self.assertRaises(JsonRpcException) as refused,
            ):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {
                        "model": model,
                        "method": "read",
                        "args": [ids, ["display_name"]],
                        "kwargs": {},
                    },
                )
            self.assertEqual(str(refused.exception), "odoo.exceptions.AccessError")
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            petition.with_user(self.officer).read(["content"])

    def test_tcd11_the_officer_cannot_hand_his_denunciation_over(self):
        petition = self._denunciation_petition()
        self.env.cr.precommit.run()
        self.start_tour(
            self._form_url(petition),
            "danvan_self_reassign_refused_tour",
            login=self.officer.login,
        )
        self.env.invalidate_all()
        self.assertEqual(petition.handler_id, self.officer)
        self.assertFalse(self._handler_tracking(petition))
        with self.assertRaises(AccessError):
            petition.with_user(self.other_officer).read(["content"])
