"""A decision to suspend, terminate or resume the settlement of a complaint
(KN-14): on Mẫu 14a or 14b of Decree 155/2026/NĐ-CP, issued at once and sent
to the parties within 3 working days; made by the step of the case only."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_order

# The fields a step sets; what the officer records later is only the sending.
FREE_FIELDS = {
    "date_sent",
    "attachment_ids",
    "activity_ids",
    "message_follower_ids",
    "message_main_attachment_id",
}


class DanvanComplaintStopDecision(models.Model):
    _name = "danvan.complaint.stop.decision"
    _description = "Decision to Suspend, Terminate or Resume a Complaint"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "number"

    complaint_id = fields.Many2one(
        "danvan.complaint",
        string="Complaint Case",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True
    )
    kind = fields.Selection(
        [
            ("suspend", "Suspension"),
            ("terminate", "Termination"),
            ("resume", "Resumption"),
        ],
        required=True,
    )
    number = fields.Char(string="Decision Number", required=True)
    date = fields.Date(string="Decision Date", required=True)
    grounds = fields.Text(string="Grounds and Legal Basis")
    termination_reason = fields.Selection(
        selection=lambda self: self.env["danvan.case.mixin"]
        ._fields["termination_reason"]
        .selection
    )
    recipients = fields.Text(required=True)
    form_number = fields.Char(string="Form")
    new_deadline = fields.Date(
        string="Resolution Deadline",
        help="The deadline of the case once the settlement resumes: the time "
        "limit runs again from the decision to resume it.",
    )
    sending_deadline = fields.Date(
        compute="_compute_sending_deadline",
        store=True,
        help="3 working days from the decision (Article 28b of Decree "
        "124/2020/NĐ-CP as amended by Decree 155/2026/NĐ-CP).",
    )
    date_sent = fields.Date(string="Sent On", tracking=True)
    sent_late = fields.Boolean(compute="_compute_sent_late", store=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_complaint_stop_decision_attachment_rel",
        "decision_id",
        "attachment_id",
        string="Signed Decision",
    )

    @api.depends("date")
    def _compute_sending_deadline(self):
        Limit = self.env["danvan.time.limit"]
        for decision in self:
            row = decision.date and Limit._find_limit(
                "complaint_stop_decision_sending", decision.date
            )
            decision.sending_deadline = row and Limit.compute_deadline(
                "complaint_stop_decision_sending", decision.date
            )

    @api.depends("date_sent", "sending_deadline")
    def _compute_sent_late(self):
        for decision in self:
            decision.sent_late = bool(
                decision.date_sent
                and decision.sending_deadline
                and decision.date_sent > decision.sending_deadline
            )

    @api.constrains("date", "date_sent")
    def _check_dates(self):
        check_dates(self, ["date", "date_sent"])
        for decision in self:
            check_order(
                self.env,
                self._fields["date"]._description_string(self.env),
                decision.date,
                self._fields["date_sent"]._description_string(self.env),
                decision.date_sent,
            )
            if decision.date_sent and decision.date_sent > (
                decision.company_id._danvan_today()
            ):
                raise ValidationError(
                    self.env._(
                        "%s: the date of sending cannot be in the future.",
                        decision.number,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        """Made by the step of the case (KN-14), after its checks."""
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A decision to suspend, terminate or resume is issued from its "
                    "case."
                )
            )
        decisions = super().create(vals_list)
        for decision in decisions.filtered("sending_deadline"):
            case = decision.complaint_id
            decision.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=decision.sending_deadline,
                summary=decision._agency_env()._("Send the decision to the parties"),
                user_id=(case.handler_id or self.env.user).id,
            )
        return decisions

    def _agency_env(self):
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._danvan_lang()).env

    def write(self, vals):
        # The signed copy is attached until the decision is sent, then kept.
        sent = "attachment_ids" in vals and any(self.mapped("date_sent"))
        if not self.env.su and (sent or not vals.keys() <= FREE_FIELDS):
            raise UserError(
                self.env._(
                    "A decision issued is kept as it was issued; only its sending is "
                    "recorded."
                )
            )
        if not self.env.su and "date_sent" in vals and any(self.mapped("date_sent")):
            raise UserError(self.env._("The sending of this decision is recorded."))
        result = super().write(vals)
        if vals.get("date_sent"):
            lang = self._agency_env().lang
            self.sudo().with_context(lang=lang).activity_feedback(
                ["mail.mail_activity_data_todo"]
            )
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A decision issued is kept in the case file."))

    def action_print(self):
        return self.env.ref(
            "danvan_complaints.action_report_danvan_complaint_stop_decision"
        ).report_action(self)
