from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_not_future


class DanvanDenunciationFollowupReport(models.Model):
    """A periodic report of the follow-up unit to the resolver (TC-14):
    kept as it was once sent."""

    _name = "danvan.denunciation.followup.report"
    _description = "Follow-up Report on a Denunciation Conclusion"
    _inherit = ["mail.thread", "danvan.workflow.mixin"]
    _order = "date desc, id desc"
    _transitions = {"action_send": ({"draft"}, "sent", False)}
    _locked_states = ("sent",)
    _deletable_states = ("draft",)

    followup_id = fields.Many2one(
        "danvan.denunciation.followup",
        string="Follow-up",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="followup_id.company_id", store=True, index=True
    )
    denunciation_id = fields.Many2one(
        related="followup_id.denunciation_id", store=True, index=True
    )
    name = fields.Char(string="Period", required=True)
    date = fields.Date(
        string="Report Date", required=True, default=fields.Date.context_today
    )
    content = fields.Html(string="Report")
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        string="Status",
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )

    @api.constrains("date")
    def _check_date(self):
        check_dates(self, ["date"])
        for report in self:
            check_not_future(
                self.env,
                report._fields["date"]._description_string(self.env),
                report.date,
                fields.Date.context_today(report),
            )

    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports._check_followup_ongoing()
        return reports

    def write(self, vals):
        if vals.get("followup_id"):
            self._check_followup_ongoing(
                self.env["danvan.denunciation.followup"].browse(vals["followup_id"])
            )
        return super().write(vals)

    def _check_followup_ongoing(self, followups=None):
        """A report belongs to a follow-up under way, made or moved there."""
        if followups is None:
            followups = self.followup_id
        if followups.filtered(lambda f: f.state != "ongoing"):
            raise UserError(
                self.env._("Reports are made while the follow-up is under way.")
            )

    def action_send(self):
        for report in self:
            if not report.content:
                raise UserError(self.env._("%s: write the report.", report.name))
            report._transition("action_send")
        return True
