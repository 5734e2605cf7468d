import html
import io
import re
import secrets
import zipfile
from datetime import timedelta
from unittest.mock import patch

from odoo import fields, http
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from ..controllers.portal import DOCX_MIMETYPE
from .common import ReceptionCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64
HTML = b"<html><body><script>alert(1)</script></body></html>"


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestPortal(VietnameseBrowserCase, ReceptionCommon):
    """The public website: submit a petition without an account, follow it
    with a code and a secret (issue 5, item 8; XLD-2, XLD-7, TC-4, TC-13),
    and the published reception schedule (TCD-9)."""

    SENDER = "Nguyễn Thị Bảo Mật"
    ADDRESS = "Số 7 ngõ Kín, phường Ẩn"

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)  # a visitor without an account
        self.Petition = self.env["danvan.petition"].with_context(active_test=False)

    def _submit(self, files=None, token=None, **values):
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "submission_token": token or secrets.token_urlsafe(32),
            "petition_type": "petition",
            "summary": "Phản ánh đèn đường",
            "content": "Đèn đường tổ 3 hỏng đã hai tuần.",
            "name": self.SENDER,
            "address": self.ADDRESS,
            "email": "",
        }
        data.update(values)
        data = {key: value for key, value in data.items() if value is not None}
        return self.url_open("/danvan/petition/submit", data=data, files=files)

    def _receipt(self, response):
        self.assertEqual(response.status_code, 200, response.text[:2000])
        code = re.search(r'o_danvan_portal_code">([^<]+)<', response.text).group(1)
        secret = re.search(r'o_danvan_portal_secret">([^<]+)<', response.text).group(1)
        return code, secret

    def _track(self, code, secret):
        return self.url_open(
            "/danvan/track",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "code": code,
                "secret": secret,
            },
        )

    def _browser(self, lang):
        """A citizen's browser: no session yet, only its language."""
        self.opener.cookies.clear()
        return {"Accept-Language": lang} if lang else {}

    @staticmethod
    def _hidden(response, name):
        return re.search(rf'name="{name}" value="([^"]*)"', response.text)[1]

    def _browser_submit(self, headers, **values):
        """Load the form, send it as a browser does, with the keys of the
        page, and return the receipt."""
        form = self.url_open("/danvan/petition", headers=headers)
        self.assertEqual(form.status_code, 200)
        action = re.search(r'action="([^"]*petition/submit)"', form.text)[1]
        data = {
            "csrf_token": self._hidden(form, "csrf_token"),
            "submission_token": self._hidden(form, "submission_token"),
            "petition_type": "petition",
            "summary": "Phản ánh đèn đường",
            "content": "Đèn đường tổ 3 hỏng đã hai tuần.",
            "name": self.SENDER,
            "address": self.ADDRESS,
            **values,
        }
        return self.url_open(action, data=data, headers=headers)

    def _browser_track(self, headers, code, secret):
        page = self.url_open(f"/danvan/track?code={code}", headers=headers)
        self.assertEqual(page.status_code, 200)
        return self.url_open(
            "/danvan/track",
            data={
                "csrf_token": self._hidden(page, "csrf_token"),
                "code": code,
                "secret": secret,
            },
            headers=headers,
        )

    def _counts(self):
        return (
            self.Petition.search_count([]),
            self.env["danvan.petition.sender"].search_count([]),
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "danvan.petition")]
            ),
        )

    def _assert_rejected(self, response, before):
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_danvan_portal_error", response.text)
        self.assertNotIn("o_danvan_portal_code", response.text)
        self.assertEqual(self._counts(), before, "nothing of it may be stored")

    # Submission

    def test_every_browser_language_submits_and_tracks(self):
        """A browser in Vietnamese got 403 on submitting: the date of receipt
        was read from the company's partner as the public user, whom the
        website's rules forbid it (issue 10). Every language now submits."""
        for lang in ("vi-VN", "vi", "en-US", None):
            with self.subTest(lang=lang):
                headers = self._browser(lang)
                code, secret = self._receipt(self._browser_submit(headers))
                petition = self.Petition.search([("portal_code", "=", code)])
                self.assertEqual(petition.sender_ids.sudo().name, self.SENDER)
                response = self._browser_track(headers, code, secret)
                self.assertIn('data-state="received"', response.text)

    def test_receipt_is_printable_with_date_and_deadline(self):
        """The receipt shows the day received, the tracking code and the
        processing deadline (XLD-8), and prints without the website around."""
        response = self._submit()
        code, _secret = self._receipt(response)
        petition = self.Petition.search([("portal_code", "=", code)])
        # The agency's day, in its time zone, not the server's.
        self.assertEqual(petition.date_received, self.env.company._danvan_today())
        for value in (petition.date_received, petition.date_deadline):
            self.assertIn(value.strftime("%d/%m/%Y"), response.text)
        self.assertIn("o_danvan_portal_print", response.text)
        self.assertIn("o_danvan_portal_deadline", response.text)

    def test_tc4_anonymous_denunciation_ignores_identity_sent_anyway(self):
        """The identity fields are hidden in the form when anonymous; a
        browser that still sends them leaves no trace of them."""
        form = self.url_open("/danvan/petition")
        self.assertIn("o_danvan_portal_identity", form.text)
        code, _secret = self._receipt(
            self._submit(
                petition_type="denunciation",
                is_anonymous="1",
                identity_number="051190000999",
                phone="0912345678",
                email="an.danh@example.com",
            )
        )
        petition = self.Petition.search([("portal_code", "=", code)])
        self.assertFalse(petition.sender_ids.sudo())
        self.assertFalse(petition.sudo().portal_email)
        self.assertFalse(self._mails(petition))

    def test_tc4_anonymous_denunciation_one_electronic_petition(self):
        """An anonymous denunciation registers one petition from the portal,
        keeps no identity at all, and stores only a hash of the secret."""
        before = self._counts()
        code, secret = self._receipt(
            self._submit(petition_type="denunciation", is_anonymous="1")
        )
        after = self._counts()
        self.assertEqual(after[0], before[0] + 1)
        self.assertEqual(after[1], before[1], "an anonymous denouncer is not kept")
        petition = self.Petition.search([("portal_code", "=", code)])
        self.assertEqual(len(petition), 1)
        self.assertEqual(petition.source, "electronic")
        self.assertTrue(petition.is_anonymous)
        self.assertEqual(petition.petition_type, "denunciation")
        self.assertFalse(petition.handler_id)
        self.assertRegex(code, r"^DV-[A-Z2-9]{10}$")
        plain = secret.replace("-", "")
        self.assertEqual(len(plain), 12)
        stored = petition.sudo().read()[0]
        self.assertNotIn(plain, str(stored), "the secret is never stored in clear")

    def test_tc4_the_form_explains_an_anonymous_denunciation(self):
        response = self.url_open("/danvan/petition")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_danvan_portal_anonymous_notice", response.text)
        self.assertIn('name="submission_token"', response.text)

    def test_double_submit_one_petition_same_receipt(self):
        """The same form sent twice registers one petition."""
        token = secrets.token_urlsafe(32)
        before = self._counts()
        first = self._receipt(self._submit(token=token))
        second = self._receipt(self._submit(token=token, summary="Gửi lại"))
        self.assertEqual(first, second)
        self.assertEqual(self._counts()[:2], (before[0] + 1, before[1] + 1))

    @mute_logger("odoo.sql_db")
    def test_double_submit_race_decided_by_the_unique_index(self):
        """Two requests that both miss the other's petition: the unique index
        on the token keeps one, and both answers show the same receipt."""
        token = secrets.token_urlsafe(32)
        first = self._receipt(self._submit(token=token))
        before = self._counts()
        Model = self.registry["danvan.petition"]
        with patch.object(
            Model, "_portal_find_token", lambda self, token: self.browse()
        ):
            second = self._receipt(self._submit(token=token))
        self.assertEqual(first, second)
        self.assertEqual(self._counts(), before)

    def test_xld7_complaint_without_identity_stores_nothing(self):
        before = self._counts()
        response = self._submit(
            petition_type="complaint",
            name="",
            address="",
            files=[("attachments", ("don.pdf", PDF, "application/pdf"))],
        )
        self._assert_rejected(response, before)

    def test_xld7_only_a_denunciation_may_be_anonymous(self):
        before = self._counts()
        response = self._submit(petition_type="complaint", is_anonymous="1")
        self._assert_rejected(response, before)

    def test_missing_content_and_unknown_type_rejected(self):
        before = self._counts()
        self._assert_rejected(self._submit(content="  "), before)
        self._assert_rejected(self._submit(petition_type="mixed"), before)
        self._assert_rejected(self._submit(email="not an address"), before)

    def test_bad_form_token_rejected(self):
        before = self._counts()
        self._assert_rejected(self._submit(token="short"), before)

    def test_script_in_content_is_neutralized(self):
        code, _secret = self._receipt(
            self._submit(
                content="<script>alert('x')</script><img src=x onerror=alert(1)>",
                summary="<b>Tiêu đề</b>\x00",
            )
        )
        petition = self.Petition.search([("portal_code", "=", code)])
        self.assertNotIn("<script", petition.content)
        self.assertNotIn("<img", petition.content)
        self.assertIn("&lt;script&gt;", petition.content)
        self.assertEqual(petition.summary, "<b>Tiêu đề</b>", "text, control chars out")

    def test_huge_text_rejected(self):
        before = self._counts()
        self._assert_rejected(self._submit(content="a" * 20001), before)
        self._assert_rejected(self._submit(summary="a" * 201), before)
        self._assert_rejected(self._submit(name="a" * 201), before)

    def test_hostile_files_rejected_nothing_stored(self):
        """Oversized, too many, disguised and disallowed files: the whole
        submission is refused and nothing of it is kept."""
        big = PDF + b"0" * (5 * 1024 * 1024)
        cases = {
            "oversized": [("big.pdf", big)],
            "too many": [(f"f{i}.pdf", PDF) for i in range(4)],
            "exe renamed pdf": [("don.pdf", EXE)],
            "html renamed pdf": [("don.pdf", HTML)],
            "png renamed docx": [("don.docx", PNG)],
            "disallowed extension": [("don.html", HTML)],
            "no extension": [("don", PDF)],
        }
        before = self._counts()
        for case, files in cases.items():
            with self.subTest(case):
                response = self._submit(
                    files=[
                        ("attachments", (name, data, "application/pdf"))
                        for name, data in files
                    ]
                )
                self._assert_rejected(response, before)

    def test_allowed_files_are_stored_private(self):
        code, _secret = self._receipt(
            self._submit(
                files=[
                    ("attachments", ("don.pdf", PDF, "application/pdf")),
                    ("attachments", ("anh.png", PNG, "image/png")),
                    ("attachments", ("../../to trinh.docx", _docx(), "x/y")),
                ]
            )
        )
        petition = self.Petition.search([("portal_code", "=", code)])
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "danvan.petition"), ("res_id", "=", petition.id)]
        )
        self.assertEqual(
            sorted(attachments.mapped("mimetype")),
            ["application/pdf", DOCX_MIMETYPE, "image/png"],
        )
        self.assertIn("to trinh.docx", attachments.mapped("name"))
        self.assertFalse(any(attachments.mapped("public")))
        response = self.url_open(f"/web/content/{attachments[0].id}")
        self.assertNotEqual(response.status_code, 200, "not for the public")

    # Tracking

    def test_tc13_tracking_shows_the_public_status_only(self):
        """Right code and secret: the status; never the sender, the handler,
        the content or an internal note."""
        code, secret = self._receipt(
            self._submit(
                petition_type="denunciation",
                summary="Tố cáo cán bộ X",
                content="Nội dung tố cáo chi tiết QWERTY",
            )
        )
        petition = self.Petition.search([("portal_code", "=", code)])
        petition.handler_id = self.officer
        petition.message_post(body="Ghi chú nội bộ ZYXWV", subtype_xmlid="mail.mt_note")
        response = self._track(code, secret)
        self.assertEqual(response.status_code, 200)
        self.assertIn('data-state="received"', response.text)
        self.assertIn(code, response.text)
        for hidden in (
            self.SENDER,
            self.ADDRESS,
            self.officer.name,
            "ZYXWV",
            "QWERTY",
            "Tố cáo cán bộ X",
            petition.number,
        ):
            self.assertNotIn(hidden, response.text)

    def test_tracking_accepts_the_secret_as_typed(self):
        code, secret = self._receipt(self._submit())
        response = self._track(code.lower(), secret.replace("-", " ").lower())
        self.assertIn("o_danvan_portal_status", response.text)

    def test_wrong_keys_give_one_generic_answer(self):
        """Wrong secret, unknown code, or another petition's secret: the same
        message and no data (no enumeration, no other person's petition)."""
        code, secret = self._receipt(self._submit())
        other_code, other_secret = self._receipt(self._submit(summary="Khác"))
        answers = [
            self._track(code, "AAAA-BBBB-CCCC"),
            self._track("DV-ZZZZZZZZZZ", secret),
            self._track(code, other_secret),
            self._track(other_code, ""),
        ]
        messages = set()
        for response in answers:
            self.assertEqual(response.status_code, 200)
            self.assertNotIn("o_danvan_portal_status", response.text)
            self.assertNotIn(self.SENDER, response.text)
            messages.add(
                re.search(r'o_danvan_portal_error"[^>]*>([^<]+)<', response.text)[1]
            )
        self.assertEqual(len(messages), 1)

    # Failed attempts (issue 11, item 7)

    def _vi_track(self, code, secret):
        """A try of a Vietnamese browser, and its page made comparable: the
        form's CSRF token, the code echoed in the form and the blanks between
        tags left out."""
        response = self._browser_track(self._browser("vi-VN"), code, secret)
        # The form's token carries the second it was made, the page's not.
        page = re.sub(r'name="csrf_token" value="[^"]*"', "", response.text)
        page = re.sub(r'csrf_token: "[^"]*"', "", page)
        if code:
            page = page.replace(f'value="{code}"', 'value=""')
        return response, re.sub(r">\s+<", "><", page)

    def test_a_wrong_code_and_a_wrong_secret_answer_alike(self):
        code, secret = self._receipt(self._submit())
        wrong_secret, page = self._vi_track(code, "AAAA-BBBB-CCCC")
        wrong_code, other_page = self._vi_track("DV-ZZZZZZZZZZ", secret)
        self.assertEqual(wrong_secret.status_code, wrong_code.status_code)
        self.assertIn("Không có đơn nào khớp với mã tra cứu và mã bí mật này", page)
        self.assertEqual(page, other_page)

    def test_five_failures_lock_the_address_out(self):
        """Five failures in 15 minutes from one address: the right keys get the
        answer of a wrong try and the advice to come back; once the failures
        are older than the window, the status shows again."""
        Attempt = self.env["danvan.portal.attempt"]
        code, secret = self._receipt(self._submit())
        __, wrong = self._vi_track(code, "AAAA-BBBB-CCCC")
        for attempt in range(4):
            __, page = self._vi_track(f"DV-{attempt:010d}", secret)
            self.assertNotIn("o_danvan_portal_locked", page)
        self.assertEqual(Attempt.search_count([]), 5)
        response, page = self._vi_track(code, secret)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("o_danvan_portal_status", page)
        self.assertIn("Bạn đã nhập sai quá nhiều lần", page)
        locked = re.sub(r"<div[^>]*o_danvan_portal_locked[^>]*>[^<]*</div>", "", page)
        self.assertEqual(locked, wrong, "a locked try answers as a wrong one")
        self.assertEqual(Attempt.search_count([]), 5, "a locked try is not counted")
        # Older than the window: counted no more, then dropped by the cron.
        Attempt.search([]).date = fields.Datetime.now() - timedelta(minutes=16)
        __, page = self._vi_track(code, secret)
        self.assertIn("o_danvan_portal_status", page)
        Attempt._gc_expired_attempts()
        self.assertFalse(Attempt.search_count([]))

    def test_five_failures_lock_the_code_out_from_any_address(self):
        """Five failures on one code from five addresses lock that code, not
        the others; an IPv6 client is counted by its /64 network."""
        Attempt = self.env["danvan.portal.attempt"]
        code, secret = self._receipt(self._submit())
        other_code, other_secret = self._receipt(self._submit(summary="Khác"))
        for host in range(1, 6):
            Attempt._record_failure(f"203.0.113.{host}", code)
        __, page = self._vi_track(code, secret)
        self.assertNotIn("o_danvan_portal_status", page)
        self.assertIn("Bạn đã nhập sai quá nhiều lần", page)
        __, page = self._vi_track(other_code, other_secret)
        self.assertIn("o_danvan_portal_status", page)
        for host in range(1, 6):
            Attempt._record_failure(f"2001:db8:0:7::{host}", f"DV-{host:010d}")
        self.assertTrue(Attempt._is_locked("2001:db8:0:7:ffff::1", "DV-0000000009"))
        self.assertFalse(Attempt._is_locked("2001:db8:0:8::1", "DV-0000000009"))

    def test_xld9_processed_petition_shows_its_outcome(self):
        code, secret = self._receipt(self._submit())
        petition = self.Petition.search([("portal_code", "=", code)])
        petition.write({"qualified": "yes", "handler_id": self.officer.id})
        petition.with_user(self.officer).action_classify()
        response = self._track(code, secret)
        self.assertIn('data-state="classified"', response.text)
        self.assertNotIn("o_danvan_portal_outcome", response.text)
        petition.write({"outcome": "answer", "outcome_note": "Thư trả lời ABCDE"})
        petition.with_user(self.officer).action_process()
        response = self._track(code, secret)
        self.assertIn('data-state="processed"', response.text)
        self.assertIn("o_danvan_portal_outcome", response.text)
        self.assertNotIn("ABCDE", response.text, "the letter is not published")

    def _open_case(self, code):
        """The petition of ``code`` classified and sent for settlement: its
        case to accept, as the officer sees it."""
        petition = self.Petition.search([("portal_code", "=", code)])
        petition.write(
            {"qualified": "yes", "outcome": "accept", "handler_id": self.officer.id}
        )
        petition.with_user(self.officer).action_classify()
        petition.with_user(self.officer).action_process()
        return (petition.complaint_ids or petition.denunciation_ids).with_user(
            self.officer
        )

    def _accept_complaint(self, code):
        """The complaint case of ``code``, ready to be accepted."""
        case = self._open_case(code)
        petition = case.petition_id
        case.write(
            {
                "date_known": petition.date_received - timedelta(days=10),
                "date_accepted": petition.date_received,
                "acceptance_reference": "12/TB-SKHCN",
                "respondent": "Phòng Quản lý Khoa học",
            }
        )
        return case

    def _stop(self, case, action, **values):
        self.env["danvan.case.stop"].with_user(self.officer).with_context(
            default_res_model=case._name, default_res_id=case.id
        ).create(
            {"action": action, "reference": "01/QĐ-SKHCN", "reason": "Chờ", **values}
        ).action_confirm()

    def test_tracking_follows_the_complaint_case_to_its_decision(self):
        """Received, being processed, accepted as a complaint with its
        deadline, suspended, resumed, decided with number and date, and the
        decision once published (KN-6, KN-13, KN-14); never a name, a note
        or the office's wording."""
        code, secret = self._receipt(self._submit(petition_type="complaint"))
        case = self._accept_complaint(code)
        petition = case.petition_id
        response = self._track(code, secret)
        self.assertIn('data-case-state="draft"', response.text)
        self.assertIn("Đang xem xét thụ lý giải quyết khiếu nại", response.text)
        self.assertNotIn("Đề xuất thụ lý", response.text)
        case.action_accept()
        response = self._track(code, secret)
        self.assertIn('data-case-state="accepted"', response.text)
        self.assertIn("Đã thụ lý giải quyết khiếu nại", response.text)
        self.assertIn(case.date_deadline.strftime("%d/%m/%Y"), response.text)
        today = case.date_accepted
        self._stop(case, "suspend", date=today)
        self.assertIn("Tạm đình chỉ việc giải quyết", self._track(code, secret).text)
        self._stop(case, "resume", date=today)
        case.write(
            {
                "settlement_number": "45/QĐ-SKHCN",
                "date_settled": today,
                "verification_result": "<p>Ghi chú xác minh NOIBO123</p>",
                "legal_basis": "Điều 28 Luật Khiếu nại",
                "conclusion": "partly",
                "measure": "amend",
            }
        )
        case.action_settle()
        response = self._track(code, secret)
        self.assertIn("Quyết định giải quyết khiếu nại số 45/QĐ-SKHCN", response.text)
        self.assertIn(today.strftime("%d/%m/%Y"), response.text)
        self.assertNotIn("o_danvan_portal_decision", response.text, "not yet public")
        case.write(
            {"date_sent": today, "publication_method": "media", "date_published": today}
        )
        case.action_close()
        response = self._track(code, secret)
        self.assertIn('data-case-state="closed"', response.text)
        self.assertIn("o_danvan_portal_decision", response.text)
        self.assertIn("Đúng một phần", response.text)
        for hidden in (
            self.SENDER,
            self.officer.name,
            "NOIBO123",
            "Phòng Quản lý Khoa học",
            petition.number,
            case.number,
        ):
            self.assertNotIn(hidden, response.text)

    def test_tc10_tracking_shows_the_published_conclusion_without_the_denouncer(self):
        """A denunciation: accepted, extended (TC-6), concluded, and its
        conclusion published without the denouncer's identity (TC-10, TC-13)."""
        code, secret = self._receipt(self._submit(petition_type="denunciation"))
        case = self._open_case(code)
        today = case.petition_id.date_received
        case.write(
            {
                "denounced": "Ông Lê Văn B",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": today,
                "complexity": "complex",
            }
        )
        case.action_accept()
        self._stop(case, "extend", date=today)
        response = self._track(code, secret)
        self.assertIn("Đã thụ lý giải quyết tố cáo", response.text)
        self.assertIn("Gia hạn thời hạn giải quyết", response.text)
        self.assertIn(case.date_deadline.strftime("%d/%m/%Y"), response.text)
        case.write(
            {
                "settlement_number": "30/KL-SKHCN",
                "date_settled": today,
                "conclusion": "right",
                "conclusion_text": f"<p>Tố cáo của {self.SENDER} là đúng. KETLUAN</p>",
            }
        )
        case.action_settle()
        case.write(
            {
                "date_conclusion_notified": today,
                "publication_method": "website",
                "date_published": today,
            }
        )
        case.action_close()
        response = self._track(code, secret)
        self.assertIn("Kết luận nội dung tố cáo số 30/KL-SKHCN", response.text)
        # The letter's free text may name the denouncer in any spelling: the
        # page gives the number, date and finding, never the text (TC-13).
        self.assertNotIn("KETLUAN", response.text)
        self.assertNotIn(self.SENDER, response.text)

    # The website speaks for the agency (issue 10)

    def test_website_shows_the_agency_not_odoo_placeholders(self):
        company = self.env.company
        company.write(
            {
                "name": "Sở Khoa học và Công nghệ tỉnh Thử Nghiệm",
                "danvan_parent_agency": "Ủy ban nhân dân tỉnh Thử Nghiệm",
                "danvan_agency_name": "Sở Khoa học và Công nghệ",
                "street": "Số 1 đường Thử",
                "city": "Thành phố Thử",
                "phone": "0255 3000 000",
                "danvan_hotline": "0255 3999 111",
                "email": "skhcn@thunghiem.gov.vn",
            }
        )
        website = self.env["website"].search([("company_id", "=", company.id)])[:1]
        self.assertEqual(website.name, company.name)
        urls = (
            "/",
            "/contactus",
            "/danvan/petition",
            "/danvan/track",
            "/danvan/reception-schedule",
        )
        for url in urls:
            with self.subTest(url=url):
                text = self.url_open(url, headers=self._browser("vi-VN")).text
                for placeholder in (
                    "555-555",
                    "yourcompany",
                    "YourCompany",
                    "My Website",
                    "Tên công ty",
                    "Company name",
                    "Fake Buena Vista",
                    "My Company",
                ):
                    self.assertNotIn(placeholder, text)
                for shown in (
                    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
                    "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM",
                    "Số 1 đường Thử",
                    "Đường dây nóng",
                    "0255 3999 111",
                    "skhcn@thunghiem.gov.vn",
                ):
                    self.assertIn(shown, text)
                title = re.search(r"<title>([^<]*)</title>", text)[1]
                self.assertTrue(title.endswith(f" | {company.name}"), title)
                self.assertNotRegex(title, "Home|Contact|Petition|Reception")
                # Link previews (chat apps, social networks) show the same title.
                for meta in ('property="og:title"', 'name="twitter:title"'):
                    preview = re.search(rf'<meta {meta} content="([^"]*)"', text)
                    self.assertTrue(preview, meta)
                    self.assertEqual(
                        html.unescape(preview[1]), html.unescape(title), meta
                    )
        logo = self.url_open(f"/web/image/website/{website.id}/logo").content
        self.assertIn("SỞ KHOA HỌC VÀ CÔNG NGHỆ".encode(), logo, "not YourLogo")

    # E-mail

    def _mails(self, petition):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [("model", "=", "danvan.petition"), ("res_id", "=", petition.id)],
                order="id",
            )
        )

    def test_mail_on_submission_and_on_each_new_status(self):
        code, _secret = self._receipt(self._submit(email="dan@example.com"))
        petition = self.Petition.search([("portal_code", "=", code)])
        mails = self._mails(petition)
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.email_to, "dan@example.com")
        self.assertIn(code, mails.subject)
        self.assertIn(code, str(mails.body_html))
        petition.write({"qualified": "yes", "handler_id": self.officer.id})
        petition.with_user(self.officer).action_classify()
        petition.write({"outcome": "answer", "outcome_note": "Thư trả lời ABCDE"})
        petition.with_user(self.officer).action_process()
        mails = self._mails(petition)
        self.assertEqual(len(mails), 3)
        self.assertNotIn("ABCDE", str(mails[2].body_html))

    def test_no_mail_without_an_address(self):
        code, _secret = self._receipt(self._submit())
        petition = self.Petition.search([("portal_code", "=", code)])
        petition.write({"qualified": "yes"})
        petition.action_classify()
        self.assertFalse(self._mails(petition))

    def test_tc13_denunciation_mail_and_chatter_name_nobody(self):
        code, _secret = self._receipt(
            self._submit(petition_type="denunciation", email="to.cao@example.com")
        )
        petition = self.Petition.search([("portal_code", "=", code)])
        self.assertEqual(petition.sender_ids.sudo().name, self.SENDER)
        petition.write({"qualified": "yes", "handler_id": self.officer.id})
        petition.with_user(self.officer).action_classify()
        mails = self._mails(petition)
        self.assertEqual(len(mails), 2)
        self.assertEqual(set(mails.mapped("email_to")), {"to.cao@example.com"})
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", "danvan.petition"), ("res_id", "=", petition.id)])
        )
        published = " ".join(
            str(value)
            for value in mails.mapped("subject")
            + mails.mapped("body_html")
            + messages.mapped("body")
            + messages.tracking_value_ids.mapped("new_value_char")
        )
        for identity in (self.SENDER, self.ADDRESS):
            self.assertNotIn(identity, published)
        # TC-12: the denouncer stays hidden from an officer not handling it.
        self.assertFalse(
            petition.with_user(self.other_officer).sender_ids.search(
                [("petition_id", "=", petition.id)]
            )
        )

    # TCD-9

    def test_tcd9_schedule_lists_coming_sessions_only(self):
        Holiday = self.env["danvan.holiday"]
        today = fields.Date.context_today(self.env.user)
        place = self.env["danvan.reception.place"].create(
            {"name": "Phòng tiếp dân thử", "regular_hours": "Thứ Hai 7h30 KHUNGGIO"}
        )
        Session = self.env["danvan.reception.session"]

        def session(day, content, **vals):
            return Session.create(
                dict(
                    kind="unscheduled",
                    date=Holiday.roll_forward(day),
                    place_id=place.id,
                    presider_id=self.users["leader"].id,
                    planned_content=content,
                    **vals,
                )
            )

        session(today + timedelta(days=20), "PHIEN_SAP_TOI")
        session(today - timedelta(days=40), "PHIEN_DA_QUA")
        session(today + timedelta(days=30), "PHIEN_HUY").action_cancel()
        session(today + timedelta(days=35), "PHIEN_DA_TIEP").action_held()
        self.env.company.danvan_reception_rules = "<p>NOI_QUY: xếp hàng theo thứ tự</p>"
        response = self.url_open("/danvan/reception-schedule")
        self.assertEqual(response.status_code, 200)
        self.assertIn("NOI_QUY: xếp hàng theo thứ tự", response.text)
        self.assertIn("PHIEN_SAP_TOI", response.text)
        self.assertIn(self.users["leader"].name, response.text)
        self.assertIn("KHUNGGIO", response.text)
        for hidden in ("PHIEN_DA_QUA", "PHIEN_HUY", "PHIEN_DA_TIEP"):
            self.assertNotIn(hidden, response.text)

    # Browser

    def test_tour_citizen_submits_prints_and_follows_to_the_decision(self):
        """In Chromium set to Vietnamese, a visitor without an account submits
        a complaint, prints the receipt and follows it; once the agency has
        accepted, decided and published, the tracking page shows the
        decision (issue 10)."""
        self.start_tour("/danvan/petition", "danvan_portal_submit_tour")
        petition = self.Petition.search(
            [("summary", "=", "Khiếu nại việc thu phí thẩm định tại tổ 5")]
        )
        self.assertEqual(len(petition), 1)
        self.assertEqual(petition.source, "electronic")
        self.assertEqual(petition.petition_type, "complaint")
        self.assertEqual(petition.sender_ids.sudo().name, "Trần Thị Tour")
        case = self._accept_complaint(petition.portal_code)
        case.action_accept()
        today = case.date_accepted
        case.write(
            {
                "settlement_number": "46/QĐ-SKHCN",
                "date_settled": today,
                "verification_result": "<p>Có căn cứ.</p>",
                "legal_basis": "Điều 28 Luật Khiếu nại",
                "conclusion": "right",
                "measure": "cancel",
                "date_sent": today,
                "publication_method": "media",
                "date_published": today,
            }
        )
        case.action_settle()
        case.action_close()
        # The secret was shown once in the browser; give the citizen a new one.
        secret = "TOURSECRET23"
        petition.sudo().portal_secret_hash = petition._portal_hash_secret(secret)
        self.start_tour(
            f"/danvan/track?code={petition.portal_code}#secret={secret}",
            "danvan_portal_decision_tour",
        )
