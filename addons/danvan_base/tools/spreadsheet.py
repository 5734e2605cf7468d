"""A plain table as an .xlsx file: a title, a header row, one row per record."""

import io

import xlsxwriter

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def build_xlsx(title, headers, rows, widths=None):
    """The bytes of a one-sheet workbook; ``widths`` by column, in characters."""
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    sheet = workbook.add_worksheet()
    bold = workbook.add_format({"bold": True, "border": 1, "text_wrap": True})
    cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    sheet.write(0, 0, title, workbook.add_format({"bold": True, "font_size": 13}))
    sheet.write_row(2, 0, headers, bold)
    for index, row in enumerate(rows, start=3):
        sheet.write_row(index, 0, row, cell)
    for column, width in enumerate(widths or [5, 45] + [18] * (len(headers) - 2)):
        sheet.set_column(column, column, width)
    workbook.close()
    return stream.getvalue()
