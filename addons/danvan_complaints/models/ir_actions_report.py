from odoo import api, models, tools


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        """An identity printed (HTML, or the body of a PDF) is logged as a
        printed document (TC-13)."""
        with self.env["danvan.identity.access"]._channel("report"):
            return super()._render_qweb_html(report_ref, docids, data=data)

    @api.model
    @tools.ormcache("report_name")
    def _danvan_report_models(self, report_name):
        """The models printed by the report ``report_name``, for the cursor of
        its route (TC-13). Cached: a report changed clears the cache."""
        return frozenset(
            self.sudo().search([("report_name", "=", report_name)]).mapped("model")
        )
