import io
from datetime import date

import docx
from PyPDF2 import PdfReader

from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.danvan_base.tools import decree30

AGENCY = {
    "danvan_parent_agency": "Ủy ban nhân dân tỉnh Quảng Ngãi",
    "danvan_agency_name": "Sở Khoa học và Công nghệ",
    "danvan_agency_code": "SKHCN",
    "danvan_place": "Quảng Ngãi",
    "danvan_signer_authority": "KT. GIÁM ĐỐC",
    "danvan_signer_title": "PHÓ GIÁM ĐỐC",
    "danvan_signer_name": "Trần Văn Bình",
    "danvan_archive_code": "VT, VP",
}


@tagged("post_install", "-at_install")
class TestOfficialDocumentLayout(TransactionCase):
    """The Decree 30/2020 layout (VB-3 to VB-12), from the agency settings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(AGENCY)
        cls.report = cls.env.ref("danvan_base.action_report_danvan_holiday_notice")
        cls.holidays = cls.env["danvan.holiday"].search([("year", "=", 2026)])

    def test_vb8_date_line(self):
        """VB-8: place, day with a leading zero, months 1-2 with a leading zero."""
        line = self.company._danvan_date_line
        self.assertEqual(line(date(2026, 3, 5)), "Quảng Ngãi, ngày 05 tháng 3 năm 2026")
        self.assertEqual(
            line(date(2026, 1, 9)), "Quảng Ngãi, ngày 09 tháng 01 năm 2026"
        )
        self.assertEqual(
            line(date(2026, 2, 20)), "Quảng Ngãi, ngày 20 tháng 02 năm 2026"
        )
        self.assertEqual(
            line(date(2026, 12, 25)), "Quảng Ngãi, ngày 25 tháng 12 năm 2026"
        )
        self.company.danvan_place = False
        self.assertEqual(line(date(2026, 3, 5)), "Ngày 05 tháng 3 năm 2026")

    def test_vb6_agency_lines_upper_case(self):
        """VB-6: parent agency over agency name, in capitals; name by default."""
        self.assertEqual(
            self.company._danvan_agency_lines(),
            ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        )
        self.company.danvan_agency_name = False
        self.assertEqual(
            self.company._danvan_agency_lines()[1], self.company.name.upper()
        )

    def test_vb3_paper_and_margins(self):
        """VB-3: A4 portrait, left 30 mm, right 15 mm, top and bottom 20 mm."""
        paper = self.report.paperformat_id
        self.assertEqual((paper.format, paper.orientation), ("A4", "Portrait"))
        self.assertEqual(
            (
                paper.margin_left,
                paper.margin_right,
                paper.margin_top,
                paper.margin_bottom,
            ),
            (30, 15, 20, 20),
        )

    def test_html_has_every_component(self):
        """VB-2: national title, motto, agency, number, date, type, signer..."""
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(self.report.report_name, self.holidays.ids)[0]
            .decode()
        )
        for text in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "/TB-SKHCN",
            "Quảng Ngãi, ngày",
            "THÔNG BÁO",
            "Lịch nghỉ lễ, Tết và ngày làm bù năm 2026",
            "Nơi nhận:",
            "- Lưu: VT, VP.",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Trần Văn Bình",
            "Tết Nguyên đán Bính Ngọ",
            "Times New Roman",
        ):
            self.assertIn(text, html)

    def test_vb2_pdf_and_word_share_the_decree_constants(self):
        """VB-2 to VB-12: the HTML of the PDF and the Word file take their fixed
        words, font, sizes and margins from one module (tools/decree30.py)."""
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(self.report.report_name, self.holidays.ids)[0]
            .decode()
        )
        values = {
            "doc_type_code": "TB",
            "doc_type": "THÔNG BÁO",
            "doc_summary": "Lịch nghỉ lễ năm 2026",
            "recipients": ["Các phòng, đơn vị thuộc Sở"],
        }
        document = docx.Document(
            io.BytesIO(self.company._danvan_official_docx(values, "<p>Nội dung</p>"))
        )
        paragraphs = list(document.paragraphs)
        for table in document.tables:
            for cell in table._cells:
                paragraphs += cell.paragraphs
        word = {paragraph.text: paragraph for paragraph in paragraphs}
        words = "\n".join(word)
        for text in (
            decree30.NATIONAL_TITLE,
            decree30.MOTTO,
            decree30.RECIPIENTS_LABEL,
            f"{decree30.NUMBER_LABEL} ",
            decree30.archive_line(AGENCY["danvan_archive_code"]),
        ):
            self.assertIn(text, html)
            self.assertIn(text, words)
        self.assertIn(f"font-family: {decree30.css_font_family()};", html)
        normal = document.styles["Normal"].font
        self.assertEqual(
            (normal.name, normal.size.pt), (decree30.FONT_NAME, decree30.FONT_SIZE)
        )
        for css_class, text, part in (
            ("o_danvan_nation", decree30.NATIONAL_TITLE, "nation"),
            ("o_danvan_motto", decree30.MOTTO, "motto"),
            (
                "o_danvan_recipients_title",
                decree30.RECIPIENTS_LABEL,
                "recipients_label",
            ),
        ):
            size = decree30.SIZES[part]
            self.assertIn(f".{css_class} {{ font-size: {size}pt;", html)
            self.assertEqual(word[text].runs[0].font.size.pt, size, part)
        section = document.sections[0]
        paper = self.report.paperformat_id
        for side, margin in decree30.MARGINS_MM.items():
            self.assertEqual(paper[f"margin_{side}"], margin, side)
            self.assertAlmostEqual(
                getattr(section, f"{side}_margin").mm, margin, 0, side
            )


@tagged("post_install", "-at_install")
class TestOfficialDocumentPdf(HttpCase):
    """The layout printed through wkhtmltopdf (VB-2, VB-5)."""

    def test_pdf_text(self):
        """The PDF of the 2026 holiday notice carries the header, body and signer."""
        self.env.company.write(AGENCY)
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        holidays = self.env["danvan.holiday"].search([("year", "=", 2026)])
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "danvan_base.action_report_danvan_holiday_notice", holidays.ids
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        reader = PdfReader(io.BytesIO(pdf))
        # The extractor splits words around Vietnamese diacritics: compare
        # without white space.
        text = "".join("".join(page.extract_text() for page in reader.pages).split())
        for expected in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "THÔNG BÁO",
            "Nơi nhận:",
            "PHÓ GIÁM ĐỐC",
            "Trần Văn Bình",
        ):
            self.assertIn("".join(expected.split()), text)
