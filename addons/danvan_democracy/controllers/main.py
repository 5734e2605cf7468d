from odoo import http

from odoo.addons.danvan_base.tools.docx_response import docx_response, readable_record


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
        conference = readable_record("danvan.conference", conference_id)
        return docx_response(conference, kind)
