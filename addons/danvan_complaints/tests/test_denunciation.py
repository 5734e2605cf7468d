import io
from datetime import date

from freezegun import freeze_time
from PyPDF2 import PdfReader

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import CaseCommon


@tagged("post_install", "-at_install")
class TestDenunciation(CaseCommon):
    """Denunciation cases: preliminary processing, acceptance, settlement and
    its extensions, withdrawal, conclusion, and who sees the denouncer (TC-3 to
    TC-13)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.verifier = cls._team_member("dvc_verifier")

    def _accepted(self, complexity="normal", **petition_vals):
        case = self._case("denunciation", **petition_vals).with_user(self.officer)
        case.write(
            {
                "denounced": "Ông Lê Văn B, kế toán",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": date(2026, 3, 2),
                "complexity": complexity,
            }
        )
        case.action_accept()
        return case

    def test_tc3_seven_working_days_ten_when_extended_five_to_transfer(self):
        """Received Monday 02/03/2026."""
        Petition = self.env["danvan.petition"].with_user(self.officer)
        petition = Petition.create(
            {
                "summary": "Tố cáo",
                "date_received": date(2026, 3, 2),
                "petition_type": "denunciation",
            }
        )
        self.assertEqual(petition.date_deadline, date(2026, 3, 11))
        petition.processing_extended = True
        self.assertEqual(petition.date_deadline, date(2026, 3, 16))
        petition.within_competence = False
        self.assertEqual(petition.date_deadline, date(2026, 3, 9))

    def test_tc4_an_anonymous_letter_is_not_settled(self):
        """Refused at classification; and should the letter be found anonymous
        once its case is open, the case is not accepted either."""
        with self.assertRaisesRegex(
            UserError, "Article 25 of the Law on Denunciations 2018"
        ):
            self._case("denunciation", is_anonymous=True, sender_ids=False)
        case = self._case("denunciation").with_user(self.officer)
        case.petition_id.sudo().is_anonymous = True
        case.write(
            {
                "denounced": "Ông B",
                "accepted_content": "Thu tiền",
                "acceptance_reference": "08/QĐ-SKHCN",
            }
        )
        with self.assertRaisesRegex(
            UserError, "Article 25 of the Law on Denunciations 2018"
        ):
            case.action_accept()
        self.assertEqual(case.state, "draft")

    def test_tc5_acceptance_decision_and_its_notice(self):
        case = self._case("denunciation").with_user(self.officer)
        case.acceptance_reference = "08/QĐ-SKHCN"
        with self.assertRaisesRegex(
            UserError, "Article 29 of the Law on Denunciations 2018"
        ):
            case.action_accept()
        case = self._accepted(received=date(2026, 3, 2))
        self.assertRegex(case.number, r"^TC-\d{4}/\d{3}$")
        # TC-5: notice in 5 working days; TC-6: settled in 30 days.
        self.assertEqual(case.notice_deadline, date(2026, 3, 9))
        self.assertEqual(case.date_deadline, date(2026, 4, 1))

    def test_tc5_tc11_the_denouncer_is_notified_of_the_acceptance(self):
        case = self._accepted()
        html = self._render(
            "danvan_complaints.action_report_danvan_denunciation_acceptance", case
        )
        for expected in (
            "thụ lý giải quyết tố cáo",
            "Thu tiền sai quy định",
            "giữ bí mật",
        ):
            self.assertIn(expected, html)
        self.assertIn("01/04/2026", html)

    def test_tc5_the_notice_has_its_own_number_the_decision_is_cited(self):
        """Accepted by decision 08/QĐ-SKHCN; the notice to the denouncer is a
        document of its own (VB-7)."""
        case = self._accepted()
        case.notice_number = "09/TB-SKHCN"
        html = self._render(
            "danvan_complaints.action_report_danvan_denunciation_acceptance", case
        )
        self.assertRegex(html, r'o_danvan_number">Số: 09/TB-SKHCN<')
        self.assertIn("theo Quyết định số 08/QĐ-SKHCN", html)

    def test_tc6_extensions_by_complexity(self):
        ordinary = self._accepted()
        with self.assertRaisesRegex(
            UserError, "Article 30 of the Law on Denunciations 2018"
        ):
            self._case_step(ordinary, "extend", date(2026, 3, 30))
        complex_case = self._accepted("complex")
        with self.assertRaises(UserError):  # decided in writing
            self._case_step(complex_case, "extend", date(2026, 3, 30), reference=False)
        self._case_step(complex_case, "extend", date(2026, 3, 30))
        # 60 days end on Friday 01/05, a holiday: Monday 04/05 (CAL-4).
        self.assertEqual(complex_case.date_deadline, date(2026, 5, 4))
        self.assertIn("04/05/2026", str(complex_case.message_ids[:1].body))
        with self.assertRaisesRegex(
            UserError, "Article 30 of the Law on Denunciations 2018"
        ):
            self._case_step(complex_case, "extend", date(2026, 4, 30))
        self.assertEqual(complex_case.extension_count, 1)
        very = self._accepted("very_complex")
        self._case_step(very, "extend", date(2026, 3, 30))
        self._case_step(very, "extend", date(2026, 4, 30))
        # 90 days end on Sunday 31/05: Monday 01/06.
        self.assertEqual(very.date_deadline, date(2026, 6, 1))
        self.assertEqual(
            very.event_ids.filtered(lambda e: e.kind == "extension").mapped(
                "reference"
            ),
            ["15/QĐ-SKHCN"] * 2,
        )

    def test_tc9_suspension_is_not_counted(self):
        case = self._accepted()
        self._case_step(case, "suspend", date(2026, 3, 10))
        self._case_step(case, "resume", date(2026, 3, 17), reason=False)
        self.assertEqual(case.suspended_days, 7)
        self.assertEqual(case.date_deadline, date(2026, 4, 8))

    def test_tc8_total_withdrawal_terminates_unless_settlement_continues(self):
        forced = self._accepted()
        self._case_step(forced, "withdraw_all", date(2026, 3, 5), continue_anyway=True)
        self.assertEqual(forced.state, "accepted")
        self.assertTrue(forced.withdrawn_content)
        withdrawn = self._accepted()
        self._case_step(withdrawn, "withdraw_all", date(2026, 3, 5))
        self.assertEqual(
            (withdrawn.state, withdrawn.termination_reason), ("terminated", "withdrawn")
        )

    def test_tc10_conclusion_then_notice_and_publication(self):
        case = self._accepted()
        with self.assertRaisesRegex(
            UserError, "Article 40 of the Law on Denunciations 2018"
        ):
            case.action_settle()
        self._write_conclusion(case)
        case.action_settle()
        self.assertEqual(case.state, "settled")
        self.assertFalse(case.settled_late)
        with self.assertRaisesRegex(
            UserError, "Article 40 of the Law on Denunciations 2018"
        ):
            case.action_close()
        self._close_concluded(case)
        self.assertEqual(case.state, "closed")

    def test_my_cases_are_those_i_handle_or_verify(self):
        """The menu's "My Cases": the handler's and his team's, found by the
        ids of the team (issue 15); not those the leadership only reads."""
        case = self._accepted()
        case.sudo().team_member_ids = self.verifier
        Case = self.env["danvan.denunciation"]
        arch = Case.get_views([(False, "search")])["views"]["search"]["arch"]
        self.assertIn("is_mine", arch)
        mine = [("is_mine", "=", True), ("id", "=", case.id)]
        for user in (self.officer, self.verifier):
            with self.subTest(user=user.login):
                self.assertEqual(Case.with_user(user).search(mine), case)
                self.assertTrue(case.with_user(user).is_mine)
                self.assertFalse(
                    Case.with_user(user).search(
                        [("is_mine", "=", False), ("id", "=", case.id)]
                    )
                )
        leader = Case.with_user(self.users["leader"])
        self.assertEqual(leader.search([("id", "=", case.id)]), case)
        self.assertFalse(leader.search(mine))
        self.assertFalse(case.with_user(self.users["leader"]).is_mine)

    def test_tc13_the_verification_team_never_sees_the_denouncer(self):
        case = self._accepted()
        case.team_member_ids = self.verifier
        as_verifier = case.with_user(self.verifier)
        # The summary of the letter too is read from the confirmed copy only.
        self.assertFalse(as_verifier.summary)
        with self.assertRaises(AccessError):
            as_verifier.petition_id.read(["content"])
        with self.assertRaises(AccessError):
            as_verifier.write({"verification_result": "<p>x</p>"})
        # The team works from the copy without the denouncer (TC-13 (2)),
        # once the officer has confirmed it.
        self._confirm_redacted(case.petition_id)
        self.env.invalidate_all()
        self.assertEqual(as_verifier.summary, "Cán bộ thu tiền sai quy định")
        html = self._render(
            "danvan_complaints.action_report_danvan_denunciation_redacted",
            case,
            self.verifier,
        )
        self.assertIn("cán bộ B thu tiền sai quy định", html)
        for secret in (self.DENOUNCER, "Thôn 7", "051190000123"):
            self.assertNotIn(secret, html)
        # Nobody outside the case reads it at all.
        other = case.with_user(self.other_officer)
        with self.assertRaises(AccessError):
            other.read(["summary"])

    def test_tc13_the_case_handler_sees_the_denouncer_others_do_not(self):
        case = self._accepted()
        handler = self.other_officer
        senders = case.petition_id.sender_ids
        with self.assertRaises(AccessError):
            senders.with_user(handler).read(["name"])
        case.with_user(self.users["leader"]).handler_id = handler
        senders.invalidate_recordset()
        self.assertEqual(senders.with_user(handler).name, self.DENOUNCER)

    def test_tc13_every_reading_of_the_denouncer_is_logged(self):
        case = self._accepted()
        Log = self.env["danvan.identity.access"]
        before = Log.search_count([])
        sender = case.petition_id.sender_ids
        sender.invalidate_recordset()
        sender.with_user(self.officer).read(["name", "address"])
        log = Log.search([], order="id desc", limit=1)
        self.assertEqual(Log.search_count([]), before + 1)
        self.assertEqual(
            (log.user_id, log.res_id, log.record_name),
            (self.officer, sender.id, case.petition_id.number),
        )
        # Reading another field is not logged; a complainant's identity is,
        # since every citizen's is kept secret (TCD-11).
        sender.invalidate_recordset()
        sender.with_user(self.officer).read(["is_confidential"])
        self.assertEqual(Log.search_count([]), before + 1)
        complaint_sender = self._case("complaint").petition_id.sender_ids
        complaint_sender.invalidate_recordset()
        complaint_sender.with_user(self.officer).read(["name"])
        self.assertEqual(Log.search_count([]), before + 2)
        # Only leadership reads the log; nobody changes it.
        with self.assertRaises(AccessError):
            Log.with_user(self.officer).search([])
        leader_log = log.with_user(self.users["leader"])
        self.assertEqual(leader_log.user_id, self.officer)
        with self.assertRaises(UserError):
            log.sudo().unlink()

    def test_tc13_chatter_mail_and_exports_never_carry_the_denouncer(self):
        case = self._accepted("complex")
        self._case_step(case, "extend", date(2026, 3, 30))
        with freeze_time("2026-05-05"):  # the deadline of 04/05 is missed
            self.env["danvan.denunciation"]._cron_check_deadlines()
        petition = case.petition_id
        messages = self.env["mail.message"].search(
            [
                "|",
                "&",
                ("model", "=", "danvan.denunciation"),
                ("res_id", "=", case.id),
                "&",
                ("model", "=", "danvan.petition"),
                ("res_id", "=", petition.id),
            ]
        )
        self.assertTrue(messages)
        traces = [str(m.body) for m in messages] + [
            str(value)
            for value in messages.tracking_value_ids.mapped(
                lambda t: (t.old_value_char, t.new_value_char)
            )
        ]
        mails = self.env["mail.mail"].search([("model", "=", "danvan.denunciation")])
        traces += [str(mail.body_html) for mail in mails]
        for trace in traces:
            self.assertNotIn(self.DENOUNCER, trace)
        # Another officer cannot export it; the handler's own export has the
        # denouncer (both allowed to export).
        export = self.env.ref("base.group_allow_export")
        (self.officer | self.other_officer).groups_id = [Command.link(export.id)]
        with self.assertRaises(AccessError):
            petition.with_user(self.other_officer).export_data(
                ["number", "sender_ids/name"]
            )
        self.env.invalidate_all()  # as a new request of another user would be
        rows = petition.with_user(self.officer).export_data(["sender_ids/name"])
        self.assertIn(self.DENOUNCER, str(rows["datas"]))


@tagged("post_install", "-at_install")
class TestDenunciationTransfer(HttpCase, CaseCommon):
    """A denunciation sent on to the competent body leaves with a copy that
    names nobody (TC-3, TC-13)."""

    def test_tc13_a_transferred_denunciation_gets_a_redacted_copy(self):
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        petition = (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                {
                    "summary": "Tố cáo cán bộ xã",
                    "date_received": date(2026, 3, 2),
                    "petition_type": "denunciation",
                    "qualified": "yes",
                    "within_competence": False,
                    "competent_body": "UBND xã Bình Sơn",
                    "outcome": "transfer",
                    "content": f"<p>Tôi là {self.DENOUNCER}, tố cáo cán bộ địa chính "
                    "xã Bình Sơn.</p>",
                    "sender_ids": [
                        Command.create({"name": self.DENOUNCER, "address": "Thôn 7"})
                    ],
                }
            )
        )
        petition.action_classify()
        self._confirm_redacted(petition)
        petition.with_context(force_report_rendering=True).action_process()
        copy = self.env["ir.attachment"].search(
            [("res_model", "=", "danvan.petition"), ("res_id", "=", petition.id)]
        )
        self.assertEqual(len(copy), 1)
        self.assertEqual(copy.mimetype, "application/pdf")
        reader = PdfReader(io.BytesIO(copy.raw))
        text = "".join("".join(page.extract_text() for page in reader.pages).split())
        self.assertIn("".join("cán bộ địa chính xã Bình Sơn".split()), text)
        self.assertNotIn("".join(self.DENOUNCER.split()), text)
        self.assertNotIn("Thôn7", text)
