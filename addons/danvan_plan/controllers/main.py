from odoo import http

from odoo.addons.danvan_base.tools.docx_response import docx_response, readable_record


class DanvanPlanController(http.Controller):
    @http.route("/danvan_plan/round/<int:round_id>/docx", type="http", auth="user")
    def round_docx(self, round_id):
        """The report of a round as a Word file, for whoever may read the round."""
        return docx_response(readable_record("danvan.plan.round", round_id))

    @http.route("/danvan_plan/plan/<int:plan_id>/docx", type="http", auth="user")
    def plan_docx(self, plan_id):
        """The plan as a Word file, for whoever may read the plan."""
        return docx_response(readable_record("danvan.plan", plan_id))
