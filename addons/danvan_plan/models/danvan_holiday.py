from odoo import models


class DanvanHoliday(models.Model):
    _inherit = "danvan.holiday"

    def _calendar_changed(self):
        """The open tasks' due dates follow the edited calendar (CAL-4, CAL-5)."""
        result = super()._calendar_changed()
        self.env["danvan.plan.task"]._recompute_due_dates()
        return result
