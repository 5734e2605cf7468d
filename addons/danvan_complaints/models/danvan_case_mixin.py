"""What a complaint case and a denunciation case share: the accepted petition
they come from, their handler, the clock that runs from acceptance and stops
while the case is suspended (KN-14, TC-9), and the dated events the law asks
for (TC-11).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import create_index

from odoo.addons.danvan_base.tools.date_checks import (
    check_date_order,
    check_dates,
    check_not_future,
    check_order,
    check_past_dates,
    field_label,
    today_of,
)
from odoo.addons.danvan_base.tools.large_tables import create_agency_list_index

from .danvan_identity_log_mixin import LOGGED_PREFETCH

# (earlier, later): the order of the dates of every case. It is accepted after
# its petition was received, suspended (KN-14, TC-9) and published after it
# was accepted.
CASE_DATE_ORDER = (
    ("date_received", "date_accepted"),
    ("date_accepted", "date_suspended"),
    ("date_accepted", "date_published"),
    ("date_accepted", "date_settled"),
    ("date_settled", "date_published"),
)
# The dates of what has been done, never after today: a case dated ahead
# could not be resumed, decided or closed before that day.
CASE_PAST_DATES = ("date_accepted", "date_suspended", "date_published", "date_settled")
# The dates after which a step of the case (withdrawal, suspension,
# resumption, termination, extension) is dated.
STEP_AFTER = ("date_received", "date_accepted", "date_suspended")
# One workflow for both kinds: settled is the decision on a complaint (KN-9)
# or the conclusion on a denunciation (TC-10).
# Every step is the handling officer's or leadership's: whoever may write the
# case (its record rules), the verification team never.
CASE_TRANSITIONS = {
    "action_accept": ({"draft"}, "accepted", False),
    "action_refuse": ({"draft"}, "refused", False),
    "action_suspend": ({"accepted"}, "suspended", False),
    "action_resume": ({"suspended"}, "accepted", False),
    "action_terminate": ({"draft", "accepted", "suspended"}, "terminated", False),
    "action_settle": ({"accepted"}, "settled", False),
    "action_close": ({"settled"}, "closed", False),
}


class DanvanCaseMixin(models.AbstractModel):
    _name = "danvan.case.mixin"
    _description = "Complaint or Denunciation Case"
    _inherit = [
        # First: its chatter is sent to the record's readers only.
        "danvan.confidential.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.handler.mixin",
        "danvan.attachment.mixin",
        "danvan.identity.log.mixin",
        "danvan.regime.mixin",
    ]
    _order = "date_accepted desc, id desc"
    # The regime of the petition; a later step asks the regime of its own
    # day (KN-18, TC-16).
    _danvan_regime_date = "date_received"
    # TC-13: the case's copies of the letter, and what the sender withdrew of it.
    _danvan_logged_fields = frozenset({"summary", "withdrawn_content"})
    # The petition too: pointing a case at another petition would show its
    # letter and senders to the case's handler.
    _danvan_assignment_fields = ("handler_id", "department_id", "petition_id")
    _rec_name = "number"
    # Its units, people and linked records are of its agency (issue 15, item 4).
    _check_company_auto = True
    _transitions = CASE_TRANSITIONS
    # A case file ended, with its settlement, is kept as it is; none is
    # deleted (archive it).
    _locked_states = ("closed", "refused", "terminated")
    _deletable_states = ()
    _case_petition_types = ()
    _acceptance_report = None
    _case_date_order = CASE_DATE_ORDER
    _case_past_dates = CASE_PAST_DATES
    # KN-7, TC-6: the resolution clock runs from acceptance.
    _danvan_deadline_fields = {"date_deadline": "date_accepted"}

    number = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: self.env._("New"),
    )
    petition_id = fields.Many2one(
        "danvan.petition",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        help="The petition of the register that this case settles (Circular "
        "05/2021/TT-TTCP).",
    )
    # TC-13: the record rules of the reception officers read it, through an
    # index, instead of a lookup of all the petitions the officer handles.
    petition_handler_id = fields.Many2one(
        related="petition_id.handler_id",
        string="Petition Handler",
        store=True,
        index="btree_not_null",
    )
    summary = fields.Char(
        related="petition_id.summary", store=True, prefetch=LOGGED_PREFETCH
    )
    date_received = fields.Date(related="petition_id.date_received", store=True)
    resolver_id = fields.Many2one(
        "res.users",
        string="Resolver",
        default=lambda self: self.env.company.danvan_head_user_id,
        tracking=True,
        domain="[('share', '=', False)]",
        help="The head with authority to decide (Articles 18 to 21 of the Law on "
        "Complaints 2011, Articles 13 to 15 of the Law on Denunciations 2018).",
    )
    date_accepted = fields.Date(
        string="Accepted On",
        copy=False,
        tracking=True,
        help="Left empty, the day the case is accepted.",
    )
    acceptance_reference = fields.Char(
        string="Acceptance Document",
        copy=False,
        tracking=True,
        help="Number of the notice or decision of acceptance.",
    )
    refusal_reason = fields.Text(copy=False, tracking=True)
    date_suspended = fields.Date(
        string="Suspended Since", readonly=True, copy=False, tracking=True
    )
    suspended_days = fields.Integer(
        readonly=True,
        copy=False,
        help="Days of suspension, not counted in the time limit (Article 11a of the "
        "Law on Complaints 2011, Article 34 of the Law on Denunciations 2018).",
    )
    date_deadline = fields.Date(
        string="Legal Deadline",
        compute="_compute_date_deadline",
        store=True,
        index=True,
    )
    verification_result = fields.Html()
    conclusion = fields.Selection(
        [
            ("right", "Right"),
            ("partly", "Partly right"),
            ("wrong", "Wrong"),
        ],
        string="Finding",
        tracking=True,
        help="Whether the complaint or denunciation was found right (Article 31 of the "
        "Law on Complaints 2011, Article 40 of the Law on Denunciations 2018).",
    )
    date_settled = fields.Date(string="Settled On", copy=False, tracking=True)
    settlement_number = fields.Char(copy=False, tracking=True)
    settled_late = fields.Boolean(
        compute="_compute_settled_late",
        store=True,
        help="Settled after its legal deadline.",
    )
    date_published = fields.Date(string="Published On", copy=False, tracking=True)
    date_closed = fields.Date(readonly=True, copy=False)
    withdrawn_content = fields.Text(
        readonly=True,
        copy=False,
        help="What the sender withdrew; it is not examined again (Article 10 of the "
        "Law on Complaints 2011, Article 33 of the Law on Denunciations 2018).",
        prefetch=LOGGED_PREFETCH,
    )
    termination_reason = fields.Selection(
        [
            ("withdrawn", "Withdrawn in whole"),
            ("death", "Death without a successor in the rights"),
            ("dissolved", "Organisation dissolved without a successor"),
            ("judged", "Already decided by an effective judgment or decision"),
        ],
        copy=False,
        tracking=True,
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Case Documents",
        help="Minutes, evidence, verification reports and the documents issued.",
    )
    event_ids = fields.One2many(
        "danvan.case.event",
        "res_id",
        string="Events",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    def init(self):
        """Indexes at a province's size (issue 15). The open cases in the
        lists' order: they are few beside the closed ones, and the index
        holds what the lists' counts and the officers' record rules read."""
        result = super().init()
        if self._abstract:
            return result
        # The petitions' rule asks for the petitions of the cases an officer
        # handles: answered from this index alone.
        create_index(
            self.env.cr,
            f"{self._table}_handler_petition_index",
            self._table,
            ["handler_id", "petition_id"],
            where="active",
        )
        create_index(
            self.env.cr,
            f"{self._table}_open_index",
            self._table,
            [
                "date_accepted DESC",
                "id DESC",
                "handler_id",
                "petition_handler_id",
                "state",
            ],
            where="active AND state IN ('draft', 'accepted', 'suspended', 'settled')",
        )
        # An officer's own open cases, in the lists' order.
        create_agency_list_index(
            self.env.cr,
            self._table,
            "handler_open",
            "handler_id",
            ["date_accepted DESC", "id DESC"],
            "active AND state IN ('draft', 'accepted', 'suspended', 'settled')",
        )
        return result

    def _resolution_limit(self):
        """The code and variant of the resolution time limit (KN-7, TC-6)."""
        raise NotImplementedError

    def _deadline_extra_days(self):
        return self.suspended_days

    def _compute_date_deadline(self):
        Limit = self.env["danvan.time.limit"]
        for case in self:
            if not case.date_accepted:
                case.date_deadline = False
                continue
            code, variant = case._resolution_limit()
            case.date_deadline = Limit.compute_deadline(
                code,
                case.date_accepted,
                variant,
                extra_days=case._deadline_extra_days(),
            )

    @api.depends("date_settled", "date_deadline")
    def _compute_settled_late(self):
        for case in self:
            case.settled_late = bool(
                case.date_settled
                and case.date_deadline
                and case.date_settled > case.date_deadline
            )

    def _deadline_open_domain(self):
        # A suspended case's clock stands still (KN-14, TC-9): no warning.
        return [("state", "=", "accepted")]

    def _deadline_recompute_domain(self, fname=None):
        """A settled case still has the deadlines that run from its settlement
        (to send, publish and take effect); its resolution deadline is kept as
        it was counted, and with it whether it was settled late (KN-7, TC-6)."""
        if self._danvan_deadline_fields.get(fname) == "date_settled":
            return [("state", "not in", ("closed", "refused", "terminated"))]
        return [("state", "in", ("draft", "accepted", "suspended"))]

    @api.constrains("petition_id")
    def _check_petition(self):
        for case in self:
            petition = case.petition_id
            if petition.petition_type not in self._case_petition_types:
                raise ValidationError(
                    self.env._(
                        "%(petition)s is not a petition of this kind: a %(case)s is "
                        "opened from its own kind of petition (Article 6 of Circular "
                        "05/2021/TT-TTCP).",
                        petition=petition.number,
                        case=self._description,
                    )
                )
            if petition.state != "processed" or petition.outcome != "accept":
                raise ValidationError(
                    self.env._(
                        "%s was not accepted for settlement (Circular "
                        "05/2021/TT-TTCP).",
                        petition.number,
                    )
                )
            if self.sudo().search_count(
                [("petition_id", "=", petition.id), ("id", "!=", case.id)], limit=1
            ):
                raise ValidationError(
                    self.env._("%s already has its case.", petition.number)
                )

    def _case_date_fields(self):
        """The dates of the case that a person types or a step sets; the
        receipt is the petition's, checked there."""
        names = {name for pair in self._case_date_order for name in pair}
        return sorted((names | set(self._case_past_dates)) - {"date_received"})

    @api.constrains(lambda self: self._case_date_fields())
    def _check_case_dates(self):
        """Dates within the years the agency works in, in the order of the
        procedure, and the dates of what was done not after today."""
        check_dates(self, self._case_date_fields())
        check_date_order(self, self._case_date_order)
        for case in self:
            check_past_dates(
                case, self._case_past_dates, case.company_id._danvan_today()
            )

    def _check_step_date(self, order):
        """A step of the wizard is dated from the case's last date to today:
        no suspension before the acceptance, no resumption before the
        suspension (KN-14, TC-9), no extension before the acceptance (TC-6).
        Checked before the step, so that a refused one changes nothing."""
        self.ensure_one()
        step = dict(order._fields["action"]._description_selection(self.env))[
            order.action
        ]
        for name in STEP_AFTER:
            check_order(self.env, field_label(self, name), self[name], step, order.date)
        check_not_future(
            self.env, step, order.date, today_of(self, self.company_id._danvan_today())
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # A case opened by hand is only for a petition one may already
            # read: its handler would otherwise see the letter and the senders.
            self.env["danvan.petition"].browse(
                [vals["petition_id"] for vals in vals_list if vals.get("petition_id")]
            ).check_access("read")
        for vals in vals_list:
            if vals.get("number", self.env._("New")) == self.env._("New"):
                company = self.env["res.company"].browse(vals.get("company_id"))
                # Each agency numbers from 1 (issue 15, item 4).
                sequence = (company or self.env.company)._danvan_document_sequence(
                    self._name
                )
                vals["number"] = sequence.next_by_id()
        return super().create(vals_list)

    def _identity_persons(self):
        """The persons whose identity the case's attachments carry, for the
        access log (TC-13)."""
        return self.sudo().petition_id.sender_ids

    def _danvan_reader_dependents(self):
        """Its petition is read by the case's handler too."""
        return [self.sudo().petition_id]

    def _log_event(self, kind, date, reference=False, note=False):
        """The only way an event is made (TC-11): by the case's own step,
        after that step's checks, never by a role directly."""
        self.env["danvan.case.event"].sudo().create(
            [
                {
                    "res_model": case._name,
                    "res_id": case.id,
                    "kind": kind,
                    "date": date,
                    "reference": reference,
                    "note": note,
                }
                for case in self
            ]
        )

    def action_open_stop_wizard(self):
        """Extension, withdrawal, suspension, resumption or termination (KN-4,
        KN-14, TC-6, TC-8, TC-9)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Extension, Withdrawal, Suspension, Termination"),
            "res_model": "danvan.case.stop",
            "view_mode": "form",
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_id": self.id},
        }

    def _agency_today(self):
        """The day a step is dated: the agency's today, or the user's when
        his time zone is already a day ahead (the register follows the
        agency's calendar, whatever the time zone of the browser)."""
        return today_of(self, self.company_id._danvan_today())

    def _accept(self):
        """Acceptance, on its date or today, starts the resolution clock."""
        self.ensure_one()
        if not self.acceptance_reference:
            raise UserError(
                self.env._("Give the number of the acceptance notice or decision.")
            )
        accepted_on = self.date_accepted or self._agency_today()
        self._transition("action_accept", {"date_accepted": accepted_on})
        self._log_event("acceptance", accepted_on, self.acceptance_reference)

    def _acceptance_notice_number(self):
        """The number printed on the notice of acceptance (VB-7)."""
        return self.acceptance_reference

    def action_print_acceptance(self):
        """The notice of acceptance to the sender (KN-6, TC-5)."""
        if any(not case.date_accepted or case.state == "draft" for case in self):
            raise UserError(self.env._("Only an accepted case has its notice."))
        return self.env.ref(self._acceptance_report).report_action(self)

    def action_refuse(self):
        """Not accepted, with reasons (KN-5, TC-5)."""
        for case in self:
            if not case.refusal_reason:
                raise UserError(
                    self.env._(
                        "%s: give the reasons for not accepting it.", case.number
                    )
                )
        self._transition("action_refuse", {"date_closed": self._agency_today()})
        self._log_event("refusal", self._agency_today())
        return True

    def _settlement_required_fields(self):
        """What the decision (KN-9) or the conclusion (TC-10) must state."""
        return ("settlement_number", "date_settled")

    def _settlement_missing_message(self, missing):
        """The error of a settlement that lacks the ``missing`` labels."""
        raise NotImplementedError

    def _check_settlement(self):
        """A kind's own condition of the settlement, beyond its contents."""

    def action_settle(self):
        """Issue the decision on a complaint (KN-9) or the conclusion on a
        denunciation (TC-10), with what the law asks it to state."""
        for case in self:
            missing = [
                case._fields[name].get_description(self.env)["string"]
                for name in case._settlement_required_fields()
                if not case[name]
            ]
            if missing:
                raise UserError(case._settlement_missing_message(missing))
            case._check_settlement()
        for case in self:
            case._transition("action_settle")
            case._log_event("decision", case.date_settled, case.settlement_number)
        return True

    def _settlement_sent_date(self):
        """When the settlement reached the parties (KN-9, TC-10)."""
        raise NotImplementedError

    def _check_closing(self):
        """Raise unless the settlement was sent and published (KN-9, KN-13,
        TC-10)."""
        raise NotImplementedError

    def action_close(self):
        """Close once the settlement is sent to the parties and published."""
        for case in self:
            case._check_closing()
        for case in self:
            case._transition("action_close", {"date_closed": self._agency_today()})
            case._log_event("sending", case._settlement_sent_date())
            case._log_event(
                "publication",
                case.date_published,
                note=case._fields["publication_method"].convert_to_export(
                    case.publication_method, case
                ),
            )
        return True

    def _suspend(self, date, reason, reference):
        self._transition("action_suspend", {"date_suspended": date})
        self._log_event("suspension", date, reference, reason)

    def _resume(self, date, reference):
        for case in self:
            if case.state != "suspended":
                raise UserError(self.env._("%s is not suspended.", case.number))
        for case in self:
            case._transition(
                "action_resume",
                {
                    "date_suspended": False,
                    "suspended_days": case.suspended_days
                    + (date - case.date_suspended).days,
                    "deadline_warned": False,
                    "deadline_escalated": False,
                },
            )
        self._log_event("resumption", date, reference)

    def _terminate(self, date, reason, reference, note=False):
        self._transition(
            "action_terminate", {"termination_reason": reason, "date_closed": date}
        )
        self._log_event("termination", date, reference, note)

    def _stop(self, order):
        """Carry out an order of the withdrawal and suspension wizard."""
        self.ensure_one()
        if order.action != "resume" and not order.reason:
            raise UserError(self.env._("Give the reasons or the content withdrawn."))
        if order.action == "suspend":
            self._suspend(order.date, order.reason, order.reference)
        elif order.action == "resume":
            self._resume(order.date, order.reference)
        elif order.action == "extend":
            raise UserError(
                self.env._(
                    "Only a denunciation's time limit is extended (Article 30 of the "
                    "Law on Denunciations 2018); a "
                    "complaint's depends on its complexity and area (Article 28 of the "
                    "Law on Complaints 2011)."
                )
            )
        elif order.action == "terminate":
            if not order.termination_reason:
                raise UserError(self.env._("Choose the ground of termination."))
            self._terminate(
                order.date, order.termination_reason, order.reference, order.reason
            )
        else:
            if not order.reference:
                raise UserError(
                    self.env._(
                        "A withdrawal is made by a signed letter or recorded in "
                        "minutes: give its reference (Article 10 of the Law on "
                        "Complaints 2011, Article 33 of the Law on Denunciations "
                        "2018)."
                    )
                )
            if self.state not in ("draft", "accepted", "suspended"):
                raise UserError(
                    self.env._(
                        "%s is already decided: nothing can be withdrawn.", self.number
                    )
                )
            if order.action == "withdraw_part":
                self._withdraw_part(order)
            else:
                self._withdraw_all(order)

    def _withdraw_part(self, order):
        """The rest of the content is settled (KN-4, TC-8)."""
        self._record_withdrawal(order)

    def _withdraw_all(self, order):
        self._record_withdrawal(order)
        self._terminate(order.date, "withdrawn", order.reference, order.reason)

    def _record_withdrawal(self, order):
        note = order.reason
        if order.coerced:
            note = self.env._("%s (withdrawn under coercion)", note)
        # What was withdrawn before, whoever records the order (TC-13).
        before = self.sudo().withdrawn_content
        self.withdrawn_content = "\n".join(filter(None, [before, note]))
        self._log_event("withdrawal", order.date, order.reference, note)
