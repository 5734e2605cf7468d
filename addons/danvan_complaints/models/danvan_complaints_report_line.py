"""One figure of a periodic report, kept as counted (BC-1)."""

from odoo import api, fields, models
from odoo.exceptions import UserError


class DanvanComplaintsReportLine(models.Model):
    _name = "danvan.complaints.report.line"
    _description = "Figure of a Report on Citizen Reception and Complaints"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one(
        "danvan.complaints.report", required=True, index=True, ondelete="cascade"
    )
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

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_report_open()
        return lines

    def write(self, vals):
        self._check_report_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        self._check_report_open()

    def _check_report_open(self):
        if any(line.report_id.state == "issued" for line in self):
            raise UserError(
                self.env._("The figures of an issued report can no longer be changed.")
            )
