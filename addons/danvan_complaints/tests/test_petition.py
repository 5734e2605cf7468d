from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ReceptionCommon


@tagged("post_install", "-at_install")
class TestPetition(ReceptionCommon):
    """Petitions: register, classification, deadline, one outcome (XLD, TC-12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Petition = cls.env["danvan.petition"]

    def _petition(self, user=None, **vals):
        values = {
            "summary": "Phản ánh về cân sai tại chợ",
            "date_received": date(2026, 3, 2),
            "sender_ids": [
                (0, 0, {"name": "Nguyễn Văn An", "address": "Thôn 3", "phone": "0901"})
            ],
        }
        values.update(vals)
        return self.Petition.with_user(user or self.officer).create(values)

    def _classified(self, **vals):
        petition = self._petition(
            **dict({"petition_type": "petition", "qualified": "yes"}, **vals)
        )
        petition.action_classify()
        return petition

    def test_xld3_register_numbers_follow_each_other(self):
        first, second = self._petition(), self._petition()
        self.assertRegex(first.number, r"^\d{4}/\d{4}$")
        self.assertEqual(int(second.number[-4:]), int(first.number[-4:]) + 1)

    def test_xld8_ten_working_days_tc3_seven_for_a_denunciation(self):
        """Received Monday 02/03/2026: 10 working days end on Monday 16/03, 7 on
        Wednesday 11/03."""
        self.assertEqual(self._petition().date_deadline, date(2026, 3, 16))
        denunciation = self._petition(petition_type="denunciation")
        self.assertEqual(denunciation.date_deadline, date(2026, 3, 11))

    def test_cal5_working_days_left_skip_the_weekend(self):
        petition = self._petition()
        with freeze_time("2026-03-13"):  # a Friday
            petition.invalidate_recordset(["working_days_left"])
            self.assertEqual(petition.working_days_left, 1)
        with freeze_time("2026-03-18"):
            petition.invalidate_recordset(["working_days_left"])
            self.assertEqual(petition.working_days_left, -2)

    def test_classification_is_required(self):
        petition = self._petition()
        with self.assertRaises(UserError):
            petition.action_classify()
        petition.write({"petition_type": "complaint", "qualified": "no"})
        with self.assertRaises(UserError):
            petition.action_classify()
        self.assertEqual(petition.state, "received")

    def test_xld9_one_outcome_that_fits_the_petition(self):
        petition = self._classified(petition_type="complaint")
        with self.assertRaises(UserError):
            petition.action_process()
        petition.outcome = "answer"
        with self.assertRaises(ValidationError):
            petition.action_process()
        petition.outcome = "accept"
        petition.action_process()
        self.assertEqual(
            (petition.state, petition.date_processed), ("processed", date.today())
        )
        with self.assertRaises(UserError):
            petition.action_process()

    def test_xld6_unqualified_is_filed(self):
        petition = self._classified(qualified="no", unqualified_reason="illegible")
        petition.outcome = "answer"
        with self.assertRaises(ValidationError):
            petition.action_process()
        petition.outcome = "file"
        petition.action_process()
        self.assertEqual(petition.state, "processed")

    def test_outside_competence_is_guided_or_transferred_never_accepted(self):
        petition = self._classified(
            petition_type="complaint", within_competence=False, competent_body="UBND xã"
        )
        petition.outcome = "accept"
        with self.assertRaises(ValidationError):
            petition.action_process()
        petition.outcome = "guide"
        petition.action_process()
        self.assertEqual(petition.outcome, "guide")

    def test_xld9_a_duplicate_is_not_guided_twice(self):
        first = self._classified(
            petition_type="complaint", within_competence=False, competent_body="UBND xã"
        )
        first.outcome = "guide"
        first.action_process()
        repeat = self._classified(
            petition_type="complaint",
            within_competence=False,
            competent_body="UBND xã",
            duplicate_of_id=first.id,
        )
        repeat.outcome = "guide"
        with self.assertRaises(ValidationError):
            repeat.action_process()
        self.assertEqual(first.duplicate_ids, repeat)

    def test_xld7_anonymous_only_a_denunciation_goes_on(self):
        anonymous = self._classified(is_anonymous=True, sender_ids=[])
        anonymous.outcome = "answer"
        with self.assertRaises(ValidationError):
            anonymous.action_process()

    def test_tc4_an_anonymous_denunciation_is_refused_at_classification(self):
        """Not accepted for settlement: classified as not qualified, filed and
        kept as information, before any case is opened."""
        denunciation = self._petition(
            petition_type="denunciation",
            is_anonymous=True,
            qualified="yes",
            sender_ids=[],
        )
        with self.assertRaisesRegex(
            UserError, "Article 25 of the Law on Denunciations 2018"
        ):
            denunciation.action_classify()
        self.assertEqual(denunciation.state, "received")
        denunciation.write({"qualified": "no", "unqualified_reason": "anonymous"})
        denunciation.action_classify()
        denunciation.outcome = "accept"
        with self.assertRaises(ValidationError):
            denunciation.action_process()
        denunciation.outcome = "file"
        denunciation.action_process()
        self.assertEqual(denunciation.state, "processed")
        self.assertFalse(denunciation.denunciation_ids)

    def test_tc4_the_form_warns_of_an_anonymous_denunciation(self):
        with Form(self.Petition.with_user(self.officer)) as form:
            form.summary = "Thư không ký tên"
            form.qualified = "yes"
            form.petition_type = "denunciation"
            form.is_anonymous = True
            self.assertEqual(
                (form.qualified, form.unqualified_reason), ("no", "anonymous")
            )

    def test_xld9_accepting_needs_the_handler_of_the_case(self):
        """A petition submitted online has no handler; accepting it would open
        a denunciation case that nobody but leadership could read. Leadership
        assigns it (TCD-11)."""
        leader = self.users["leader"]
        petition = (
            self.Petition.sudo()
            .create(
                {
                    "summary": "Tố cáo gửi qua cổng thông tin",
                    "source": "electronic",
                    "petition_type": "denunciation",
                    "qualified": "yes",
                    "handler_id": False,
                    "sender_ids": [
                        Command.create({"name": "Người tố cáo", "address": "Thôn 3"})
                    ],
                }
            )
            .with_user(leader)
        )
        petition.action_classify()
        petition.outcome = "accept"
        with self.assertRaisesRegex(UserError, "assign its handler") as caught:
            petition.action_process()
        self.assertNotIsInstance(caught.exception, AccessError)
        self.assertEqual(petition.state, "classified")
        self.assertFalse(petition.sudo().denunciation_ids)
        petition.handler_id = self.officer
        petition.with_user(self.officer).action_process()
        self.assertEqual(petition.denunciation_ids.handler_id, self.officer)

    def test_xld3_files_attached_before_saving_belong_to_the_petition(self):
        """Uploaded while the form is new, then saved: leadership can open the
        letter's scan."""
        scan = (
            self.env["ir.attachment"]
            .with_user(self.officer)
            .create(
                {"name": "don.pdf", "raw": b"%PDF-1.4", "res_model": "danvan.petition"}
            )
        )
        petition = self._petition(attachment_ids=[Command.set(scan.ids)])
        self.assertEqual(
            (scan.res_model, scan.res_id), ("danvan.petition", petition.id)
        )
        self.assertEqual(
            petition.with_user(self.users["leader"]).attachment_ids.name, "don.pdf"
        )

    def test_the_lists_open_on_what_waits_for_me(self):
        """Petitions and cases open on mine and still running; a week ahead and
        past the deadline are one click away."""
        for xmlid in (
            "danvan_complaints.danvan_petition_action",
            "danvan_complaints.danvan_complaint_action",
            "danvan_complaints.danvan_denunciation_action",
        ):
            action = self.env.ref(xmlid)
            context = safe_eval(action.context)
            self.assertEqual(
                (
                    context.get("search_default_filter_mine"),
                    context.get("search_default_filter_open"),
                ),
                (1, 1),
                xmlid,
            )
            arch = self.env[action.res_model].get_view(view_type="search")["arch"]
            for name in ("filter_mine", "filter_due_soon", "filter_late"):
                self.assertIn(f'name="{name}"', arch, xmlid)

    def test_the_register_keeps_every_petition(self):
        petition = self._petition()
        with self.assertRaises(UserError):
            petition.with_user(self.users["dv_admin"]).unlink()
        petition.action_archive()
        self.assertFalse(petition.active)

    def test_staff_outside_reception_see_no_petition(self):
        self._petition()
        with self.assertRaises(AccessError):
            self.Petition.with_user(self.users["staff"]).search([])

    def test_tc12_tcd11_a_sender_is_seen_by_the_handler_and_leadership_only(self):
        denunciation = self._petition(petition_type="denunciation")
        Sender = self.env["danvan.petition.sender"]
        domain = [("petition_id", "=", denunciation.id)]
        self.assertEqual(
            Sender.with_user(self.officer).search(domain).name, "Nguyễn Văn An"
        )
        self.assertEqual(
            Sender.with_user(self.users["leader"]).search(domain).name, "Nguyễn Văn An"
        )
        self.assertFalse(Sender.with_user(self.other_officer).search(domain))
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            denunciation.with_user(self.other_officer).web_read(
                {"sender_ids": {"fields": {"name": {}, "phone": {}}}}
            )
        # TCD-11: since 01/7/2026 a complainant is kept secret as well.
        complaint = self._petition(petition_type="complaint")
        self.assertFalse(
            Sender.with_user(self.other_officer).search(
                [("petition_id", "=", complaint.id)]
            )
        )

    def test_tc12_the_denouncer_never_reaches_the_chatter(self):
        denunciation = self._petition(petition_type="denunciation")
        denunciation.sender_ids.write({"name": "Trần Thị Bình", "phone": "0912"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        bodies = " ".join(
            str(message.body)
            + " ".join(message.tracking_value_ids.mapped("new_value_char"))
            for message in denunciation.message_ids
        )
        self.assertNotIn("Bình", bodies)
        self.assertNotIn("0912", bodies)

    def test_deadline_cron_warns_the_handler_then_escalates_to_the_unit_head(self):
        """Deadline Monday 16/03/2026; warned 2 working days before (Thursday
        12/03), escalated once missed (Tuesday 17/03), each once."""
        self.env.company.danvan_handling_unit_id = self.unit_science
        petition = self._petition(department_id=self.unit_science.id)
        head = self.users["unit_head"]
        for day, warned, escalated in (
            ("2026-03-11", False, False),
            ("2026-03-12", True, False),
            ("2026-03-16", True, False),
            ("2026-03-17", True, True),
            ("2026-03-18", True, True),
        ):
            with freeze_time(day):
                self.Petition._cron_check_deadlines()
            self.assertEqual(
                (petition.deadline_warned, petition.deadline_escalated),
                (warned, escalated),
                day,
            )
        self.assertEqual(petition.activity_ids.user_id, self.officer | head)
        notes = petition.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(notes), 2, "one warning, one escalation")

    def test_mails_to_the_citizen_are_in_the_agency_language(self):
        """Not in the language of the company's partner, which is the
        installer's."""
        self.env["res.lang"]._activate_lang("en_US")
        self.env.company.write({"danvan_lang": "vi_VN"})
        self.env.company.partner_id.lang = "en_US"
        petition = self._petition()
        petition.sudo().portal_email = "dan@example.com"
        petition._portal_send_mail("danvan_complaints.mail_template_petition_received")
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", petition._name), ("res_id", "=", petition.id)])
        )
        self.assertTrue(mail.subject.startswith("Đơn của ông/bà đã được tiếp nhận"))

    def test_deadline_warnings_are_written_in_the_agency_language(self):
        """The cron's user reads English; the to-do and the note stay."""
        self.env.company.danvan_lang = "vi_VN"
        petition = self._petition()
        with freeze_time("2026-03-12"):
            self.Petition.with_context(lang="en_US")._cron_check_deadlines()
        self.assertEqual(petition.activity_ids.summary, "Hạn xử lý ngày 16/03/2026")
        self.assertIn("Hạn xử lý ngày 16/03/2026", petition.message_ids[0].body)

    def test_xld8_a_backlog_of_late_petitions_is_escalated_in_batches_once(self):
        """Five petitions past their deadline of Monday 16/03/2026, two per
        run of the cron: each run reports what is left to the cron runner,
        which commits it and runs again; each petition is escalated once, to
        the head of the handling unit, in the agency's language."""
        self.env.company.danvan_lang = "vi_VN"
        self.env.company.danvan_handling_unit_id = self.unit_science
        head = self.users["unit_head"]
        cron = self.env.ref("danvan_complaints.ir_cron_danvan_petition_deadlines")
        progress_left = []
        with freeze_time("2026-03-17"):
            self.Petition._cron_check_deadlines()  # the demo's petitions
            petitions = self.Petition.browse()
            for _n in range(5):
                petitions |= self._petition(department_id=self.unit_science.id)
            for _run in range(4):
                progress = cron._add_progress()[1]
                self.Petition.with_context(
                    ir_cron_progress_id=progress.id, lang="en_US"
                )._cron_check_deadlines(batch_size=2)
                progress_left.append((progress.done, progress.remaining))
        self.assertEqual(progress_left, [(2, 3), (2, 1), (1, 0), (0, 0)])
        self.assertTrue(all(petitions.mapped("deadline_escalated")))
        for petition in petitions:
            notes = petition.message_ids.filtered(lambda m: m.message_type == "comment")
            self.assertEqual(len(notes), 1, petition.number)
            self.assertEqual(notes.partner_ids, head.partner_id)
            self.assertIn("Đã quá hạn ngày 16/03/2026", notes.body)
            self.assertEqual(petition.activity_ids.user_id, head)
            self.assertEqual(
                petition.activity_ids.summary, "Đã quá hạn ngày 16/03/2026"
            )

    def test_deadline_cron_leaves_processed_petitions_alone(self):
        petition = self._classified()
        petition.outcome = "answer"
        petition.action_process()
        with freeze_time("2026-03-20"):
            self.Petition._cron_check_deadlines()
        self.assertFalse(petition.deadline_escalated)

    def _letter(self, petition):
        return (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_qweb_html(
                "danvan_complaints.action_report_danvan_petition_letter", petition.ids
            )[0]
            .decode()
        )

    def test_guidance_letter_in_the_official_layout(self):
        self.env.company.danvan_agency_code = "SKHCN"
        petition = self._classified(
            petition_type="complaint",
            within_competence=False,
            competent_body="UBND xã A",
        )
        petition.outcome = "guide"
        petition.action_process()
        html = self._letter(petition)
        for text in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "/SKHCN",
            "V/v Guidance on where to send a petition",
            "Kính gửi: Nguyễn Văn An",
            "UBND xã A",
            "Phản ánh về cân sai tại chợ",
        ):
            self.assertIn(text, html)
        self.assertNotIn("BÁO CÁO", html)

    def test_tc13_transfer_letter_of_a_denunciation_names_no_denouncer(self):
        petition = self._classified(
            petition_type="denunciation",
            within_competence=False,
            competent_body="Thanh tra tỉnh",
        )
        petition.outcome = "transfer"
        self._confirm_redacted(petition)
        petition.action_process()
        html = self._letter(petition)
        self.assertIn("Kính gửi: Thanh tra tỉnh", html)
        self.assertNotIn("Nguyễn Văn An", html)
        self.assertNotIn("0901", html)

    def test_only_guidance_transfer_and_answer_go_by_letter(self):
        petition = self._classified(qualified="no", unqualified_reason="illegible")
        petition.outcome = "file"
        petition.action_process()
        with self.assertRaises(UserError):
            petition.action_print_letter()
