from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.danvan_base.tools.official_docx import DOCX_MIMETYPE


class DanvanPlanController(http.Controller):
    @http.route("/danvan_plan/round/<int:round_id>/docx", type="http", auth="user")
    def round_docx(self, round_id):
        """The report of a round as a Word file, for whoever may read the round."""
        return self._docx_response("danvan.plan.round", round_id)

    @http.route("/danvan_plan/plan/<int:plan_id>/docx", type="http", auth="user")
    def plan_docx(self, plan_id):
        """The plan as a Word file, for whoever may read the plan."""
        return self._docx_response("danvan.plan", plan_id)

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
