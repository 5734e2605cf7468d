from datetime import date

from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .test_plan_round import RoundCommon


@tagged("post_install", "-at_install")
class TestPlanRoundTour(VietnameseBrowserCase, RoundCommon):
    """In Chromium: the Office assigns a task, the unit head reports, the
    Office accepts and compiles, leadership approves and prints (issue 3, 10)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Names the demo data does not use, for the autocompletes of the tour.
        cls.unit_science.name = "Phòng thử nghiệm vòng báo cáo"
        cls.item_a.name = "Tuyên truyền thử nghiệm"

    def test_from_task_to_issued_six_month_report(self):
        self.start_tour(
            "/odoo/action-danvan_plan.danvan_plan_task_action",
            "danvan_plan_assign_task_tour",
            login="dv_office",
        )
        task = self.env["danvan.plan.task"].search(
            [("name", "=", "Tuyên truyền chính sách KH&CN mới")]
        )
        self.assertEqual(task.lead_department_id, self.unit_science)
        self.assertEqual(task.item_id, self.item_a)
        self.assertEqual(task.date_due, date(2025, 5, 30))

        round_ = self._round(name="Báo cáo thử nghiệm 6 tháng")
        round_.with_user(self.users["office"]).action_open()
        self.assertIn(task, round_.line_ids.task_ids)

        self.start_tour(
            "/odoo/action-danvan_plan.danvan_plan_report_action",
            "danvan_plan_unit_report_tour",
            login="dv_unit_head",
        )
        report = task.report_ids
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.progress, 80)
        self.assertEqual(report.round_id, round_)

        self.start_tour(
            "/odoo/action-danvan_plan.danvan_plan_report_action",
            "danvan_plan_accept_report_tour",
            login="dv_office",
        )
        self.assertEqual(report.state, "accepted")
        self.start_tour(
            "/odoo/action-danvan_plan.danvan_plan_round_action",
            "danvan_plan_compile_round_tour",
            login="dv_office",
        )
        self.assertEqual(round_.state, "submitted")
        self.assertIn("Đã tổ chức 3 hội nghị", str(round_.body))

        self.start_tour(
            "/odoo/action-danvan_plan.danvan_plan_round_action",
            "danvan_plan_approve_round_tour",
            login="dv_leader",
        )
        self.assertEqual(round_.state, "issued")
        self.assertRegex(round_.number, r"^\d{2}/BC-SKHCN$")


@tagged("post_install", "-at_install")
class TestFirstDayTour(VietnameseBrowserCase, RoundCommon):
    """Issue 10, in Chromium and in Vietnamese, as a new user goes: the unit head
    reports from his task with the evidence attached before saving, the Office
    officer accepts from his to-do, leadership approves from its to-do.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        for user in cls.users.values():
            user.lang = "vi_VN"
        cls.plan.user_id = cls.users["office"]
        # Names the demo data does not use, for the steps that find them.
        cls.unit_science.name = "Phòng thử nghiệm ngày đầu"
        cls.task_quarterly.name = "Truyền thông thử nghiệm ngày đầu"

    def test_unit_reports_office_accepts_leadership_approves(self):
        round_ = self._round(name="Báo cáo thử nghiệm ngày đầu")
        office_round = round_.with_user(self.users["office"])
        office_round.action_open()

        self.start_tour(
            "/odoo/action-danvan_plan.danvan_plan_task_action",
            "danvan_plan_first_day_unit_tour",
            login="dv_unit_head",
        )
        report = self.task_quarterly.report_ids
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.progress, 60)
        self.assertEqual(report.department_id, self.unit_science)
        evidence = report.attachment_ids
        self.assertEqual(evidence.name, "bien-ban-hoi-nghi.txt")
        self.assertEqual(
            (evidence.res_model, evidence.res_id), (report._name, report.id)
        )
        self.assertEqual(report.activity_ids.user_id, self.users["office"])

        self.start_tour("/odoo", "danvan_plan_first_day_office_tour", login="dv_office")
        self.assertEqual(report.state, "accepted")
        self.assertFalse(report.activity_ids)

        office_round.action_compile()
        office_round.action_submit()
        self.assertIn(self.users["leader"], round_.activity_ids.user_id)
        self.start_tour("/odoo", "danvan_plan_first_day_leader_tour", login="dv_leader")
        self.assertEqual(round_.state, "issued")
        self.assertFalse(round_.activity_ids)
