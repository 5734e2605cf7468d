from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools.official_docx import DOCX_MIMETYPE


class DanvanInspectionBoardController(http.Controller):
    """The documents of the people's inspection board as Word files, for
    whoever may read them (DC-16)."""

    @http.route(
        "/danvan_democracy/inspection_recommendation/<int:res_id>/docx",
        type="http",
        auth="user",
    )
    def recommendation_docx(self, res_id):
        return self._docx_response("danvan.inspection.recommendation", res_id)

    @http.route(
        "/danvan_democracy/inspection/<int:res_id>/docx", type="http", auth="user"
    )
    def inspection_docx(self, res_id):
        return self._docx_response("danvan.inspection", res_id)

    @http.route(
        "/danvan_democracy/inspection_report/<int:res_id>/docx",
        type="http",
        auth="user",
    )
    def report_docx(self, res_id):
        return self._docx_response("danvan.inspection.report", res_id)

    def _docx_response(self, model, res_id):
        record = request.env[model].browse(res_id).exists()
        if not record:
            raise request.not_found()
        record.check_access("read")
        filename, content = record._render_docx()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", DOCX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
