from odoo import fields, models
from odoo.exceptions import UserError


class DanvanPlanReport(models.Model):
    _inherit = "danvan.plan.report"

    democracy_evidence_ids = fields.One2many(
        "danvan.plan.report.evidence",
        "report_id",
        string="Democracy Records",
        help="The publications, consultations, conferences and briefings that "
        "show the task's progress.",
    )

    def _danvan_check_evidence_open(self):
        """The evidence of an accepted report is kept with it."""
        locked = self.filtered(lambda report: report._danvan_is_locked())
        if locked:
            raise UserError(
                self.env._(
                    "%s is accepted: its evidence can no longer be changed.",
                    ", ".join(locked.mapped("display_name")),
                )
            )
