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

    # KN-14: the decision of a complaint's suspension, termination or
    # resumption (Mẫu 14a, 14b of Decree 155/2026/NĐ-CP) and whom it goes to.
    decision_number = fields.Char(
        help="The number of the decision to suspend, terminate or resume; "
        "left empty, the document above."
    )
    recipients = fields.Text(
        help="Whom the decision is sent to; left empty, the complainants and the "
        "person complained about."
    )
    commune_committee = fields.Char(
        string="Commune People's Committee",
        help="On a complainant's death or an organisation's dissolution, the "
        "decision also goes to the commune People's Committee of the last residence "
        "or head office.",
    )
    # KN-4: the complainants of a group who withdraw.
    case_sender_ids = fields.Many2many(
        "danvan.petition.sender", compute="_compute_case_sender_ids"
    )
    withdrawing_sender_ids = fields.Many2many(
        "danvan.petition.sender",
        string="Complainants Who Withdraw",
        domain="[('id', 'in', case_sender_ids)]",
        help="In a group complaint, those who withdraw; the case goes on for the "
        "others.",
    )

    @api.depends("res_model", "res_id")
    def _compute_case_sender_ids(self):
        for order in self:
            senders = self.env["danvan.petition.sender"]
            if order.res_model == "danvan.complaint" and order.res_id:
                case = self.env["danvan.complaint"].browse(order.res_id).exists()
                senders = case.petition_id.sender_ids - case.sudo().withdrawn_sender_ids
            order.case_sender_ids = senders

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        # On saving, the web client sends the case it was opened for and no
        # longer the context's defaults: only the opening is checked.
        if "res_model" in fields_list and values.get("res_model") not in (
            "danvan.complaint",
            "danvan.denunciation",
        ):
            raise UserError(self.env._("Open this from a complaint or a denunciation."))
        return values

    @api.constrains("date")
    def _check_date(self):
        check_dates(self, ["date"])

    def action_confirm(self):
        self.ensure_one()
        if self.res_model not in ("danvan.complaint", "danvan.denunciation"):
            raise UserError(self.env._("Open this from a complaint or a denunciation."))
        case = self.env[self.res_model].browse(self.res_id).exists()
        if not case:
            raise UserError(self.env._("The case no longer exists."))
        case._check_step_date(self)
        case._stop(self)
        return {"type": "ir.actions.act_window_close"}
