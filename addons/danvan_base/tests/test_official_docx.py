import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from odoo.tests import TransactionCase, tagged

from odoo.addons.danvan_base.tools.official_docx import build_official_docx

HEADER = {
    "parent_agency": "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
    "agency": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "number": "Số: 15/BC-SKHCN",
    "date_line": "Quảng Ngãi, ngày 05 tháng 3 năm 2026",
    "doc_type": "BÁO CÁO",
    "doc_summary": "Kết quả công tác dân vận quý I năm 2026",
    "recipients": ["Ban Dân vận Tỉnh ủy", "UBND tỉnh"],
    "archive_line": "- Lưu: VT, VP.",
    "signer_authority": "KT. GIÁM ĐỐC",
    "signer_title": "PHÓ GIÁM ĐỐC",
    "signer_name": "Trần Văn Bình",
}
BODY = """
<h2>I. KẾT QUẢ</h2>
<p>Sở báo cáo <strong>kết quả đạt được</strong> trong quý,
    <em>cụ thể như sau</em>.</p>
<p>   Dòng
      thứ   hai   </p>
<p>Dòng trên<br>dòng dưới</p>
<ul><li>Tổ chức hội nghị;</li><li>Phát tờ rơi.</li></ul>
<ol><li>Việc một</li><li>Việc hai</li></ol>
<table>
  <thead><tr><th>STT</th><th>Nội dung</th><th>Kết quả</th></tr></thead>
  <tbody>
    <tr><td>1</td><td>Hội nghị</td><td>05</td></tr>
    <tr><td colspan="2">Tổng</td><td>05</td></tr>
  </tbody>
</table>
"""


def _texts(document):
    return [paragraph.text for paragraph in document.paragraphs]


def _field_codes(paragraphs):
    """The instructions of the fields in the paragraphs, simple or complex."""
    codes = []
    for paragraph in paragraphs:
        codes += paragraph._p.xpath(".//w:instrText/text()")
        codes += paragraph._p.xpath(".//w:fldSimple/@w:instr")
    return " ".join(codes)


def _rule_length_mm(cell):
    """Width between the indents of the first bordered paragraph (the rule)."""
    for paragraph in cell.paragraphs:
        if paragraph._p.xpath("./w:pPr/w:pBdr/w:bottom"):
            paragraph_format = paragraph.paragraph_format
            indents = paragraph_format.left_indent.mm + paragraph_format.right_indent.mm
            return cell.width.mm - indents
    return None


