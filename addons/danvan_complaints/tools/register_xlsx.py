"""The reception register as a workbook, one sheet per legal form (TCD-13)."""

import io

import xlsxwriter


def build_xlsx_sheets(sheets):
    """The bytes of a workbook of ``sheets``, each (name, title, headers, rows),
    in the style of danvan_base's ``build_xlsx``."""
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    bold = workbook.add_format({"bold": True, "border": 1, "text_wrap": True})
    cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    title_format = workbook.add_format({"bold": True, "font_size": 13})
    used = set()
    for name, title, headers, rows in sheets:
        # A sheet name has at most 31 characters and no '/'.
        sheet_name = (name or "Sheet").replace("/", "-")[:31]
        while sheet_name in used:
            sheet_name = sheet_name[:29] + "_"
        used.add(sheet_name)
        sheet = workbook.add_worksheet(sheet_name)
        sheet.write(0, 0, title, title_format)
        sheet.write_row(2, 0, headers, bold)
        for index, row in enumerate(rows, start=3):
            sheet.write_row(index, 0, row, cell)
        widths = [5, 11, 30, 22, 40] + [16] * (len(headers) - 5)
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
    if not sheets:
        workbook.add_worksheet()
    workbook.close()
    return stream.getvalue()
