from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools.official_docx import DOCX_MIMETYPE


class DanvanDemocracyController(http.Controller):
    @http.route(
        "/danvan_democracy/conference/<int:conference_id>/"
        "<any(minutes,resolution,pledge):kind>.docx",
        type="http",
        auth="user",
    )
    def conference_docx(self, conference_id, kind):
        """The minutes, resolution or pledge of a conference as a Word file, for
        whoever may read the conference."""
        conference = request.env["danvan.conference"].browse(conference_id).exists()
        if not conference:
            raise request.not_found()
        conference.check_access("read")
        filename, content = conference._render_docx(kind)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", DOCX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
