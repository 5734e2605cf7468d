from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import DemocracyCommon

CONCLUSION = "Tour thử nghiệm: gửi báo cáo quý về Văn phòng"
BRIEFINGS = "/odoo/action-danvan_democracy.danvan_briefing_action"
FOLLOW_UPS = "/odoo/action-danvan_democracy.danvan_briefing_conclusion_action"


@tagged("post_install", "-at_install")
class TestBriefingTour(VietnameseBrowserCase, DemocracyCommon):
    """In Chromium, in Vietnamese: the Office schedules a briefing, records
    who attended and a conclusion with its owner; the owner finds the to-do
    and marks it done (DC-18)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        Employee = cls.env["hr.employee"]
        Employee.search(
            [("user_id", "=", cls.users["leader"].id)]
        ).name = "Lãnh đạo thử nghiệm tour giao ban"
        owner = cls.users["staff"]
        owner.name = "Cán bộ thử nghiệm tour giao ban"
        for user in (cls.users["office"], owner):
            user.lang = "vi_VN"

    def test_dc18_briefing_attendance_and_follow_up(self):
        self.start_tour(BRIEFINGS, "danvan_briefing_office_tour", login="dv_office")
        conclusion = self.env["danvan.briefing.conclusion"].search(
            [("name", "=", CONCLUSION)]
        )
        self.assertEqual(len(conclusion), 1)
        briefing = conclusion.briefing_id
        self.assertEqual(briefing.state, "held")
        self.assertEqual(briefing.invited_count, 7)
        self.assertEqual(briefing.present_count, 7)
        owner = self.users["staff"]
        self.assertEqual(conclusion.user_id, owner)
        self.assertEqual(conclusion.activity_ids.user_id, owner, "the owner's to-do")
        self.start_tour(FOLLOW_UPS, "danvan_briefing_owner_tour", login="dv_staff")
        self.assertEqual(conclusion.state, "done")
        self.assertFalse(conclusion.activity_ids)