@tagged("post_install", "-at_install")
class TestOfficialDocx(TransactionCase):
    """The Word export of an official document (Decree 30/2020 layout)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.document = cls._build(HEADER, BODY)

    @classmethod
    def _build(cls, header, body_html):
        return docx.Document(io.BytesIO(build_official_docx(header, body_html)))

    def _paragraph(self, text):
        for paragraph in self.document.paragraphs:
            if text in paragraph.text:
                return paragraph
        self.fail(f"No paragraph holds {text!r}: {_texts(self.document)}")

    def test_draft_is_marked_above_the_header(self):
        """A draft carries 'DỰ THẢO' at the top right; the issued copy does not."""
        self.assertNotIn("DỰ THẢO", _texts(self.document))
        draft = self._build(dict(HEADER, draft=True), BODY)
        first = draft.paragraphs[0]
        self.assertEqual(first.text, "DỰ THẢO")
        self.assertEqual(first.alignment, WD_ALIGN_PARAGRAPH.RIGHT)
        self.assertTrue(first.runs[0].bold)

    def test_page_is_a4_portrait_with_decree_margins(self):
        """VB-3: A4 portrait; top and bottom 20 mm, left 30 mm, right 15 mm."""
        section = self.document.sections[0]
        self.assertEqual(section.orientation, WD_ORIENT.PORTRAIT)
        expected = {
            "page_width": 210,
            "page_height": 297,
            "top_margin": 20,
            "bottom_margin": 20,
            "left_margin": 30,
            "right_margin": 15,
        }
        for name, millimetres in expected.items():
            with self.subTest(name):
                self.assertAlmostEqual(
                    getattr(section, name).mm, millimetres, delta=0.1
                )

    def test_normal_style_is_times_new_roman_14_for_every_script(self):
        font = self.document.styles["Normal"].font
        self.assertEqual(font.name, "Times New Roman")
        self.assertEqual(font.size.pt, 14)
        rfonts = self.document.styles["Normal"].element.rPr.rFonts
        for script in ("ascii", "hAnsi", "eastAsia", "cs"):
            with self.subTest(script):
                self.assertEqual(rfonts.get(qn(f"w:{script}")), "Times New Roman")

    def test_header_table_holds_agency_motto_number_and_date(self):
        table = self.document.tables[0]
        agency, nation = (cell.text for cell in table.rows[0].cells)
        self.assertIn("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", agency)
        self.assertIn("SỞ KHOA HỌC VÀ CÔNG NGHỆ", agency)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nation)
        self.assertIn("Độc lập - Tự do - Hạnh phúc", nation)
        number, date_line = (cell.text for cell in table.rows[1].cells)
        self.assertEqual(number, "Số: 15/BC-SKHCN")
        self.assertEqual(date_line, "Quảng Ngãi, ngày 05 tháng 3 năm 2026")
        date_run = table.rows[1].cells[1].paragraphs[0].runs[0]
        self.assertTrue(date_run.italic)

    def test_agency_rule_is_shorter_than_motto_rule(self):
        """A rule of about a third of the agency name, one as long as the motto."""
        agency_cell, nation_cell = self.document.tables[0].rows[0].cells
        agency_rule = _rule_length_mm(agency_cell)
        motto_rule = _rule_length_mm(nation_cell)
        self.assertTrue(agency_rule and motto_rule, "Both rules are drawn")
        self.assertLess(agency_rule, motto_rule / 2)
        self.assertGreater(agency_rule, 10)

    def test_document_type_and_summary_are_bold_and_centred(self):
        for text in ("BÁO CÁO", "Kết quả công tác dân vận quý I năm 2026"):
            with self.subTest(text):
                paragraph = self._paragraph(text)
                self.assertEqual(paragraph.text, text)
                self.assertEqual(paragraph.alignment, WD_ALIGN_PARAGRAPH.CENTER)
                self.assertTrue(all(run.bold for run in paragraph.runs))

    def test_body_paragraph_is_justified_with_first_line_indent(self):
        """VB-10: justified, first line indented 1 cm, 6 pt after, 1.15 lines."""
        paragraph = self._paragraph("Sở báo cáo")
        paragraph_format = paragraph.paragraph_format
        self.assertEqual(paragraph_format.alignment, WD_ALIGN_PARAGRAPH.JUSTIFY)
        self.assertAlmostEqual(paragraph_format.first_line_indent.mm, 10, delta=0.1)
        self.assertEqual(paragraph_format.space_after.pt, 6)
        self.assertAlmostEqual(paragraph_format.line_spacing, 1.15, places=2)

    def test_heading_is_bold_without_indent(self):
        paragraph = self._paragraph("I. KẾT QUẢ")
        self.assertTrue(all(run.bold for run in paragraph.runs))
        self.assertIsNone(paragraph.paragraph_format.first_line_indent)

    def test_strong_and_em_become_bold_and_italic_runs(self):
        runs = {run.text.strip(): run for run in self._paragraph("Sở báo cáo").runs}
        self.assertTrue(runs["kết quả đạt được"].bold)
        self.assertFalse(runs["kết quả đạt được"].italic)
        self.assertTrue(runs["cụ thể như sau"].italic)
        self.assertFalse(runs["Sở báo cáo"].bold)

    def test_whitespace_is_collapsed_as_in_html(self):
        self.assertIn("Dòng thứ hai", _texts(self.document))
        paragraph = self._paragraph("Sở báo cáo")
        self.assertEqual(
            paragraph.text, "Sở báo cáo kết quả đạt được trong quý, cụ thể như sau."
        )

    def test_br_becomes_a_line_break(self):
        self.assertEqual(self._paragraph("Dòng trên").text, "Dòng trên\ndòng dưới")

    def test_list_items_start_with_dash_or_number(self):
        texts = _texts(self.document)
        for text in ("- Tổ chức hội nghị;", "- Phát tờ rơi.", "1. Việc một"):
            with self.subTest(text):
                self.assertIn(text, texts)
        self.assertIn("2. Việc hai", texts)

    def test_html_table_becomes_bordered_word_table(self):
        self.assertEqual(len(self.document.tables), 3)
        table = self.document.tables[1]
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        self.assertEqual(rows[0], ["STT", "Nội dung", "Kết quả"])
        self.assertEqual(rows[1], ["1", "Hội nghị", "05"])
        # colspan="2": both grid cells of the row are the one merged cell.
        self.assertEqual(rows[2], ["Tổng", "Tổng", "05"])
        head = table.rows[0].cells[0].paragraphs[0]
        self.assertEqual(head.alignment, WD_ALIGN_PARAGRAPH.CENTER)
        self.assertTrue(head.runs[0].bold)
        self.assertEqual(head.runs[0].font.size.pt, 13)
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        self.assertIsNotNone(borders)
        for edge in borders:
            self.assertEqual(edge.get(qn("w:val")), "single")

    def test_signature_table_holds_recipients_and_signer(self):
        recipients, signer = self.document.tables[-1].rows[0].cells
        lines = [paragraph.text for paragraph in recipients.paragraphs]
        self.assertEqual(
            lines,
            ["Nơi nhận:", "- Ban Dân vận Tỉnh ủy;", "- UBND tỉnh;", "- Lưu: VT, VP."],
        )
        label = recipients.paragraphs[0].runs[0]
        self.assertTrue(label.bold and label.italic)
        self.assertEqual(label.font.size.pt, 12)
        self.assertEqual(recipients.paragraphs[1].runs[0].font.size.pt, 11)
        signer_lines = [p.text for p in signer.paragraphs if p.text]
        self.assertEqual(
            signer_lines, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình"]
        )
        name = signer.paragraphs[-1]
        self.assertEqual(name.alignment, WD_ALIGN_PARAGRAPH.CENTER)
        self.assertTrue(name.runs[0].bold)

    def test_page_number_from_the_second_page_only(self):
        """VB-4: a PAGE field centred in the header, none on the first page."""
        section = self.document.sections[0]
        self.assertTrue(section.different_first_page_header_footer)
        self.assertFalse(section.first_page_header.is_linked_to_previous)
        self.assertNotIn("PAGE", _field_codes(section.first_page_header.paragraphs))
        self.assertIn("PAGE", _field_codes(section.header.paragraphs))
        paragraph = section.header.paragraphs[0]
        self.assertEqual(paragraph.alignment, WD_ALIGN_PARAGRAPH.CENTER)
        self.assertEqual(paragraph.runs[0].font.size.pt, 13)

    def test_empty_body_gives_only_header_and_signature(self):
        for body_html in (None, "", "   \n  ", "<!-- only a comment -->"):
            with self.subTest(body_html=body_html):
                document = self._build(HEADER, body_html)
                self.assertEqual(len(document.tables), 2)
                texts = [text for text in _texts(document) if text]
                self.assertEqual(texts, [HEADER["doc_type"], HEADER["doc_summary"]])

    def test_odd_html_keeps_its_text_without_error(self):
        cases = {
            "bare text": "bare text",
            "a&nbsp;b": "a\xa0b",
            "<foo>unknown <x-tag>tags</x-tag></foo>": "unknown tags",
            "<b><i><u>nested</u></i> inline</b>": "nested inline",
            "<p>x<!-- comment -->y</p>": "xy",
            "<html><head><style>p {}</style></head><body>page</body></html>": "page",
            b"<p>bytes \xc3\xa1</p>": "bytes á",
            "<table>no rows</table>": "no rows",
        }
        for body_html, text in cases.items():
            with self.subTest(body_html=body_html):
                document = self._build({}, body_html)
                self.assertIn(text, _texts(document))
