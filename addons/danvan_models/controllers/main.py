import io

import xlsxwriter

from odoo import http
from odoo.http import content_disposition, request

MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class DanvanModelsController(http.Controller):
    @http.route(
        "/danvan_models/round/<int:round_id>/<any(list,results):kind>.<any(docx,xlsx):fmt>",
        type="http",
        auth="user",
    )
    def round_document(self, round_id, kind, fmt):
        """A round's consolidated list or results, as Word or as a spreadsheet."""
        model_round = request.env["danvan.model.round"].browse(round_id).exists()
        if not model_round:
            raise request.not_found()
        model_round.check_access("read")
        values, body, registrations = model_round._output_values(kind)
        if fmt == "docx":
            content = model_round.company_id._danvan_official_docx(values, body)
        else:
            content = self._spreadsheet(
                values["doc_summary"],
                model_round._output_headers(kind),
                model_round._output_rows(kind, registrations),
            )
        filename = f"{kind}-{model_round.year}.{fmt}"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", MIMETYPES[fmt]),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    @staticmethod
    def _spreadsheet(title, headers, rows):
        stream = io.BytesIO()
        workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
        sheet = workbook.add_worksheet()
        bold = workbook.add_format({"bold": True, "border": 1, "text_wrap": True})
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        sheet.write(0, 0, title, workbook.add_format({"bold": True, "font_size": 13}))
        sheet.write_row(2, 0, headers, bold)
        for index, row in enumerate(rows, start=3):
            sheet.write_row(index, 0, row, cell)
        sheet.set_column(0, 0, 5)
        sheet.set_column(1, 1, 45)
        sheet.set_column(2, len(headers) - 1, 18)
        workbook.close()
        return stream.getvalue()
