from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CaseCommon


@tagged("post_install", "-at_install")
class TestComplaint(CaseCommon):
    """Complaint cases: acceptance, time limits, dialogue, decision,
    publication, withdrawal and suspension (KN-3 to KN-16)."""

    def _accepted(self, accepted=date(2026, 3, 2), **vals):
        case = self._case("complaint").with_user(self.officer)
        case.write(
            dict(
                {
                    "date_known": date(2026, 2, 20),
                    "date_accepted": accepted,
                    "acceptance_reference": "12/TB-SKHCN",
                    "respondent": "Phòng Quản lý Khoa học",
                },
                **vals,
            )
        )
        case.action_accept()
        return case

    def _decide(self, case, **vals):
        case.write(
            dict(
                {
                    "settlement_number": "45/QĐ-SKHCN",
                    "date_settled": date(2026, 3, 25),
                    "verification_result": "<p>Việc thu tiền có căn cứ.</p>",
                    "legal_basis": "Điều 28 Luật Khiếu nại",
                    "conclusion": "wrong",
                    "measure": "keep",
                },
                **vals,
            )
        )
        case.action_settle()

    def test_kn6_an_accepted_complaint_petition_opens_a_case(self):
        case = self._case("complaint")
        self.assertEqual(len(case), 1)
        self.assertEqual(case.state, "draft")
        self.assertEqual(case.handler_id, self.officer)
        self.assertRegex(case.number, r"^KN-\d{4}/\d{3}$")
        # KN-6: 10 working days from receipt (Monday 02/03/2026 -> 16/03).
        self.assertEqual(case.acceptance_deadline, date(2026, 3, 16))
        # One case per petition.
        with self.assertRaises(ValidationError):
            self.env["danvan.complaint"].create({"petition_id": case.petition_id.id})

    def test_xld4_a_case_comes_from_its_own_kind_of_petition(self):
        petition = self._case("denunciation").petition_id
        with self.assertRaises(ValidationError):
            self.env["danvan.complaint"].create({"petition_id": petition.id})
        # XLD-9: only a petition accepted for settlement opens a case.
        unprocessed = self.env["danvan.petition"].create(
            {"summary": "Khiếu nại", "petition_type": "complaint"}
        )
        with self.assertRaises(ValidationError):
            self.env["danvan.complaint"].create({"petition_id": unprocessed.id})

    def test_kn6_acceptance_needs_its_notice_and_a_date_after_receipt(self):
        case = self._case("complaint").with_user(self.officer)
        with self.assertRaises(UserError):
            case.action_accept()
        case.acceptance_reference = "12/TB-SKHCN"
        with self.assertRaises(ValidationError):
            case.date_accepted = date(2026, 3, 1)
        self.assertEqual(case.state, "draft")

    def test_kn6_notice_of_acceptance(self):
        case = self._case("complaint").with_user(self.officer)
        with self.assertRaises(UserError):
            case.action_print_acceptance()
        case = self._accepted()
        self.assertEqual(
            case.action_print_acceptance()["report_name"],
            "danvan_complaints.report_danvan_complaint_acceptance",
        )
        html = self._render(
            "danvan_complaints.action_report_danvan_complaint_acceptance", case
        )
        for expected in (
            "THÔNG BÁO",
            "thụ lý giải quyết khiếu nại",
            "12/TB-SKHCN",
            "01/04/2026",
            self.DENOUNCER,
        ):
            self.assertIn(expected, html)
        # VB-7: the notice's own number in the header, not a blank to fill.
        self.assertRegex(html, r'o_danvan_number">Số: 12/TB-SKHCN<')

    def test_case_documents_attached_before_saving_belong_to_the_case(self):
        case = self._accepted()
        minutes = (
            self.env["ir.attachment"]
            .with_user(self.officer)
            .create(
                {"name": "bien-ban.pdf", "raw": b"%PDF-1.4", "res_model": case._name}
            )
        )
        case.attachment_ids = [Command.link(minutes.id)]
        self.assertEqual((minutes.res_model, minutes.res_id), (case._name, case.id))
        self.assertEqual(
            case.with_user(self.users["leader"]).attachment_ids.name, "bien-ban.pdf"
        )

    def test_kn3_ninety_days_to_complain_obstacle_days_not_counted(self):
        """Known on 01/12/2025: 90 days end on Sunday 01/03/2026, so Monday
        02/03 (CAL-4); received 04/03 is late and is not accepted (KN-5)."""
        case = self._case("complaint", received=date(2026, 3, 4)).with_user(
            self.officer
        )
        case.write(
            {"date_known": date(2025, 12, 1), "acceptance_reference": "12/TB-SKHCN"}
        )
        self.assertEqual(case.filing_deadline, date(2026, 3, 2))
        self.assertTrue(case.filed_late)
        with self.assertRaises(UserError):
            case.action_accept()
        self.assertEqual(case.state, "draft")
        case.obstacle_days = 5  # ill for five days: limit 06/03
        self.assertEqual(case.filing_deadline, date(2026, 3, 6))
        case.action_accept()
        self.assertEqual(case.state, "accepted")

    def test_kn7_first_time_limits_in_calendar_days(self):
        """Accepted Monday 02/03/2026: 30 days -> 01/04; 45 -> 16/04; 60 ends
        on Friday 01/05, a holiday, so Monday 04/05 (CAL-4)."""
        case = self._accepted()
        self.assertEqual(case.date_deadline, date(2026, 4, 1))
        case.is_complex = True
        self.assertEqual(case.date_deadline, date(2026, 4, 16))
        case.is_complex, case.is_remote = False, True
        self.assertEqual(case.date_deadline, date(2026, 4, 16))
        case.is_complex = True
        self.assertEqual(case.date_deadline, date(2026, 5, 4))

    def test_kn10_kn11_second_complaint_is_linked_and_has_longer_limits(self):
        first = self._accepted()
        self._decide(first)
        second = self._case("complaint", received=date(2026, 4, 10))
        with Form(second.with_user(self.officer)) as form:
            form.resolution_round = "second"
            form.previous_case_id = first
            self.assertEqual(form.resolution_round, "second")
            self.assertEqual(form.date_known, date(2026, 3, 25))
            form.acceptance_reference = "20/TB-UBND"
            form.date_accepted = date(2026, 4, 13)
        # KN-10: 30 days from the first decision, 24/04.
        self.assertEqual(second.filing_deadline, date(2026, 4, 24))
        second.with_user(self.officer).action_accept()
        # KN-11: 45 days from 13/04/2026 end on 28/05.
        self.assertEqual(second.date_deadline, date(2026, 5, 28))
        self.assertEqual(first.next_case_ids, second)

    def test_kn14_suspension_stops_the_clock(self):
        """Suspended 10/03 to 20/03: ten days added, 01/04 becomes Saturday
        11/04, so Monday 13/04."""
        case = self._accepted()
        with self.assertRaises(UserError):  # nothing to resume
            self._case_step(case, "resume", date(2026, 3, 9))
        self._case_step(case, "suspend", date(2026, 3, 10))
        self.assertEqual(case.state, "suspended")
        with self.assertRaises(UserError):  # a double click
            self._case_step(case, "suspend", date(2026, 3, 10))
        with self.assertRaises(UserError):
            self._case_step(case, "resume", date(2026, 3, 9))
        self._case_step(case, "resume", date(2026, 3, 20))
        self.assertEqual((case.state, case.suspended_days), ("accepted", 10))
        self.assertEqual(case.date_deadline, date(2026, 4, 13))
        self.assertEqual(
            case.event_ids.sorted("id").mapped("kind"),
            ["acceptance", "suspension", "resumption"],
        )

    def test_kn14_a_suspended_case_is_not_chased(self):
        """Past its deadline while suspended, a case is neither warned nor
        escalated; once resumed, it is (item 7)."""
        case = self._accepted()
        self._case_step(case, "suspend", date(2026, 3, 10))
        with freeze_time("2026-04-06"):
            self.env["danvan.complaint"]._cron_check_deadlines()
        self.assertFalse(case.deadline_escalated)
        self._case_step(case, "resume", date(2026, 4, 6))
        # 30 days and 27 suspended from 02/03: 28/04.
        self.assertEqual(case.date_deadline, date(2026, 4, 28))
        with freeze_time("2026-04-29"):
            self.env["danvan.complaint"]._cron_check_deadlines()
        self.assertTrue(case.deadline_escalated)
        self.assertTrue(case.activity_ids)

    def test_kn4_partial_withdrawal_only_since_the_2026_amendment(self):
        case = self._accepted()
        with self.assertRaises(UserError):
            self._case_step(case, "withdraw_part", date(2026, 6, 15))
        with self.assertRaises(UserError):  # a withdrawal is in writing
            self._case_step(case, "withdraw_part", date(2026, 7, 2), reference=False)
        self._case_step(
            case, "withdraw_part", date(2026, 7, 2), reason="Yêu cầu bồi thường"
        )
        self.assertEqual(case.state, "accepted")
        self.assertEqual(case.withdrawn_content, "Yêu cầu bồi thường")
        self._case_step(case, "withdraw_all", date(2026, 7, 3), reason="Toàn bộ")
        self.assertEqual(
            (case.state, case.termination_reason), ("terminated", "withdrawn")
        )
        with self.assertRaises(UserError):
            self._case_step(case, "withdraw_all", date(2026, 7, 3))

    def test_kn7_a_complaint_is_not_extended(self):
        case = self._accepted()
        with self.assertRaisesRegex(
            UserError, "Article 30 of the Law on Denunciations 2018"
        ):
            self._case_step(case, "extend", date(2026, 3, 20))
        self.assertEqual(case.state, "accepted")
        self.assertEqual(case.date_deadline, date(2026, 4, 1))

    def test_kn14_termination_needs_its_ground(self):
        case = self._accepted()
        with self.assertRaises(UserError):
            self._case_step(case, "terminate", date(2026, 3, 5))
        self._case_step(case, "terminate", date(2026, 3, 5), termination_reason="death")
        self.assertEqual(case.state, "terminated")
        self.assertEqual(case.date_closed, date(2026, 3, 5))

    def test_kn9_the_decision_states_what_the_law_requires(self):
        case = self._accepted()
        with self.assertRaisesRegex(
            UserError, "Article 31 of the Law on Complaints 2011"
        ):
            case.action_settle()
        with self.assertRaises(UserError):
            self._decide(case, legal_basis=False)
        self.assertEqual(case.state, "accepted")
        self._decide(case)
        self.assertEqual(case.state, "settled")
        self.assertFalse(case.settled_late)
        with self.assertRaises(UserError):  # a double click
            case.action_settle()
        # KN-9: sent in 3 working days; KN-13: published within 15 days;
        # KN-12: in effect after 30 days.
        self.assertEqual(case.sending_deadline, date(2026, 3, 30))
        self.assertEqual(case.publication_deadline, date(2026, 4, 9))
        self.assertEqual(case.date_effective, date(2026, 4, 24))

    def test_kn7_a_late_decision_is_marked(self):
        case = self._accepted()
        self._decide(case, date_settled=date(2026, 4, 2))
        self.assertTrue(case.settled_late)

    def test_kn8_dialogue_before_deciding_absent_complainant_since_2026(self):
        case = self._accepted(accepted=date(2026, 6, 1))
        values = {
            "dialogue_required": True,
            "date_settled": date(2026, 7, 15),
        }
        with self.assertRaisesRegex(
            UserError, "Article 30 of the Law on Complaints 2011"
        ):
            self._decide(case, **values)
        values.update(
            dialogue_attendance="absent_excused", dialogue_date=date(2026, 7, 8)
        )
        with self.assertRaisesRegex(
            UserError, "Article 30 of the Law on Complaints 2011"
        ):
            self._decide(case, **values)
        values.update(dialogue_attendance="absent", dialogue_date=date(2026, 6, 20))
        with self.assertRaisesRegex(
            UserError, "Article 30 of the Law on Complaints 2011"
        ):
            self._decide(case, **values)
        values.update(dialogue_date=date(2026, 7, 8))
        self._decide(case, **values)
        self.assertEqual(case.state, "settled")

    def test_kn13_closed_once_sent_and_published(self):
        case = self._accepted()
        self._decide(case)
        with self.assertRaisesRegex(UserError, "Decree 124/2020/NĐ-CP"):
            case.action_close()
        case.write({"date_sent": date(2026, 3, 26), "publication_method": "posting"})
        with self.assertRaises(UserError):
            case.action_close()
        case.date_published = date(2026, 3, 27)
        case.action_close()
        self.assertEqual(case.state, "closed")
        self.assertIn("publication", case.event_ids.mapped("kind"))

    def test_refusal_states_its_reasons(self):
        case = self._case("complaint").with_user(self.officer)
        with self.assertRaises(UserError):
            case.action_refuse()
        case.refusal_reason = "Quyết định quản lý nội bộ (Điều 11 Luật Khiếu nại 2011)"
        case.action_refuse()
        self.assertEqual(case.state, "refused")

    def test_cases_and_their_events_are_kept(self):
        case = self._accepted()
        with self.assertRaises(UserError):
            case.sudo().unlink()
        with self.assertRaises(UserError):
            case.event_ids.sudo().unlink()
        case.sudo().action_archive()
        self.assertFalse(case.active)

    def test_staff_do_not_read_complaints_leadership_decide(self):
        case = self._accepted()
        with self.assertRaises(AccessError):
            case.with_user(self.users["staff"]).read(["summary"])
        self._decide(case.with_user(self.users["leader"]))
        self.assertEqual(case.state, "settled")

    def test_kn9_printed_decision(self):
        case = self._accepted()
        self._decide(case, dialogue_required=False, compensation="Không")
        html = self._render(
            "danvan_complaints.action_report_danvan_complaint_decision", case
        )
        for expected in (
            "QUYẾT ĐỊNH",
            "45/QĐ-SKHCN",
            "lần đầu",
            self.DENOUNCER,
            "Việc thu tiền có căn cứ.",
            "Giữ nguyên",
            "khởi kiện vụ án hành chính",
        ):
            self.assertIn(expected, html)
