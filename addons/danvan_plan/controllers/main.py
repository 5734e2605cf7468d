from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools.official_docx import DOCX_MIMETYPE


class DanvanPlanController(http.Controller):
    @http.route("/danvan_plan/round/<int:round_id>/docx", type="http", auth="user")
    def round_docx(self, round_id):
        """The report of a round as a Word file, for whoever may read the round."""
        round_ = request.env["danvan.plan.round"].browse(round_id).exists()
        if not round_:
            raise request.not_found()
        round_.check_access("read")
        filename, content = round_._render_docx()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", DOCX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
