from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.danvan_base.tools.date_checks import check_dates


class DanvanCaseStop(models.TransientModel):
    """A step that stops or stretches a case's clock: withdrawal, suspension,
    resumption, termination (KN-4, KN-14, TC-8, TC-9) or extension (TC-6),
    each dated, with its document and reasons."""

    _name = "danvan.case.stop"
    _description = "Extend, Withdraw, Suspend or Terminate a Case"

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    action = fields.Selection(
        [
            ("withdraw_part", "Withdraw part of the content"),
            ("withdraw_all", "Withdraw all of it"),
            ("suspend", "Suspend"),
            ("resume", "Resume"),
            ("terminate", "Terminate"),
            ("extend", "Extend the time limit"),
        ],
        required=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    reference = fields.Char(
        string="Document", help="The withdrawal letter or minutes, or the decision."
    )
    reason = fields.Text(string="Reasons or Content Withdrawn")
    termination_reason = fields.Selection(
        selection=lambda self: self.env["danvan.case.mixin"]
        ._fields["termination_reason"]
        .selection
    )
    continue_anyway = fields.Boolean(
        string="Settlement Continues",
        help="A denunciation withdrawn under threat or bribery, or whose content "
        "shows signs of a violation, is settled anyway (Article 33 of the Law on "
        "Denunciations 2018).",
    )
    coerced = fields.Boolean(
        string="Withdrawn Under Coercion",
        help="Content withdrawn under coercion or threat may be examined again "
        "(Article 10 of the Law on Complaints 2011).",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if values.get("res_model") not in ("danvan.complaint", "danvan.denunciation"):
            raise UserError(self.env._("Open this from a complaint or a denunciation."))
        return values

    @api.constrains("date")
    def _check_date(self):
        check_dates(self, ["date"])

    def action_confirm(self):
        self.ensure_one()
        case = self.env[self.res_model].browse(self.res_id).exists()
        if not case:
            raise UserError(self.env._("The case no longer exists."))
        case._check_step_date(self)
        case._stop(self)
        return {"type": "ir.actions.act_window_close"}
