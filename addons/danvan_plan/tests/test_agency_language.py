from odoo.tests import tagged

from .test_plan_round import RoundCommon


@tagged("post_install", "-at_install")
class TestAgencyLanguage(RoundCommon):
    """Issue 10: the names stored once for every reader are in the agency's
    language, whatever the language of the user who builds them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env.company.danvan_lang = "vi_VN"
        for user in cls.users.values():
            user.lang = "en_US"

    def test_periods_of_a_task_created_by_an_english_user(self):
        Task = self.env["danvan.plan.task"].with_user(self.users["office"])
        names = {}
        for recurrence in ("monthly", "quarterly", "half_yearly", "yearly"):
            task = Task.create(
                {
                    "name": f"Báo cáo định kỳ {recurrence}",
                    "item_id": self.item_a.id,
                    "lead_department_id": self.unit_science.id,
                    "recurrence": recurrence,
                }
            )
            names[recurrence] = task.period_ids.mapped("name")
        self.assertEqual(names["monthly"][0], "Tháng 1/2025")
        self.assertEqual(names["quarterly"][0], "Quý 1/2025")
        self.assertEqual(
            names["half_yearly"], ["6 tháng đầu năm 2025", "6 tháng cuối năm 2025"]
        )
        self.assertEqual(names["yearly"], ["Năm 2025"])

    def test_round_summary_recipients_and_text(self):
        round_ = self._round()
        self.assertEqual(round_.name, "Kết quả công tác dân vận 6 tháng đầu năm 2025")
        self.assertIn("Ban Giám đốc Sở", round_.recipients)
        office_round = round_.with_user(self.users["office"])
        office_round.action_open()
        office_round.action_compile()
        self.assertIn("Thực hiện Kế hoạch số 07/KH-SKHCN", str(round_.body))
        filename, _content = round_._render_docx()
        self.assertTrue(filename.startswith("Kết quả công tác dân vận"))

    def test_todos_for_leadership_and_office(self):
        round_ = self._submitted_round()
        self.assertEqual(
            set(round_.activity_ids.mapped("summary")),
            {"Phê duyệt báo cáo hoặc trả lại để hoàn thiện dự thảo"},
        )
        report = self._report(
            self.task_quarterly, self.unit_science, self.users["unit_head"]
        )
        report.with_user(self.users["unit_head"]).action_submit()
        self.assertEqual(
            set(report.activity_ids.mapped("summary")),
            {"Tiếp nhận hoặc trả lại báo cáo của đơn vị"},
        )
        round_.with_user(self.users["leader"]).action_approve()
        done = round_.message_ids.filtered(lambda m: "fa-check-square-o" in m.body)
        self.assertTrue(done)
        self.assertTrue(all("Phê duyệt" in message.body for message in done))

    def test_generated_days_off_cite_their_source_in_the_agency_language(self):
        days = (
            self.env["danvan.holiday"]
            .with_user(self.users["office"])
            ._generate_year(2033)
        )
        self.assertTrue(days)
        self.assertTrue(
            all(day.source.startswith("thư viện holidays") for day in days),
            days.mapped("source"),
        )
