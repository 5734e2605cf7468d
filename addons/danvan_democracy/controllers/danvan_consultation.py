from odoo import http

from odoo.addons.danvan_base.tools.docx_response import docx_response, readable_record


class DanvanConsultationController(http.Controller):
    @http.route(
        "/danvan_democracy/consultation/<int:consultation_id>/docx",
        type="http",
        auth="user",
    )
    def consultation_docx(self, consultation_id):
        """The summary table of a consultation as a Word file, for whoever may
        read the consultation's table (the Office, the union)."""
        record = readable_record("danvan.consultation", consultation_id)
        record.response_ids.check_access("read")
        record.env["danvan.consultation.response"].check_access("read")
        return docx_response(record)
