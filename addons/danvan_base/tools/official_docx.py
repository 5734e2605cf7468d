"""Write an administrative document as a Word file, in the Decree 30/2020 layout.

The header block (agency and national title side by side, number and date
line), the document type and summary, the body and the signature block follow
appendix I of Decree 30/2020/ND-CP: A4 paper and margins (VB-3), page numbers
from the second page on (VB-4), Times New Roman 14 and body paragraphs of
VB-10. The body comes as HTML, the subset that Odoo's Html fields and QWeb
reports produce; other tags keep their text.

Pure Python on python-docx and lxml, without Odoo, so that it can be tested
and reused on its own.
"""

import io
import re
from dataclasses import dataclass, replace

import lxml.html
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor
from docx.table import _Cell
from lxml import etree

from .decree30 import (
    BODY_INDENT_MM,
    BODY_SPACE_AFTER_PT,
    DRAFT_MARK,
    FONT_NAME,
    FONT_SIZE,
    HEADER_DISTANCE_MM,
    LANGUAGE,
    MARGINS_MM,
    MOTTO,
    NATIONAL_TITLE,
    PAGE_HEIGHT_MM,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH_MM,
    RECIPIENTS_LABEL,
    SIZES,
)

DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
# The national title (95 mm in bold 13) and the agency name must each fit on
# one line: the header table is 10 mm wider than the 165 mm between the
# margins and starts 10 mm into the left one.
HEADER_COLUMNS_MM = (75, 100)
HEADER_INDENT_MM = -10
SIGNATURE_COLUMNS_MM = (80, 85)
SIGNATURE_SPACE_PT = 6
CELL_PADDING_MM = 1.9  # left and right padding of a Word table cell
SIGNATURE_BLANK_LINES = 4
# A rule is an empty paragraph of this exact height with a bottom border.
RULE_HEIGHT_PT = 4
RULE_BORDER = {"val": "single", "sz": 6, "space": 1, "color": "000000"}
TABLE_BORDER = {"val": "single", "sz": 4, "space": 0, "color": "000000"}
NO_BORDER = {"val": "nil"}
TABLE_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
# Average advance widths of Times New Roman, in em, to size the rules:
# capitals, other letters and digits, then spaces and punctuation.
EM_UPPER = 0.7
EM_ALNUM = 0.48
EM_OTHER = 0.3
LIST_INDENT_MM = 7.5  # extra left indent of each nested list level

