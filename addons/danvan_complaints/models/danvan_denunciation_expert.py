"""A request for expert assessment in a denunciation's settlement (TC-9):
since Decree 156/2026 a written request on Mẫu 09, sent to the body asked,
and the resolver may delegate it to the verifying body."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.danvan_base.tools.date_checks import (
    check_date_order,
    check_dates,
    check_order,
    check_past_dates,
)

FORM_CODE = "denunciation_expert_request"


class DanvanDenunciationExpert(models.Model):
    _name = "danvan.denunciation.expert"
    _description = "Request for Expert Assessment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.attachment.mixin",
        "danvan.regime.mixin",
    ]
    _order = "date desc, id desc"
    _danvan_regime_date = "date"
    _transitions = {
        "action_send": ({"draft"}, "sent", False),
        "action_answer": ({"sent"}, "answered", False),
    }
    _locked_states = ("answered",)
    _deletable_states = ("draft",)
    _danvan_locked_attach = True

    denunciation_id = fields.Many2one(
        "danvan.denunciation",
        string="Denunciation Case",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="denunciation_id.company_id", store=True, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("answered", "Answered")],
        string="Status",
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    name = fields.Char(string="Number", copy=False, tracking=True)
    date = fields.Date(
        string="Request Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    body = fields.Char(
        string="Body Asked", required=True, tracking=True, help="The expert body."
    )
    content = fields.Text(
        string="Matters to Assess", help="What the assessment must answer."
    )
    date_due = fields.Date(string="Due Date", tracking=True)
    delegated = fields.Boolean(
        string="Delegated to the Verifying Body",
        help="The resolver may delegate the request to the verifying body "
        "(Decree 156/2026/NĐ-CP).",
    )
    date_answered = fields.Date(string="Answered On", copy=False, tracking=True)
    answer = fields.Text(string="Conclusion of the Assessment", copy=False)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_denunciation_expert_attachment_rel",
        "expert_id",
        "attachment_id",
        string="Documents",
        help="The request as sent and the assessment received.",
    )
    form_id = fields.Many2one(
        "danvan.legal.form",
        string="Legal Form",
        compute="_compute_form_id",
        store=True,
    )

    @api.depends("regime_id")
    def _compute_form_id(self):
        for request in self:
            request.form_id = request.regime_id.form_ids.filtered(
                lambda form: form.code == FORM_CODE
            )[:1]

    @api.depends("name", "body")
    def _compute_display_name(self):
        for request in self:
            request.display_name = " - ".join(
                filter(None, [request.name, request.body])
            ) or self.env._("Request for expert assessment")

    @api.constrains("date", "date_due", "date_answered", "denunciation_id")
    def _check_dates(self):
        check_dates(self, ["date", "date_due", "date_answered"])
        check_date_order(self, [("date", "date_due"), ("date", "date_answered")])
        for request in self:
            case = request.denunciation_id.sudo()
            check_order(
                self.env,
                case._fields["date_accepted"]._description_string(self.env),
                case.date_accepted,
                request._fields["date"]._description_string(self.env),
                request.date,
            )
            check_past_dates(
                request, ["date", "date_answered"], case.company_id._danvan_today()
            )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests:
            if request.denunciation_id.state not in ("accepted", "suspended"):
                raise UserError(
                    self.env._(
                        "%s is not being settled: an expert assessment is asked "
                        "while it is.",
                        request.denunciation_id.number,
                    )
                )
        return requests

    def action_send(self):
        """The request is numbered and sent; the case records it (TC-9)."""
        for request in self:
            if not (request.name and request.content and request.date_due):
                raise UserError(
                    self.env._(
                        "Give the number, the matters to assess and the due date "
                        "of the request."
                    )
                )
            request._danvan_form(FORM_CODE)
            request._transition("action_send")
            request.denunciation_id._log_event(
                "expert_request", request.date, request.name, request.body
            )
        return True

    def action_answer(self):
        for request in self:
            if not (request.answer and request.date_answered):
                raise UserError(
                    self.env._("Give the date and the conclusion of the assessment.")
                )
            request._transition("action_answer")
        return True

    def action_print(self):
        """Mẫu 09 in the layout of Decree 30/2020."""
        if any(request.state == "draft" for request in self):
            raise UserError(self.env._("Send the request before printing it."))
        return self.env.ref(
            "danvan_complaints.action_report_danvan_denunciation_expert"
        ).report_action(self)
