from odoo import http

from odoo.addons.danvan_base.tools.docx_response import docx_response, readable_record


class ReceptionConclusionController(http.Controller):
    @http.route(
        "/danvan_complaints/conclusion/<int:conclusion_id>/docx",
        type="http",
        auth="user",
    )
    def conclusion_docx(self, conclusion_id):
        """The notice of the conclusions of a reception as a Word file, for
        whoever may read it (TCD-21)."""
        return docx_response(
            readable_record("danvan.reception.conclusion", conclusion_id)
        )