BLOCK_TAGS = frozenset({"p", "div", "blockquote", "section", "article"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED_TAGS = frozenset({"head", "script", "style", "title", "template"})
INLINE_FORMATS = {
    "strong": "bold",
    "b": "bold",
    "em": "italic",
    "i": "italic",
    "u": "underline",
}
# HTML collapses these (not the no-break space) to a single space.
WHITESPACE_RE = re.compile(r"[ \t\n\r\f]+")
# Characters that XML 1.0 refuses: python-docx would raise on them.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


@dataclass(frozen=True)
class Look:
    """The paragraph and character format of a kind of paragraph."""

    alignment: int = CENTER
    size: int = FONT_SIZE
    bold: bool = False
    italic: bool = False
    first_line_indent: Length | None = None
    space_before: int = 0
    space_after: int = 0
    line_spacing: float = 1.0


PARENT_AGENCY = Look(size=SIZES["parent_agency"])
AGENCY = Look(size=SIZES["agency"], bold=True)
NUMBER = Look(size=SIZES["number"], space_before=6)
DRAFT = Look(alignment=RIGHT, size=SIZES["draft"], bold=True, space_after=6)
NATION = Look(size=SIZES["nation"], bold=True)
MOTTO_LINE = Look(size=SIZES["motto"], bold=True)
HEADING_LINE = Look(size=SIZES["heading"], bold=True)
SIGNER = Look(size=SIZES["signer"], bold=True)
SUMMARY = Look(size=SIZES["doc_summary"], bold=True)
DATE_LINE = Look(size=SIZES["date_line"], italic=True, space_before=6)
TITLE = Look(size=SIZES["doc_type"], bold=True, space_before=18)
RECIPIENTS = Look(
    alignment=LEFT, size=SIZES["recipients_label"], bold=True, italic=True
)
RECIPIENT = Look(alignment=LEFT, size=SIZES["recipient"])
BODY = Look(
    alignment=JUSTIFY,
    first_line_indent=Mm(BODY_INDENT_MM),
    space_after=BODY_SPACE_AFTER_PT,
    line_spacing=1.15,
)
TABLE_CELL = Look(alignment=LEFT, size=SIZES["table_cell"], space_after=2)
TABLE_HEAD = replace(TABLE_CELL, alignment=CENTER, bold=True)


def build_official_docx(header, body_html):
    """Return the bytes of a .docx of the document.

    ``header`` holds the texts of the layout: parent_agency, agency, number,
    date_line, doc_type, doc_summary, recipients (a list), archive_line,
    signer_authority, signer_title and signer_name; any may be missing; a
    true ``draft`` marks the document "DỰ THẢO" above the header.
    ``body_html`` is the body as HTML (str, bytes or empty).
    """
    header = header or {}
    document = Document()
    section = document.sections[0]
    _setup_page(section)
    _setup_fonts(document)
    _setup_line_breaks(document)
    _add_page_number(section)
    if header.get("draft"):
        _add_line(document, DRAFT_MARK, DRAFT)
    _add_header_block(document, header)
    _add_title(document, header)
    _add_body(document, body_html)
    _add_signature(document, header)
    _set_properties(document, header)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


# Page and styles


def _setup_page(section):
    """VB-3: A4 portrait with the margins of the Decree."""
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(HEADER_DISTANCE_MM)


def _setup_fonts(document):
    """Times New Roman 14, black, Vietnamese, for the defaults and every style.

    The template's styles name theme fonts, which win over a plain font name:
    they are replaced, east-asian and complex script fonts included.
    """
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(default_rpr)
    lang = default_rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), LANGUAGE)
    for style in styles:
        if style.type != WD_STYLE_TYPE.LIST:
            _set_rfonts(style.element.get_or_add_rPr())
    normal = styles["Normal"].font
    normal.size = Pt(FONT_SIZE)
    normal.color.rgb = RGBColor(0, 0, 0)


def _set_rfonts(rpr):
    rfonts = rpr.get_or_add_rFonts()
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{theme}"), None)
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{script}"), FONT_NAME)


def _setup_line_breaks(document):
    """Keep a justified line that ends with a line break (<br>) unstretched.

    Word and LibreOffice both read this compatibility option; the template's
    settings carry a <w:compat> element, where it comes first.
    """
    compat = document.settings.element.find(qn("w:compat"))
    compat.insert(0, _element("w:doNotExpandShiftReturn"))


