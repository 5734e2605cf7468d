from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDenunciationDecree156Demo(TransactionCase):
    """The demo shows each feature of Decree 156/2026 and the 45-day flag
    (TC-8, TC-9, TC-14, XLD-12), consistently with their rules."""

    def setUp(self):
        super().setUp()
        demo = self.env.ref(
            "danvan_complaints.danvan_denunciation_withdrawn_demo",
            raise_if_not_found=False,
        )
        if not demo:
            self.skipTest("installed without demo data")

    def test_tc8_demo_one_of_two_denouncers_withdrew(self):
        case = self.env.ref("danvan_complaints.danvan_denunciation_withdrawn_demo")
        withdrawal = self.env.ref(
            "danvan_complaints.danvan_denunciation_withdrawal_demo"
        )
        self.assertEqual(case.state, "accepted")
        self.assertEqual(len(case.petition_id.sender_ids), 2)
        self.assertEqual(len(withdrawal.withdrawer_ids), 1)
        self.assertEqual(withdrawal.outcome, "others")
        self.assertEqual(withdrawal.form_id.number, "02")
        self.assertTrue(case.protection_requested)
        self.assertEqual(case.expert_ids.form_id.number, "09")

    def test_tc14_demo_followup_in_progress_with_a_late_measure(self):
        followup = self.env.ref("danvan_complaints.danvan_denunciation_followup_demo")
        self.assertEqual(followup.state, "ongoing")
        self.assertEqual(followup.overdue_count, 1)
        self.assertEqual(followup.report_ids.state, "sent")

    def test_xld12_demo_petition_past_45_days(self):
        petition = self.env.ref("danvan_complaints.danvan_petition_discipline_demo")
        self.assertTrue(petition.discipline_overdue)
        self.assertIn(
            petition,
            self.env["danvan.petition"].search([("discipline_overdue", "=", True)]),
        )
