import io

import docx

from odoo.tests import tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestPlanDocument(DanvanCommon):
    """The plan is an official document: numbered, dated and signed when
    leadership issues it, and printed with them (issue 12, item 7; VB-7)."""

    freeze_time = "2040-03-10"

    def _issued_plan(self, plan_type):
        plan = (
            self.env["danvan.plan"]
            .with_user(self.users["office"])
            .create(
                {"name": f"Kế hoạch {plan_type}", "year": 2040, "plan_type": plan_type}
            )
        )
        plan.action_submit()
        plan.with_user(self.users["leader"]).action_approve()
        return plan

    def test_vb7_plans_are_numbered_in_a_yearly_sequence_of_their_own(self):
        self.env.company.danvan_agency_code = "SKHCN"
        first = self._issued_plan("mass_mobilization")
        second = self._issued_plan("grassroots_democracy")
        self.assertEqual(first.number, "01/KH-SKHCN")
        self.assertEqual(second.number, "02/KH-SKHCN")
        self.assertEqual(str(first.date_issued), "2040-03-10")

    def test_a_plan_issued_on_paper_keeps_its_number(self):
        plan = self.env["danvan.plan"].create(
            {"name": "Kế hoạch đã ban hành", "year": 2040, "number": "07/KH-SKHCN"}
        )
        plan.action_submit()
        plan.with_user(self.users["leader"]).action_approve()
        self.assertEqual(plan.number, "07/KH-SKHCN")
        self.assertEqual(str(plan.date_issued), "2040-03-10")

    def test_the_printed_plan_shows_its_number_date_and_signer(self):
        self.env.company.write(
            {
                "danvan_agency_code": "SKHCN",
                "danvan_place": "Quảng Ngãi",
                "danvan_signer_title": "GIÁM ĐỐC",
                "danvan_signer_name": "Nguyễn Văn An",
            }
        )
        plan = self._issued_plan("other")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["staff"])
            ._render_qweb_html("danvan_plan.action_report_danvan_plan", plan.ids)[0]
            .decode()
        )
        for text in (
            "Số: 01/KH-SKHCN",
            "Quảng Ngãi, ngày 10 tháng 3 năm 2040",
            "KẾ HOẠCH",
            "Kế hoạch other",
            "GIÁM ĐỐC",
            "Nguyễn Văn An",
        ):
            self.assertIn(text, html)
        self.assertNotIn("DỰ THẢO", html)
        filename, content = plan.with_user(self.users["staff"])._render_docx()
        self.assertEqual(filename, "01-KH-SKHCN.docx")
        text = "\n".join(
            cell.text
            for table in docx.Document(io.BytesIO(content)).tables
            for row in table.rows
            for cell in row.cells
        )
        for line in ("Số: 01/KH-SKHCN", "10 tháng 3 năm 2040", "Nguyễn Văn An"):
            self.assertIn(line, text)
