from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools.official_docx import DOCX_MIMETYPE


class DanvanConsultationController(http.Controller):
    @http.route(
        "/danvan_democracy/consultation/<int:consultation_id>/docx",
        type="http",
        auth="user",
    )
    def consultation_docx(self, consultation_id):
        """The summary table of a consultation as a Word file, for whoever may
        read the consultation's table (the Office, the union)."""
        record = request.env["danvan.consultation"].browse(consultation_id).exists()
        if not record:
            raise request.not_found()
        record.check_access("read")
        record.response_ids.check_access("read")
        request.env["danvan.consultation.response"].check_access("read")
        filename, content = record._render_docx()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", DOCX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
