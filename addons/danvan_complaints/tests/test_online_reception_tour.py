import hashlib

from odoo.tests import new_test_user, tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase


@tagged("post_install", "-at_install")
class TestOnlineReceptionTour(VietnameseBrowserCase):
    """In Chromium: the Office plans an online session, adds its points,
    confirms the timeline, attaches the recording and the minutes, and closes
    it (TCD-16 to TCD-19)."""

    def test_tcd16_tcd19_office_holds_an_online_session(self):
        office = new_test_user(
            self.env,
            login="dvc_onl_tour",
            groups="danvan_base.group_danvan_office,"
            "danvan_complaints.group_danvan_reception",
        )
        self.start_tour(
            "/odoo/action-danvan_complaints.danvan_reception_session_action/new",
            "danvan_online_reception_tour",
            login=office.login,
        )
        session = self.env["danvan.reception.session"].search(
            [("online_decision_number", "=", "31/QĐ-SKHCN")]
        )
        self.assertEqual(session.state, "held")
        self.assertEqual(session.reception_form, "online")
        self.assertEqual(
            session.online_case_ids,
            self.env.ref("danvan_complaints.danvan_online_case_2026_complex"),
        )
        self.assertEqual(
            sorted(session.online_point_ids.mapped("kind")), ["central", "component"]
        )
        self.assertEqual(
            sorted(session.online_point_ids.participant_ids.mapped("name")),
            ["Bà Trần Thị Tham Mưu", "Ông Hà Văn Xã"],
        )
        for step in ("notice", "test", "connection"):
            self.assertEqual(session[f"online_{step}_done_by"], office)
        self.assertEqual(session.online_started_by, office)
        self.assertEqual(
            session.online_recording_sha256,
            hashlib.sha256(b"dummy online reception recording").hexdigest(),
        )
        self.assertEqual(session.online_minutes_name, "bien-ban.pdf")
