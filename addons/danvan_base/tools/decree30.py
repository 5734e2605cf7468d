"""The fixed values of the Decree 30/2020/ND-CP layout (appendix I), in one
place: the Word writer (``official_docx``) and the QWeb layout
(``danvan_base.official_document``, through ``res.company._danvan_decree30``)
both read them, so that the PDF and the Word file of a document cannot drift
apart. The paper format record ``paperformat_danvan_a4`` is checked against
``MARGINS_MM`` by the tests.

The words of the layout are fixed by the decree, in Vietnamese: they are
not translated.

Pure Python, without Odoo.
"""

from collections import namedtuple

FONT_NAME = "Times New Roman"
# What a PDF printer without Times New Roman uses instead: the same metrics.
FONT_FALLBACKS = ("Liberation Serif", "Tinos")
FONT_SIZE = 14  # pt, the body text and the default size (VB-3)
LANGUAGE = "vi-VN"

# VB-3: A4 portrait and its margins.
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_DISTANCE_MM = 10
PAGE_NUMBER_SIZE = 13  # VB-4
# VB-10: the first line of a body paragraph is indented, paragraphs spaced.
BODY_INDENT_MM = 10
BODY_SPACE_AFTER_PT = 6

# VB-5: the national title and the motto; the other fixed words of the layout.
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER_LABEL = "Số:"  # VB-7
RECIPIENTS_LABEL = "Nơi nhận:"  # VB-12
ARCHIVE_LABEL = "Lưu:"  # VB-12, the archive line '- Lưu: VT.'
DEFAULT_ARCHIVE_CODE = "VT"
DRAFT_MARK = "DỰ THẢO"
SUBJECT_PREFIX = "V/v"  # VB-2 (5b): an official letter's summary
ADDRESSEE_LABEL = "Kính gửi:"  # an official letter's addressee line
SIGNATURE_HINT = "(Ký, ghi rõ họ tên)"  # under a signer who is not the agency's
# VB-7: the room left for a number written by hand, before '/BC-SKHCN'.
BLANK_NUMBER = "\u00a0" * 7

# VB-7, VB-9: the types of documents the addons issue: the name printed above
# the summary, its abbreviation in the number, and the code of the agency's
# yearly sequence of their numbers.
DocType = namedtuple("DocType", "name code sequence_code")
DOC_TYPES = {
    "report": DocType("BÁO CÁO", "BC", "danvan.document.report"),
    "plan": DocType("KẾ HOẠCH", "KH", "danvan.document.plan"),
}

# Size in pt of each part of the document (VB-4 to VB-12).
SIZES = {
    "parent_agency": 13,
    "agency": 13,
    "number": 13,
    "letter_subject": 12,
    "nation": 13,
    "motto": FONT_SIZE,
    "date_line": FONT_SIZE,
    "addressee": FONT_SIZE,
    "doc_type": FONT_SIZE,
    "doc_summary": FONT_SIZE,
    "heading": FONT_SIZE,
    "table_cell": 13,
    "recipients_label": 12,
    "recipient": 11,
    "signer": FONT_SIZE,
    "draft": 13,
}


def archive_line(code):
    """'- Lưu: VT, VP.' under the recipients (VB-12)."""
    return f"- {ARCHIVE_LABEL} {code or DEFAULT_ARCHIVE_CODE}."


def number_line(number):
    """'Số: 15/BC-SKHCN' (VB-7)."""
    return f"{NUMBER_LABEL} {number}"


def symbol(code, agency_code):
    """'BC-SKHCN': the type's abbreviation and the agency's (VB-7)."""
    return f"{code}-{agency_code}" if agency_code else code


def document_number(sequence, code, agency_code):
    """'05/BC-SKHCN' (VB-7)."""
    return f"{sequence}/{symbol(code, agency_code)}"


def blank_number(doc_symbol):
    """'       /BC-SKHCN': a number left to be written by hand (VB-7)."""
    return f"{BLANK_NUMBER}/{doc_symbol}"


def date_line(place, day):
    """'Quảng Ngãi, ngày 05 tháng 3 năm 2026' (VB-8).

    Days below 10 and the months 1 and 2 take a leading zero.
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text.capitalize()


def css_font_family():
    """The CSS font-family of the printed document."""
    names = ", ".join(f'"{name}"' for name in (FONT_NAME, *FONT_FALLBACKS))
    return f"{names}, serif"
