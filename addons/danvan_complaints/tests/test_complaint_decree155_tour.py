from datetime import date, timedelta

from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .test_complaint_decree155 import ComplaintDecree155Common


@tagged("post_install", "-at_install")
class TestComplaintDecree155Tour(VietnameseBrowserCase, ComplaintDecree155Common):
    """In Chromium, in Vietnamese: an officer suspends a complaint of the 2026
    regime, resumes it, and records its dialogue (KN-8, KN-14)."""

    def test_kn14_kn8_suspend_resume_and_dialogue(self):
        today = date.today()
        case = self._accepted(today - timedelta(days=40), today - timedelta(days=38))
        before = case.date_deadline
        self.start_tour(
            f"/odoo/danvan-complaints/{case.id}",
            "danvan_complaint_decree155_tour",
            login=self.officer.login,
        )
        self.assertEqual((case.state, case.suspended_days), ("accepted", 10))
        self.assertEqual(
            case.date_deadline,
            self.env["danvan.time.limit"].compute_deadline(
                "complaint_resolution_1", case.date_accepted, extra_days=10
            ),
        )
        self.assertGreater(case.date_deadline, before)
        self.assertEqual(
            case.stop_decision_ids.sorted("date").mapped("form_number"),
            ["14a", "14b"],
        )
        dialogue = case.dialogue_ids
        self.assertEqual(dialogue.state, "held")
        self.assertEqual(dialogue.date_notice, today - timedelta(days=12))
        self.assertEqual(
            (case.dialogue_date, case.dialogue_attendance),
            (today - timedelta(days=5), "held"),
        )
        self.assertEqual(
            sorted(dialogue.attendee_ids.mapped("attendance")), ["absent", "present"]
        )
