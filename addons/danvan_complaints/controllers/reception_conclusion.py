from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools.official_docx import DOCX_MIMETYPE


class ReceptionConclusionController(http.Controller):
    @http.route(
        "/danvan_complaints/conclusion/<int:conclusion_id>/docx",
        type="http",
        auth="user",
    )
    def conclusion_docx(self, conclusion_id):
        """The notice of the conclusions of a reception as a Word file, for
        whoever may read it (TCD-21)."""
        conclusion = (
            request.env["danvan.reception.conclusion"].browse(conclusion_id).exists()
        )
        if not conclusion:
            raise request.not_found()
        conclusion.check_access("read")
        filename, content = conclusion._render_docx()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", DOCX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
