from odoo import http

from odoo.addons.danvan_base.tools.docx_response import docx_response, readable_record


class DanvanInspectionBoardController(http.Controller):
    """The documents of the people's inspection board as Word files, for
    whoever may read them (DC-16)."""

    @http.route(
        "/danvan_democracy/inspection_recommendation/<int:res_id>/docx",
        type="http",
        auth="user",
    )
    def recommendation_docx(self, res_id):
        return docx_response(
            readable_record("danvan.inspection.recommendation", res_id)
        )

    @http.route(
        "/danvan_democracy/inspection/<int:res_id>/docx", type="http", auth="user"
    )
    def inspection_docx(self, res_id):
        return docx_response(readable_record("danvan.inspection", res_id))

    @http.route(
        "/danvan_democracy/inspection_report/<int:res_id>/docx",
        type="http",
        auth="user",
    )
    def report_docx(self, res_id):
        return docx_response(readable_record("danvan.inspection.report", res_id))
