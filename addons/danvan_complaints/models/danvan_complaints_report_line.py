"""One figure of a periodic report, kept as counted (BC-1)."""

from odoo import fields, models


class DanvanComplaintsReportLine(models.Model):
    _name = "danvan.complaints.report.line"
    _description = "Figure of a Report on Citizen Reception and Complaints"
    _inherit = ["danvan.kept.line.mixin"]
    _order = "report_id, sequence, id"
    _danvan_kept_parent = "report_id"

    report_id = fields.Many2one(
        "danvan.complaints.report", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    sequence = fields.Integer()
    section = fields.Selection(
        [
            ("reception", "Citizen reception"),
            ("petition", "Petitions received and processed"),
            ("complaint", "Settlement of complaints"),
            ("denunciation", "Settlement of denunciations"),
        ],
        required=True,
    )
    name = fields.Char(string="Figure", required=True)
    value = fields.Integer()
    is_title = fields.Boolean(help="The title of the figures below it.")
