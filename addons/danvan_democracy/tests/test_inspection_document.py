import io

import docx
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_inspection_programme import ProgrammeCommon

AGENCY = "Sở Khoa học và Công nghệ"


@tagged("post_install", "-at_install")
class TestInspectionDocuments(HttpCase, ProgrammeCommon):
    """DC-16: the board's recommendation (KIẾN NGHỊ), the notice of the
    result of an inspection (THÔNG BÁO) and its report (BÁO CÁO) in the
    Decree 30/2020 layout, PDF and Word, numbered when sent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {
                "danvan_agency_name": AGENCY,
                "danvan_parent_agency": "Ủy ban nhân dân tỉnh Quảng Ngãi",
                "danvan_place": "Quảng Ngãi",
                "danvan_agency_code": "SKHCN",
            }
        )
        cls.chair = cls.board.member_ids.filtered(lambda m: m.role == "chair")

    def _pdf_text(self, report_xmlid, records, user):
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report_xmlid, records.ids)
        )
        self.assertEqual(kind, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        return "".join("".join(page.extract_text() for page in reader.pages).split())

    def assertInPdf(self, expected, text):
        for line in expected:
            self.assertIn("".join(line.split()), text)

    def test_dc16_recommendation_printed_as_a_draft_then_numbered(self):
        recommendation = self._recommendation(
            content="<p>Đề nghị công khai quỹ phúc lợi hằng quý.</p>"
        )
        xmlid = "danvan_democracy.action_report_danvan_inspection_recommendation"
        text = self._pdf_text(xmlid, recommendation, self.board_user)
        self.assertIn("DỰTHẢO", text)
        self.assertFalse(recommendation.number)
        recommendation.action_send()
        self.assertRegex(recommendation.number, r"^\d\d/KN-SKHCN$")
        text = self._pdf_text(xmlid, recommendation, self.users["leader"])
        self.assertInPdf(
            (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                AGENCY.upper(),
                f"Số: {recommendation.number}",
                "KIẾN NGHỊ",
                "Công khai quỹ phúc lợi hằng quý",
                "Đề nghị công khai quỹ phúc lợi hằng quý.",
                "Nơi nhận:",
                self.chair.employee_id.name,
            ),
            text,
        )
        self.assertNotIn("DỰTHẢO", text)
        # The sent recommendation is kept as printed.
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", recommendation._name),
                ("res_id", "=", recommendation.id),
            ]
        )
        self.assertEqual(
            attachment.name, recommendation.number.replace("/", "-") + ".pdf"
        )

    def test_dc16_result_notice_numbered_when_sent(self):
        inspection = self._inspection(
            result="<p>Quỹ phúc lợi được chi đúng quy chế.</p>"
        )
        inspection.action_send_union()
        inspection.action_notify()
        self.assertFalse(inspection.number)
        inspection.action_send_result()
        self.assertRegex(inspection.number, r"^\d\d/TB-SKHCN$")
        text = self._pdf_text(
            "danvan_democracy.action_report_danvan_inspection",
            inspection,
            self.board_user,
        )
        self.assertInPdf(
            (
                f"Số: {inspection.number}",
                "THÔNG BÁO",
                "Quỹ phúc lợi được chi đúng quy chế.",
                self.unit_office.name,
            ),
            text,
        )

    def test_dc16_report_numbered_as_the_agency_reports(self):
        report = self._report(content="<p>Ban đã kiểm tra 2 việc trong 6 tháng.</p>")
        report.action_send()
        self.assertRegex(report.number, r"^\d\d/BC-SKHCN$")
        text = self._pdf_text(
            "danvan_democracy.action_report_danvan_inspection_report",
            report,
            self.users["union"],
        )
        self.assertInPdf(
            (
                f"Số: {report.number}",
                "BÁO CÁO",
                "Ban đã kiểm tra 2 việc trong 6 tháng.",
                "01/01/2026",
                "30/06/2026",
            ),
            text,
        )

    def test_dc16_word_file_of_the_report(self):
        report = self._report(content="<p>Ban đã kiểm tra 2 việc.</p>")
        report.action_send()
        self.authenticate("dv_union", "dv_union")
        response = self.url_open(
            f"/danvan_democracy/inspection_report/{report.id}/docx"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("wordprocessingml", response.headers["Content-Type"])
        self.assertIn(
            report.number.replace("/", "-"), response.headers["Content-Disposition"]
        )
        document = docx.Document(io.BytesIO(response.content))
        texts = [p.text for p in document.paragraphs]
        for table in document.tables:
            texts += [cell.text for row in table.rows for cell in row.cells]
        text = "\n".join(texts)
        for expected in (f"Số: {report.number}", "BÁO CÁO", "Ban đã kiểm tra 2 việc."):
            self.assertIn(expected, text)

    def test_dc16_word_files_refused_to_staff_and_outsiders(self):
        recommendation = self._recommendation()
        recommendation.action_send()
        inspection = self._inspection()
        report = self._report()
        for login in ("dv_staff", "dv_outsider"):
            self.authenticate(login, login)
            for url in (
                f"/danvan_democracy/inspection_recommendation/{recommendation.id}/docx",
                f"/danvan_democracy/inspection/{inspection.id}/docx",
                f"/danvan_democracy/inspection_report/{report.id}/docx",
            ):
                with mute_logger("odoo.http"):
                    response = self.url_open(url)
                self.assertNotEqual(response.status_code, 200, f"{login} {url}")
                self.assertNotIn(b"PK", response.content[:2])

    def test_dc16_word_file_of_the_recommendation_for_leadership(self):
        recommendation = self._recommendation()
        recommendation.action_send()
        self.authenticate("dv_leader", "dv_leader")
        response = self.url_open(
            f"/danvan_democracy/inspection_recommendation/{recommendation.id}/docx"
        )
        self.assertEqual(response.status_code, 200)
        document = docx.Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in document.paragraphs)
        self.assertIn("KIẾN NGHỊ", text)
        self.assertIn("Đề nghị công khai hằng quý.", text)

    def test_dc16_pdfs_refused_to_staff_and_outsiders(self):
        """The board's documents are not printed for whoever may not read
        them: the text planted in them stays out of every PDF they get."""
        secret = "BIMAT-VANBAN-3R8T"
        recommendation = self._recommendation(content=f"<p>{secret}</p>")
        recommendation.action_send()
        report = self._report(content=f"<p>{secret}</p>")
        report.action_send()
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        for user in (self.users["staff"], self.users["office"], self.user_outsider):
            for xmlid, record in (
                (
                    "danvan_democracy.action_report_danvan_inspection_recommendation",
                    recommendation,
                ),
                ("danvan_democracy.action_report_danvan_inspection_report", report),
            ):
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user).with_context(
                        force_report_rendering=True
                    )._render_qweb_pdf(xmlid, record.ids)
