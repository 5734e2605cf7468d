import base64
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CaseCommon

SECOND = "Nguyễn Văn Cùng Ký"


@tagged("post_install", "-at_install")
class TestDenunciationWithdrawal(CaseCommon):
    """The withdrawal of a denunciation by one, some or all of its
    denouncers, on the forms of the regime of its day (TC-8, TC-16), seen by
    those who see the denouncers only (TC-13), and the request for
    protection carried from the petition (TC-12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.verifier = cls._team_member("dvc_tc_verifier")

    def _accepted(self, received=date(2026, 3, 2), accepted=None, **vals):
        senders = [
            Command.create(
                {"name": self.DENOUNCER, "address": "Thôn 7", "identity_number": "1"}
            ),
            Command.create(
                {"name": SECOND, "address": "Thôn 8", "identity_number": "2"}
            ),
        ]
        case = self._case(
            "denunciation", received=received, sender_ids=senders, **vals
        ).with_user(self.officer)
        case.write(
            {
                "denounced": "Ông Lê Văn B, kế toán",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": accepted or received,
            }
        )
        case.action_accept()
        return case

    def _withdrawal(self, case, senders, when, **vals):
        file = (
            self.env["ir.attachment"]
            .with_user(self.officer)
            .create(
                {
                    "name": "don-rut-to-cao.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 don rut"),
                }
            )
        )
        return (
            self.env["danvan.denunciation.withdrawal"]
            .with_user(self.officer)
            .create(
                {
                    "denunciation_id": case.id,
                    "date": when,
                    "withdrawer_ids": [Command.set(senders.ids)],
                    "reasons": "Đã được giải thích",
                    "reference": "Đơn rút ngày",
                    "attachment_ids": [Command.set(file.ids)],
                    **vals,
                }
            )
        )

    def _senders(self, case):
        return case.sudo().petition_id.sender_ids.sorted("id")

    def test_tc8_one_of_two_withdraws_the_case_goes_on_for_the_other(self):
        case = self._accepted(received=date(2026, 7, 6))
        first, second = self._senders(case)
        withdrawal = self._withdrawal(case, first, date(2026, 7, 20))
        self.assertEqual(withdrawal.form_id.number, "02")
        self.assertEqual(
            withdrawal.form_id.regime_id,
            self.env.ref("danvan_complaints.danvan_legal_regime_2026"),
        )
        withdrawal.action_confirm()
        self.assertEqual(withdrawal.state, "done")
        self.assertEqual(withdrawal.outcome, "others")
        self.assertEqual(case.state, "accepted")
        events = case.sudo().event_ids
        self.assertEqual(set(events.mapped("kind")), {"withdrawal", "acceptance"})
        event = events.filtered(lambda event: event.kind == "withdrawal")
        self.assertIn(self.DENOUNCER, event.note)
        self.assertEqual(event.date, date(2026, 7, 20))
        # The case's chatter, which the verification team reads, names nobody.
        self.assertNotIn(self.DENOUNCER, case.sudo().message_ids[0].body)
        # The other withdraws as well: nobody is left, the case ends.
        last = self._withdrawal(case, second, date(2026, 7, 21), method="minutes")
        last.minutes_by = "verifier"
        last.action_confirm()
        self.assertEqual(last.outcome, "terminated")
        self.assertEqual(last.form_id.number, "03")
        self.assertEqual(case.state, "terminated")
        self.assertEqual(case.termination_reason, "withdrawn")

    def test_tc16_a_case_accepted_before_the_decree_follows_the_day_of_withdrawal(
        self,
    ):
        """Accepted in March 2026 under the old rules, still open: withdrawn
        in July, by one of its two denouncers, under Decree 156."""
        case = self._accepted()
        self.assertEqual(
            case.regime_id, self.env.ref("danvan_complaints.danvan_legal_regime_2014")
        )
        first = self._senders(case)[0]
        # Before the decree too, one denouncer withdraws alone (TC-8, Law
        # on Denunciations Art. 33), on the form of the old regime.
        early = self._withdrawal(case, first, date(2026, 6, 10))
        self.assertEqual(
            early.form_id,
            self.env.ref(
                "danvan_complaints.danvan_legal_form_2014_denunciation_withdrawal"
            ),
        )
        early.unlink()
        late = self._withdrawal(case, first, date(2026, 7, 2))
        late.action_confirm()
        self.assertEqual(late.outcome, "others")
        self.assertEqual(
            late.form_id,
            self.env.ref(
                "danvan_complaints.danvan_legal_form_2026_denunciation_withdrawal"
            ),
        )
        self.assertEqual(case.state, "accepted")

    def test_tc8_settled_anyway_on_signs_of_a_violation_or_coercion(self):
        case = self._accepted(received=date(2026, 7, 6))
        withdrawal = self._withdrawal(
            case,
            self._senders(case),
            date(2026, 7, 20),
            continue_anyway=True,
        )
        with self.assertRaisesRegex(UserError, "why the settlement continues"):
            withdrawal.action_confirm()
        withdrawal.continue_ground = "coerced"
        withdrawal.action_confirm()
        self.assertEqual(withdrawal.outcome, "anyway")
        self.assertEqual(case.state, "accepted")
        # Forced: the resolver is asked to protect the denouncer (Decree 156).
        self.assertTrue(case.sudo().activity_ids)

    def test_tc8_part_of_the_content_the_rest_is_settled(self):
        case = self._accepted(received=date(2026, 7, 6))
        withdrawal = self._withdrawal(
            case, self._senders(case), date(2026, 7, 20), scope="part"
        )
        with self.assertRaisesRegex(UserError, "part of the content"):
            withdrawal.action_confirm()
        withdrawal.content = "Nội dung thứ hai"
        withdrawal.action_confirm()
        self.assertEqual(withdrawal.outcome, "rest")
        self.assertEqual(case.state, "accepted")
        self.assertIn("Nội dung thứ hai", case.withdrawn_content)

    def test_tc8_wrong_input_is_refused_and_changes_nothing(self):
        case = self._accepted(received=date(2026, 7, 6))
        first = self._senders(case)[0]
        withdrawal = self._withdrawal(case, first, date(2026, 7, 20))
        withdrawal.attachment_ids = False
        with self.assertRaisesRegex(UserError, "Attach the signed withdrawal"):
            withdrawal.action_confirm()
        with self.assertRaises(ValidationError):
            withdrawal.date = date(2026, 7, 1)  # before the letter came
        with self.assertRaises(ValidationError):
            withdrawal.date = date(2099, 1, 1)
        with self.assertRaises(UserError):
            withdrawal.write({"state": "done"})
        self.assertEqual(withdrawal.state, "draft")
        # Another petition's sender does not withdraw this denunciation.
        other = self._accepted(received=date(2026, 7, 7))
        with self.assertRaises(ValidationError):
            withdrawal.withdrawer_ids = self._senders(other)[0]
        # After the conclusion nothing is withdrawn.
        withdrawal.date = date(2026, 7, 20)
        self._write_conclusion_on(case)
        case.action_settle()
        with self.assertRaisesRegex(UserError, "before its conclusion"):
            withdrawal.action_confirm()

    def _write_conclusion_on(self, case):
        case.write(
            {
                "settlement_number": "30/KL-SKHCN",
                "date_settled": date(2026, 7, 30),
                "conclusion": "partly",
                "conclusion_text": "<p>Tố cáo đúng một phần.</p>",
            }
        )

    def test_tc8_a_recorded_withdrawal_is_kept(self):
        case = self._accepted(received=date(2026, 7, 6))
        withdrawal = self._withdrawal(case, self._senders(case)[0], date(2026, 7, 20))
        withdrawal.action_confirm()
        with self.assertRaisesRegex(UserError, "locked"):
            withdrawal.reasons = "Khác"
        with self.assertRaisesRegex(UserError, "kept by law"):
            withdrawal.unlink()

    def test_tc13_the_team_and_other_officers_never_see_a_withdrawal(self):
        case = self._accepted(received=date(2026, 7, 6))
        case.team_member_ids = self.verifier
        withdrawal = self._withdrawal(case, self._senders(case)[0], date(2026, 7, 20))
        withdrawal.action_confirm()
        Withdrawal = self.env["danvan.denunciation.withdrawal"]
        # The team has no access to withdrawals at all.
        with self.assertRaises(AccessError):
            Withdrawal.with_user(self.verifier).search([])
        self.assertFalse(Withdrawal.with_user(self.other_officer).search([]))
        for user in (self.verifier, self.other_officer):
            with self.assertRaises(AccessError):
                withdrawal.with_user(user).read(["reasons"])
        # Nor by grouping or counting on what the denouncers wrote.
        for user in (self.other_officer, self.users["staff"], self.users["unit_head"]):
            try:
                groups = Withdrawal.with_user(user).read_group(
                    [], ["reasons"], ["reasons"]
                )
            except AccessError:
                continue
            self.assertFalse(groups)
            self.assertFalse(
                Withdrawal.with_user(user).search_count([("reasons", "!=", False)])
            )
        # The team reads the case, and still the case's withdrawn content not.
        self.assertFalse(case.with_user(self.verifier).withdrawn_content)
        # The handler's read is logged (TC-13).
        Access = self.env["danvan.identity.access"].sudo()
        before = Access.search_count([("user_id", "=", self.officer.id)])
        withdrawal.invalidate_recordset()
        withdrawal.with_user(self.officer).read(["reasons"])
        self.assertGreater(
            Access.search_count([("user_id", "=", self.officer.id)]), before
        )

    def test_tc12_protection_request_seen_by_who_reads_the_letter_only(self):
        case = self._accepted(received=date(2026, 7, 6), protection_requested=True)
        case.team_member_ids = self.verifier
        self.assertTrue(case.with_user(self.officer).protection_requested)
        self.assertFalse(case.with_user(self.verifier).protection_requested)
        Case = self.env["danvan.denunciation"]
        protected = [("protection_requested", "=", True)]
        found = Case.with_user(self.officer).search(protected)
        self.assertIn(case, found)
        self.assertNotIn(
            case,
            Case.with_user(self.verifier).search([("protection_requested", "=", True)]),
        )
