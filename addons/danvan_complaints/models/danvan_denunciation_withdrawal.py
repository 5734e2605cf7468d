"""The withdrawal of a denunciation (TC-8): by one, some or all of its
denouncers, of part or all of its content, in a signed letter or in minutes
of an oral withdrawal, on the forms of the regime of the withdrawal's day.

TC-16: the regime is the one of the day of the withdrawal, not of the
acceptance: a case accepted before the amendment and still open is withdrawn
under the new rules. Unlike a group complaint (KN-4), several denouncers
have always withdrawn one by one, the case going on for the others (Article
33 of the Law on Denunciations 2018): the regime gives the forms only.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import (
    check_dates,
    check_not_future,
    check_order,
    field_label,
    today_of,
)

from .danvan_identity_log_mixin import LOGGED_PREFETCH

# The form of each way of withdrawing (codes of danvan.legal.form).
FORM_CODES = {
    "letter": "denunciation_withdrawal",
    "minutes": "denunciation_withdrawal_minutes",
}


class DanvanDenunciationWithdrawal(models.Model):
    _name = "danvan.denunciation.withdrawal"
    _description = "Withdrawal of a Denunciation"
    _inherit = [
        # First: its chatter is sent to its readers only (TC-13).
        "danvan.confidential.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.attachment.mixin",
        "danvan.identity.log.mixin",
        "danvan.regime.mixin",
    ]
    _order = "date desc, id desc"
    # TC-16: the rules of the day of the withdrawal.
    _danvan_regime_date = "date"
    _transitions = {"action_confirm": ({"draft"}, "done", False)}
    # A recorded withdrawal is part of the case file: kept as it is.
    _locked_states = ("done",)
    _deletable_states = ("draft",)
    # TC-13: what the denouncers withdrew and why names them as the letter does.
    _danvan_logged_fields = frozenset({"content", "reasons"})

    name = fields.Char(compute="_compute_name", store=True)
    denunciation_id = fields.Many2one(
        "danvan.denunciation",
        string="Denunciation Case",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    petition_id = fields.Many2one(related="denunciation_id.petition_id")
    company_id = fields.Many2one(
        related="denunciation_id.company_id", store=True, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Recorded")],
        string="Status",
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    date = fields.Date(
        string="Withdrawn On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="The day of the letter or of the minutes; its legal regime decides "
        "the rules and the forms.",
    )
    method = fields.Selection(
        [
            ("letter", "In writing, by a signed withdrawal letter"),
            ("minutes", "In person, recorded in minutes"),
        ],
        string="Way of Withdrawing",
        required=True,
        default="letter",
        tracking=True,
    )
    withdrawer_ids = fields.Many2many(
        "danvan.petition.sender",
        "danvan_denunciation_withdrawal_sender_rel",
        "withdrawal_id",
        "sender_id",
        string="Denouncers Withdrawing",
        domain="[('petition_id', '=', petition_id)]",
        help="One, several or all of the denouncers.",
    )
    scope = fields.Selection(
        [
            ("part", "Part of the content"),
            ("all", "All of the content"),
        ],
        string="Content Withdrawn",
        required=True,
        default="all",
        tracking=True,
    )
    content = fields.Text(
        string="What Is Withdrawn",
        prefetch=LOGGED_PREFETCH,
        help="The contents withdrawn, as the letter or the minutes state them.",
    )
    reasons = fields.Text(prefetch=LOGGED_PREFETCH)
    contact = fields.Char(
        string="Contact Method",
        help="How to contact the denouncer, which the withdrawal letter states "
        "under Decree 156/2026/NĐ-CP.",
    )
    minutes_by = fields.Selection(
        [
            ("resolver", "The person settling the denunciation"),
            ("verifier", "The person verifying it"),
            ("receiver", "The person who received the withdrawal"),
        ],
        string="Minutes Made By",
    )
    reference = fields.Char(
        string="Document", help="Number or reference of the letter or minutes."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_denunciation_withdrawal_attachment_rel",
        "withdrawal_id",
        "attachment_id",
        string="Letter or Minutes",
        help="The signed withdrawal letter, or the minutes of the oral withdrawal.",
    )
    continue_anyway = fields.Boolean(
        string="Settlement Continues",
        tracking=True,
        help="The denunciation is settled anyway when the act shows signs of a "
        "violation, when the withdrawal was forced, or when the denunciation was "
        "abused to slander (Article 33 of the Law on Denunciations 2018).",
    )
    continue_ground = fields.Selection(
        [
            ("violation", "The act denounced shows signs of a violation"),
            ("coerced", "Withdrawn under threat or bribery"),
            ("slander", "The denunciation was abused to slander"),
        ],
        string="Ground to Continue",
        tracking=True,
    )
    form_id = fields.Many2one(
        "danvan.legal.form",
        string="Legal Form",
        compute="_compute_form_id",
        store=True,
        help="The form of the regime of the withdrawal's day.",
    )
    outcome = fields.Selection(
        [
            ("rest", "The rest of the content is settled"),
            ("others", "Settled for the other denouncers"),
            ("anyway", "Settled anyway"),
            ("terminated", "Settlement terminated"),
        ],
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.depends("denunciation_id.number", "date")
    def _compute_name(self):
        for withdrawal in self:
            withdrawal.name = "%s - %s" % (
                withdrawal.denunciation_id.number or "",
                withdrawal.date and withdrawal.date.strftime("%d/%m/%Y") or "",
            )

    @api.depends("regime_id", "method")
    def _compute_form_id(self):
        for withdrawal in self:
            regime = withdrawal.regime_id
            code = FORM_CODES.get(withdrawal.method)
            withdrawal.form_id = regime.form_ids.filtered(
                lambda form, code=code: form.code == code
            )[:1]

    def _identity_persons(self):
        return self.sudo().withdrawer_ids

    def _identity_case_name(self):
        return self.sudo().denunciation_id.number

    @api.constrains("date", "denunciation_id")
    def _check_date(self):
        """Withdrawn on a day that has come, not before the letter came."""
        check_dates(self, ["date"])
        for withdrawal in self:
            case = withdrawal.denunciation_id.sudo()
            label = field_label(withdrawal, "date")
            check_order(
                self.env,
                field_label(case, "date_received"),
                case.date_received,
                label,
                withdrawal.date,
            )
            check_not_future(
                self.env,
                label,
                withdrawal.date,
                today_of(withdrawal, case.company_id._danvan_today()),
            )

    @api.constrains("withdrawer_ids", "denunciation_id")
    def _check_withdrawers(self):
        for withdrawal in self.sudo():
            petition = withdrawal.denunciation_id.petition_id
            if withdrawal.withdrawer_ids - petition.sender_ids:
                raise ValidationError(
                    self.env._(
                        "Only the denouncers of %s withdraw its denunciation.",
                        withdrawal.denunciation_id.number,
                    )
                )

    def _previously_withdrawn(self):
        """The denouncers who withdrew all of the content before (TC-8)."""
        self.ensure_one()
        earlier = self.sudo().search(
            [
                ("denunciation_id", "=", self.denunciation_id.id),
                ("state", "=", "done"),
                ("scope", "=", "all"),
                ("id", "!=", self.id),
            ]
        )
        return earlier.withdrawer_ids

    def _check_confirm(self):
        """What the law asks of a withdrawal before it takes effect (TC-8)."""
        self.ensure_one()
        case = self.denunciation_id
        if case.state not in ("draft", "accepted", "suspended"):
            raise UserError(
                self.env._(
                    "%s is already concluded or ended: a denunciation is withdrawn "
                    "before its conclusion (Article 33 of the Law on Denunciations "
                    "2018).",
                    case.number,
                )
            )
        if not self.withdrawer_ids:
            raise UserError(self.env._("Choose the denouncers who withdraw."))
        if not self.reasons:
            raise UserError(self.env._("Give the reasons for the withdrawal."))
        if self.scope == "part" and not self.content:
            raise UserError(self.env._("State the part of the content withdrawn."))
        if self.method == "minutes" and not self.minutes_by:
            raise UserError(self.env._("Say who made the minutes of the withdrawal."))
        if not self.attachment_ids:
            raise UserError(
                self.env._(
                    "Attach the signed withdrawal letter or the minutes of the oral "
                    "withdrawal (Article 33 of the Law on Denunciations 2018)."
                )
            )
        if self.continue_anyway and not self.continue_ground:
            raise UserError(
                self.env._(
                    "Choose why the settlement continues despite the withdrawal."
                )
            )
        regime = self._danvan_regime_at(self.date)
        # The form of the day must exist: a clear error names the regime.
        regime._form(FORM_CODES[self.method])
        senders = case.sudo().petition_id.sender_ids
        remaining = senders - self._previously_withdrawn()
        if self.withdrawer_ids - remaining:
            raise UserError(
                self.env._(
                    "%s: some of these denouncers have already withdrawn.",
                    case.number,
                )
            )

    def _compute_outcome(self):
        """What the case becomes (TC-8): the rest of the content is settled,
        or the case goes on for the denouncers who did not withdraw, or it is
        settled anyway, or, all having withdrawn everything, terminated."""
        self.ensure_one()
        if self.scope == "part":
            return "rest"
        senders = self.sudo().denunciation_id.petition_id.sender_ids
        remaining = senders - self._previously_withdrawn() - self.withdrawer_ids
        if remaining:
            return "others"
        if self.continue_anyway:
            return "anyway"
        return "terminated"

    def _note(self):
        """The case event's note: who withdrew, what, why (read by the case's
        letter readers only, TC-13)."""
        self.ensure_one()
        parts = [
            ", ".join(self.sudo().withdrawer_ids.mapped("name")),
            self.content or self._fields["scope"].convert_to_export(self.scope, self),
            self.reasons,
        ]
        if self.continue_anyway:
            parts.append(
                self._fields["continue_ground"].convert_to_export(
                    self.continue_ground, self
                )
            )
        return " - ".join(filter(None, parts))

    def action_confirm(self):
        """Record the withdrawal and carry out its effect on the case (TC-8,
        TC-16)."""
        for withdrawal in self:
            withdrawal._check_confirm()
            outcome = withdrawal._compute_outcome()
            withdrawal._transition("action_confirm", {"outcome": outcome})
            withdrawal._apply(outcome)
        return True

    def _apply(self, outcome):
        self.ensure_one()
        case = self.denunciation_id
        agency = self._agency_env()
        note = self._note()
        before = case.sudo().withdrawn_note
        case.withdrawn_content = "\n".join(filter(None, [before, note]))
        case._log_event("withdrawal", self.date, self.reference, note)
        if outcome == "terminated":
            case._terminate(self.date, "withdrawn", self.reference, note)
        # No name in the case's chatter, which the verification team reads.
        outcome_label = dict(
            self.with_env(agency)._fields["outcome"]._description_selection(agency)
        )[outcome]
        case.message_post(
            body=agency._(
                "Withdrawal of %(date)s recorded: %(outcome)s.",
                date=self.date.strftime("%d/%m/%Y"),
                outcome=outcome_label,
            ),
            subtype_xmlid="mail.mt_note",
        )
        if outcome == "anyway" and self.continue_ground == "coerced":
            # TC-8 (Decree 156): a forced withdrawal calls for protection
            # measures and the handling of those who threatened.
            user = case.resolver_id or case.handler_id or self.env.user
            case.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=agency._(
                    "Protect the denouncer and handle those who forced the withdrawal"
                ),
            )
