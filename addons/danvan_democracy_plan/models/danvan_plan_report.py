from odoo import fields, models


class DanvanPlanReport(models.Model):
    _inherit = "danvan.plan.report"

    democracy_evidence_ids = fields.One2many(
        "danvan.plan.report.evidence",
        "report_id",
        string="Democracy Records",
        help="The publications, consultations, conferences and briefings that "
        "show the task's progress.",
    )
