from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools.official_docx import DOCX_MIMETYPE
from odoo.addons.danvan_base.tools.spreadsheet import XLSX_MIMETYPE, build_xlsx

MIMETYPES = {"docx": DOCX_MIMETYPE, "xlsx": XLSX_MIMETYPE}
# The files are named in Vietnamese, as the PDF reports are.
FILE_NAMES = {"list": "danh-sach-mo-hinh", "results": "ket-qua-mo-hinh"}


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
            content = build_xlsx(
                values["doc_summary"],
                model_round._output_headers(kind),
                model_round._output_rows(kind, registrations),
            )
        filename = f"{FILE_NAMES[kind]}-{model_round.year}.{fmt}"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", MIMETYPES[fmt]),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