def _add_page_number(section):
    """VB-4: the page number, centred at the top, from the second page on."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    _format_paragraph(paragraph, Look(size=PAGE_NUMBER_SIZE))
    field = (
        _element("w:fldChar", fldCharType="begin"),
        _element("w:instrText", "PAGE"),
        _element("w:fldChar", fldCharType="end"),
    )
    for element in field:
        run = paragraph.add_run()
        run.font.size = Pt(PAGE_NUMBER_SIZE)
        run._r.append(element)


def _set_properties(document, header):
    properties = document.core_properties
    properties.author = _text(header.get("agency"))
    properties.title = " ".join(
        filter(None, (_text(header.get("doc_type")), _text(header.get("doc_summary"))))
    )
    properties.comments = ""


# Header, title and signature blocks


def _add_header_block(document, header):
    """Agency and national title side by side, then the number and date line."""
    table = _layout_table(document, 2, HEADER_COLUMNS_MM, HEADER_INDENT_MM)
    agency_cell, nation_cell = table.rows[0].cells
    agency = _text(header.get("agency"))
    if header.get("parent_agency"):
        _add_line(agency_cell, header["parent_agency"], PARENT_AGENCY)
    _add_line(agency_cell, agency, AGENCY)
    if agency:
        agency_width = _text_width_mm(agency, AGENCY.size)
        _add_rule(agency_cell, agency_width / 3, HEADER_COLUMNS_MM[0])
    _add_line(nation_cell, NATIONAL_TITLE, NATION)
    _add_line(nation_cell, MOTTO, MOTTO_LINE)
    motto_width = _text_width_mm(MOTTO, MOTTO_LINE.size)
    _add_rule(nation_cell, motto_width, HEADER_COLUMNS_MM[1])
    number_cell, date_cell = table.rows[1].cells
    _add_line(number_cell, header.get("number"), NUMBER)
    _add_line(date_cell, header.get("date_line"), DATE_LINE)


def _add_title(document, header):
    """The document type and summary, centred, over a short rule."""
    lines = [_text(header.get(key)) for key in ("doc_type", "doc_summary")]
    lines = [line for line in lines if line]
    if not lines:
        return
    for index, line in enumerate(lines):
        _add_line(document, line, SUMMARY if index else TITLE)
    text_width = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
    longest = max(_text_width_mm(line, FONT_SIZE) for line in lines)
    _add_rule(document, min(longest, text_width) / 3, text_width, padding=0)
    _add_line(document, "", HEADING_LINE)


def _add_signature(document, header):
    """Recipients at the left, the signer at the right, on one unsplit row."""
    table = _layout_table(document, 1, SIGNATURE_COLUMNS_MM)
    row = table.rows[0]
    row._tr.get_or_add_trPr().append(_element("w:cantSplit"))
    recipients_cell, signer_cell = row.cells
    _add_line(recipients_cell, RECIPIENTS_LABEL, RECIPIENTS)
    for recipient in header.get("recipients") or []:
        _add_line(recipients_cell, f"- {_text(recipient).rstrip(';')};", RECIPIENT)
    if header.get("archive_line"):
        _add_line(recipients_cell, header["archive_line"], RECIPIENT)
    for key in ("signer_authority", "signer_title"):
        if header.get(key):
            _add_line(signer_cell, header[key], SIGNER)
    for _ in range(SIGNATURE_BLANK_LINES):
        _add_line(signer_cell, "", SIGNER)
    _add_line(signer_cell, header.get("signer_name"), SIGNER)
    for cell in row.cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(SIGNATURE_SPACE_PT)


def _layout_table(document, rows, widths_mm, indent_mm=0):
    """A borderless table of fixed column widths, to place blocks side by side."""
    table = document.add_table(rows, len(widths_mm))
    table.autofit = False
    _set_table_borders(table, NO_BORDER)
    if indent_mm:
        indent = _element("w:tblInd", w=Mm(indent_mm).twips, type="dxa")
        table._tbl.tblPr.insert_element_before(indent, "w:tblBorders")
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    return table


def _add_line(container, text, look):
    """Add a paragraph of one run; empty text gives an empty line."""
    paragraph = _new_paragraph(container)
    _format_paragraph(paragraph, look)
    text = _text(text)
    if text:
        _format_run(paragraph.add_run(text), look)
    return paragraph


def _add_rule(container, length_mm, area_mm, padding=CELL_PADDING_MM):
    """Draw a centred horizontal rule of the given length.

    It is the bottom border of an empty, low paragraph, its length set by equal
    left and right indents within the area (a cell or the text width).
    """
    paragraph = _new_paragraph(container)
    # Added first: python-docx inserts the spacing and indents after it, in
    # the element order that Word requires.
    borders = _element("w:pBdr")
    borders.append(_element("w:bottom", **RULE_BORDER))
    paragraph._p.get_or_add_pPr().append(borders)
    indent = max(area_mm - 2 * padding - length_mm, 0) / 2
    paragraph_format = paragraph.paragraph_format
    paragraph_format.alignment = CENTER
    paragraph_format.left_indent = paragraph_format.right_indent = Mm(indent)
    paragraph_format.space_before = paragraph_format.space_after = Pt(0)
    paragraph_format.line_spacing = Pt(RULE_HEIGHT_PT)
    return paragraph


def _text_width_mm(text, size):
    """Estimate the printed width of a text in Times New Roman."""
    ems = sum(
        EM_UPPER if char.isupper() else EM_ALNUM if char.isalnum() else EM_OTHER
        for char in text
    )
    return Pt(ems * size).mm


# Low level helpers


def _text(value):
    """The value as text that XML accepts (empty for None or False)."""
    return CONTROL_RE.sub("", str(value or "")).strip()


def _new_paragraph(container):
    """Add a paragraph, or take the bare one python-docx leaves in a cell."""
    paragraphs = container.paragraphs
    if isinstance(container, _Cell) and paragraphs and not len(paragraphs[-1]._p):
        return paragraphs[-1]
    return container.add_paragraph()


def _format_paragraph(paragraph, look, left_indent=None):
    paragraph_format = paragraph.paragraph_format
    paragraph_format.alignment = look.alignment
    paragraph_format.first_line_indent = look.first_line_indent
    paragraph_format.left_indent = left_indent
    paragraph_format.space_before = Pt(look.space_before)
    paragraph_format.space_after = Pt(look.space_after)
    paragraph_format.line_spacing = look.line_spacing


def _format_run(run, look, styles=frozenset()):
    font = run.font
    font.size = Pt(look.size)
    font.bold = look.bold or "bold" in styles
    font.italic = look.italic or "italic" in styles
    if "underline" in styles:
        font.underline = True


def _element(tag, text=None, **attributes):
    """Return a new WordprocessingML element; attributes are in its namespace."""
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    element.text = text
    return element


def _set_table_borders(table, attributes):
    borders = _element("w:tblBorders")
    for edge in TABLE_EDGES:
        borders.append(_element(f"w:{edge}", **attributes))
    table._tbl.tblPr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    )


# Body


def _add_body(document, body_html):
    root = _parse_html(body_html)
    if root is None:
        return
    writer = BodyWriter(document, BODY)
    writer.write_block(root, frozenset())


def _parse_html(body_html):
    """Return the parsed HTML document, or None when there is nothing to parse.

    The text goes to the parser as UTF-8 bytes: lxml refuses a str that
    carries an encoding declaration.
    """
    if isinstance(body_html, str):
        body_html = body_html.encode("utf-8")
    if not body_html or not body_html.strip():
        return None
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(body_html, parser=parser)
    except etree.ParserError:  # only comments or processing instructions
        return None


def _drop_bare_paragraph_before(table):
    """Drop the empty paragraph that a new cell keeps above a nested table."""
    previous = table._tbl.getprevious()
    if previous is not None and previous.tag == qn("w:p") and not len(previous):
        previous.getparent().remove(previous)


def _inline_styles(styles, tag):
    style = INLINE_FORMATS.get(tag)
    return styles | {style} if style else styles


def _colspan(cell):
    try:
        return max(int(cell.get("colspan", 1)), 1)
    except ValueError:
        return 1


class BodyWriter:
    """Write HTML elements as paragraphs and tables into a document or a cell.

    A paragraph is opened on its first text or line break only, so that
    blocks without text leave no empty paragraph, and whitespace is collapsed
    as a browser does: a space is dropped at the start and end of a line and
    after another space.
    """

    def __init__(self, container, look):
        self.container = container
        self.look = look
        self.paragraph = None
        self.last_run = None
        self.drop_space = True  # at the start of a line or after a space
        self.breaks = 0  # <br> not written yet: a last one is dropped
        self.marker = ""  # list marker for the next paragraph
        self.depth = 0  # list nesting

    def write_block(self, element, styles, look=None):
        """Write the element as a block: its text starts a new paragraph."""
        self.close()
        outer_look = self.look
        self.look = look or outer_look
        self.write_children(element, styles)
        self.close()
        self.look = outer_look

    def write_children(self, element, styles):
        self.add_text(element.text, styles)
        for child in element:
            self.write_element(child, styles)
            self.add_text(child.tail, styles)

    def write_element(self, element, styles):
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIPPED_TAGS:
            return  # comments and processing instructions: only their tail
        if tag == "br":
            self.add_break()
        elif tag == "table":
            self.write_table(element, styles)
        elif tag in ("ul", "ol"):
            self.write_list(element, styles)
        elif tag == "li":
            self.write_item(element, styles, "- ")
        elif tag in HEADING_TAGS:
            heading = replace(self.look, bold=True, first_line_indent=None)
            self.write_block(element, styles, heading)
        elif tag in BLOCK_TAGS:
            self.write_block(element, styles)
        else:
            self.write_children(element, _inline_styles(styles, tag))

    def write_list(self, element, styles):
        """Items as paragraphs starting with "- " or with their number."""
        self.close()
        self.depth += 1
        number = 0
        self.add_text(element.text, styles)
        for child in element:
            if child.tag == "li":
                number += 1
                marker = f"{number}. " if element.tag == "ol" else "- "
                self.write_item(child, styles, marker)
            else:
                self.write_element(child, styles)
            self.add_text(child.tail, styles)
        self.close()
        self.depth -= 1

    def write_item(self, element, styles, marker):
        self.close()
        self.marker = marker
        self.write_children(element, styles)
        self.close()
        self.marker = ""

    def write_table(self, element, styles):
        """An HTML table as a Word table with black borders; colspan is kept."""
        self.close()
        rows = element.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        cells = [row.xpath("./td | ./th") for row in rows]
        columns = max((sum(map(_colspan, row)) for row in cells), default=0)
        if not columns:
            self.write_block(element, styles)
            return
        table = self.container.add_table(len(rows), columns)
        _drop_bare_paragraph_before(table)
        _set_table_borders(table, TABLE_BORDER)
        for index, html_cells in enumerate(cells):
            self.write_row(table, index, html_cells, styles)

    def write_row(self, table, index, html_cells, styles):
        column = 0
        for html_cell in html_cells:
            span = _colspan(html_cell)
            cell = table.cell(index, column)
            if span > 1:
                cell = cell.merge(table.cell(index, column + span - 1))
            look = TABLE_HEAD if html_cell.tag == "th" else TABLE_CELL
            BodyWriter(cell, look).write_block(html_cell, styles)
            column += span

    def add_text(self, text, styles):
        if not text:
            return
        text = CONTROL_RE.sub("", WHITESPACE_RE.sub(" ", text))
        if self.drop_space:
            text = text.lstrip(" ")
        if not text:
            return
        paragraph = self.open()
        for _ in range(self.breaks):
            paragraph.add_run().add_break()
        self.breaks = 0
        self.last_run = paragraph.add_run(text)
        _format_run(self.last_run, self.look, styles)
        self.drop_space = text.endswith(" ")

    def add_break(self):
        self.open()
        self.trim()
        self.breaks += 1
        self.drop_space = True
        self.last_run = None

    def open(self):
        """Return the current paragraph, added with its list marker if needed."""
        if self.paragraph is None:
            self.paragraph = _new_paragraph(self.container)
            nesting = max(self.depth - 1, 0)
            left_indent = Mm(LIST_INDENT_MM * nesting) if nesting else None
            _format_paragraph(self.paragraph, self.look, left_indent)
            if self.marker:
                _format_run(self.paragraph.add_run(self.marker), self.look)
                self.drop_space = True
                self.marker = ""
        return self.paragraph

    def trim(self):
        """Drop the space that ends a line."""
        if self.last_run is not None and self.last_run.text.endswith(" "):
            self.last_run.text = self.last_run.text.rstrip(" ")

    def close(self):
        self.trim()
        self.paragraph = None
        self.last_run = None
        self.drop_space = True
        self.breaks = 0
