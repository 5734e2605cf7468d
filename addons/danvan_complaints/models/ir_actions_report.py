from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        """An identity printed (HTML, or the body of a PDF) is logged as a
        printed document (TC-13)."""
        with self.env["danvan.identity.access"]._channel("report"):
            return super()._render_qweb_html(report_ref, docids, data=data)
