"""A complaint case (KN-1 to KN-16): accepted from a petition, verified, heard
in a dialogue, decided, sent and published within the legal time limits.
"""

from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .danvan_case_mixin import CASE_DATE_ORDER, CASE_PAST_DATES, DanvanCaseMixin


class DanvanComplaint(models.Model):
    _name = "danvan.complaint"
    _description = "Complaint Case"
    _inherit = ["danvan.case.mixin"]
    _acceptance_report = "danvan_complaints.action_report_danvan_complaint_acceptance"
    _case_petition_types = ("complaint", "mixed")
    _danvan_deadline_fields = {
        **DanvanCaseMixin._danvan_deadline_fields,
        "filing_deadline": "date_known",
        "acceptance_deadline": "date_received",
        "sending_deadline": "date_settled",
        "publication_deadline": "date_settled",
        "date_effective": "date_settled",
    }
    _case_date_order = CASE_DATE_ORDER + (
        ("date_known", "date_received"),
        ("date_accepted", "dialogue_date"),
        ("date_accepted", "date_sent"),
        ("date_settled", "date_sent"),
    )
    _case_past_dates = CASE_PAST_DATES + ("date_sent",)

    state = fields.Selection(
        [
            ("draft", "To Accept"),
            ("accepted", "Being Resolved"),
            ("suspended", "Suspended"),
            ("settled", "Decided"),
            ("closed", "Closed"),
            ("refused", "Not Accepted"),
            ("terminated", "Terminated"),
        ],
        string="Status",
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    resolution_round = fields.Selection(
        [("first", "First time"), ("second", "Second time")],
        string="Round",
        required=True,
        default="first",
        tracking=True,
        help="Article 28 of the Law on Complaints 2011 for the first time, Article 37 "
        "of the Law on Complaints 2011 for the second.",
    )
    previous_case_id = fields.Many2one(
        "danvan.complaint",
        string="First-time Case",
        index=True,
        tracking=True,
        help="The case whose decision this second complaint contests (Article 33 of "
        "the Law on Complaints 2011).",
    )
    next_case_ids = fields.One2many(
        "danvan.complaint", "previous_case_id", string="Second-time Cases"
    )
    repeat_petition_ids = fields.One2many(
        related="petition_id.duplicate_ids", string="Repeated Letters"
    )
    is_complex = fields.Boolean(
        string="Complex",
        tracking=True,
        compute="_compute_is_complex",
        store=True,
        readonly=False,
        help="Under a regime that lists the criteria of a complex complaint, it is "
        "complex when one of them is ticked and the finding is written (Article 3a "
        "of Decree 124/2020/NĐ-CP as amended by Decree 155/2026/NĐ-CP).",
    )
    # KN-7, KN-11: the checklist of the regime of the case, and its written
    # finding kept in the file.
    complexity_criterion_ids = fields.Many2many(
        "danvan.complaint.complexity",
        "danvan_complaint_complexity_rel",
        "complaint_id",
        "criterion_id",
        string="Criteria of Complexity",
        domain="[('regime_id', '=', regime_id)]",
        tracking=True,
    )
    complexity_finding = fields.Text(
        string="Finding of Complexity",
        tracking=True,
        help="Why the case is complex, as written in the file.",
    )
    complexity_attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_complaint_complexity_attachment_rel",
        "complaint_id",
        "attachment_id",
        string="Written Finding",
        help="The signed document that finds the case complex.",
    )
    complexity_listed = fields.Boolean(
        compute="_compute_complexity_listed",
        help="The regime of the case lists the criteria of a complex complaint.",
    )
    dialogue_ids = fields.One2many(
        "danvan.complaint.dialogue", "complaint_id", string="Dialogues"
    )
    stop_decision_ids = fields.One2many(
        "danvan.complaint.stop.decision",
        "complaint_id",
        string="Decisions to Suspend, Terminate or Resume",
    )
    authorisation_ids = fields.One2many(
        "danvan.complaint.authorisation", "complaint_id", string="Authorisations"
    )
    # KN-4: the complainants of a group who withdrew; the case goes on for
    # the others.
    withdrawn_sender_ids = fields.Many2many(
        "danvan.petition.sender",
        "danvan_complaint_withdrawn_sender_rel",
        "complaint_id",
        "sender_id",
        string="Complainants Who Withdrew",
        readonly=True,
        copy=False,
    )
    is_remote = fields.Boolean(
        string="Remote Area",
        tracking=True,
        help="Vùng sâu, vùng xa: longer time limits (Articles 28, 33 and 37 of the Law "
        "on Complaints 2011).",
    )
    respondent = fields.Char(
        string="Complained About",
        tracking=True,
        help="The person or body whose decision or act is complained about.",
    )
    respondent_address = fields.Char()
    contested_act = fields.Text(
        string="Decision or Act Complained About",
        help="Its number, date and author, or what was done.",
    )
    request = fields.Text(string="Complainant's Request")
    date_known = fields.Date(
        string="Known On",
        tracking=True,
        help="When the complainant received or learned of the decision or act; "
        "for a second complaint, of the first-time decision or of the end of its "
        "time limit (Articles 9 and 33 of the Law on Complaints 2011).",
    )
    obstacle_days = fields.Integer(
        tracking=True,
        help="Days of illness, disaster, travel or another objective obstacle, not "
        "counted in the filing limit (Article 9 of the Law on Complaints 2011).",
    )
    filing_deadline = fields.Date(
        string="Filing Limit",
        compute="_compute_filing_deadline",
        store=True,
        help="90 days (Article 9 of the Law on Complaints 2011); for a second "
        "complaint 30, 45 in a remote area (Article 33 of the Law on Complaints "
        "2011).",
    )
    filed_late = fields.Boolean(compute="_compute_filing_deadline", store=True)
    acceptance_deadline = fields.Date(
        compute="_compute_acceptance_deadline",
        store=True,
        help="10 days from receipt (Article 27 of the Law on Complaints 2011); 7 "
        "working days from 01/7/2026 (Decree 155/2026/NĐ-CP), as the table of legal "
        "time limits says.",
    )
    dialogue_required = fields.Boolean(
        help="The request and the verification differ: a dialogue is held (Article 30 "
        "of the Law on Complaints 2011)."
    )
    dialogue_date = fields.Date()
    dialogue_attendance = fields.Selection(
        [
            ("held", "Held"),
            ("absent_excused", "Complainant absent for a valid reason"),
            ("absent", "Complainant absent without a valid reason"),
        ],
        help="From 01/7/2026 the settlement goes on when the complainant does not "
        "come without a valid reason (Article 30 of the Law on Complaints 2011).",
    )
    dialogue_result = fields.Text()
    settlement_number = fields.Char(string="Decision Number")
    date_settled = fields.Date(string="Decision Date")
    legal_basis = fields.Text()
    measure = fields.Selection(
        [
            ("keep", "Keep the decision or act"),
            ("amend", "Amend or supplement it"),
            ("cancel", "Cancel it in whole or in part"),
            ("stop", "Stop the act"),
        ],
        string="Decided",
        tracking=True,
    )
    measure_detail = fields.Text(
        string="How It Is Settled",
        help="How the other issues are settled (Article 31 of the Law on Complaints "
        "2011).",
    )
    compensation = fields.Text()
    settled_late = fields.Boolean(string="Decided Late")
    date_sent = fields.Date(string="Sent On", copy=False, tracking=True)
    sending_deadline = fields.Date(
        compute="_compute_decision_deadlines",
        store=True,
        help="3 working days after the decision (Article 31 of the Law on Complaints "
        "2011).",
    )
    publication_method = fields.Selection(
        [
            ("meeting", "Meeting at the complainant's workplace"),
            ("posting", "Posted at the office or reception place (15 days)"),
            ("media", "Mass media or the agency's portal"),
        ],
        tracking=True,
        help="Decree 124/2020/NĐ-CP.",
    )
    publication_deadline = fields.Date(
        compute="_compute_decision_deadlines",
        store=True,
        help="15 days after the decision (Decree 124/2020/NĐ-CP).",
    )
    date_effective = fields.Date(
        string="Takes Effect On",
        compute="_compute_decision_deadlines",
        store=True,
        help="30 days after the decision, 45 in a remote area, unless contested "
        "(Article 44 of the Law on Complaints 2011); also the last day of a second "
        "complaint (Article 33 of the Law on Complaints 2011).",
    )

    @api.depends(
        "date_accepted", "suspended_days", "resolution_round", "is_complex", "is_remote"
    )
    def _compute_date_deadline(self):
        return super()._compute_date_deadline()

    @api.model
    def _apply_decree_155(self, regime_values):
        """Once, before the data of Decree 155/2026/NĐ-CP is loaded: the
        10-day acceptance period ends on the eve of the 2026 regime, which
        gets its new rules (KN-6, KN-8, KN-15). Run again, it changes nothing,
        so that the Office's corrections are kept."""
        if self.env.ref(
            "danvan_complaints.danvan_time_limit_complaint_acceptance_2026",
            raise_if_not_found=False,
        ):
            return
        regime = self.env.ref(
            "danvan_complaints.danvan_legal_regime_2026", raise_if_not_found=False
        )
        old = self.env.ref(
            "danvan_complaints.danvan_time_limit_complaint_acceptance_normal",
            raise_if_not_found=False,
        )
        if not regime:
            return
        if old and old.active and not old.date_to and old.date_from < regime.date_from:
            old.date_to = regime.date_from - timedelta(days=1)
        regime.write(regime_values)

    @api.depends("regime_id")
    def _compute_complexity_listed(self):
        for case in self:
            case.complexity_listed = bool(case.regime_id.complexity_criterion_ids)

    @api.depends("complexity_criterion_ids")
    def _compute_is_complex(self):
        """A regime that lists the criteria decides by them; another one
        leaves the flag to the resolver (KN-7, KN-11)."""
        for case in self:
            if case.complexity_criterion_ids:
                case.is_complex = True
            elif case.regime_id.complexity_criterion_ids:
                case.is_complex = False
            else:
                case.is_complex = case.is_complex

    @api.constrains(
        "is_complex", "complexity_criterion_ids", "complexity_finding", "regime_id"
    )
    def _check_complexity(self):
        """A complex case has its criteria and its written finding (KN-7)."""
        for case in self:
            if not case.regime_id.complexity_criterion_ids:
                continue
            if case.complexity_criterion_ids - case.regime_id.complexity_criterion_ids:
                raise ValidationError(
                    self.env._(
                        "%s: tick the criteria of complexity of the legal regime of "
                        "the case.",
                        case.number,
                    )
                )
            if case.is_complex and not (
                case.complexity_criterion_ids
                and (case.complexity_finding or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "%s: a complaint is complex only on the criteria of Article 3a "
                        "of Decree 124/2020/NĐ-CP (as amended by Decree "
                        "155/2026/NĐ-CP): tick at least one of them and write the "
                        "finding, which is kept in the file.",
                        case.number,
                    )
                )

    def _resolution_limit(self):
        code = "complaint_resolution_%s" % (
            "2" if self.resolution_round == "second" else "1"
        )
        variant = {
            (False, False): "normal",
            (True, False): "complex",
            (False, True): "remote",
            (True, True): "remote_complex",
        }[(self.is_complex, self.is_remote)]
        return code, variant

    @api.depends(
        "date_known", "obstacle_days", "resolution_round", "is_remote", "date_received"
    )
    def _compute_filing_deadline(self):
        Limit = self.env["danvan.time.limit"]
        for case in self:
            if not case.date_known:
                case.filing_deadline = case.filed_late = False
                continue
            if case.resolution_round == "second":
                code = "complaint_filing_2"
                variant = "remote" if case.is_remote else "normal"
            else:
                code, variant = "complaint_filing", "normal"
            case.filing_deadline = Limit.compute_deadline(
                code, case.date_known, variant, extra_days=max(case.obstacle_days, 0)
            )
            case.filed_late = bool(
                case.date_received and case.date_received > case.filing_deadline
            )

    @api.depends("date_received")
    def _compute_acceptance_deadline(self):
        Limit = self.env["danvan.time.limit"]
        for case in self:
            case.acceptance_deadline = case.date_received and Limit.compute_deadline(
                "complaint_acceptance", case.date_received
            )

    @api.depends("date_settled", "is_remote")
    def _compute_decision_deadlines(self):
        Limit = self.env["danvan.time.limit"]
        for case in self:
            start = case.date_settled
            if not start:
                case.sending_deadline = case.publication_deadline = False
                case.date_effective = False
                continue
            case.sending_deadline = Limit.compute_deadline(
                "complaint_decision_sending", start
            )
            case.publication_deadline = Limit.compute_deadline(
                "complaint_decision_publication", start
            )
            case.date_effective = Limit.compute_deadline(
                "complaint_decision_effect",
                start,
                "remote" if case.is_remote else "normal",
            )

    @api.onchange("previous_case_id")
    def _onchange_previous_case_id(self):
        if self.previous_case_id:
            self.resolution_round = "second"
            self.date_known = self.previous_case_id.date_settled
            self.respondent = self.previous_case_id.resolver_id.name
            self.is_remote = self.previous_case_id.is_remote

    def action_accept(self):
        """Accept within 10 working days of receipt, within the 90-day limit
        (KN-3, KN-5, KN-6)."""
        for case in self:
            if case.filed_late:
                raise UserError(
                    self.env._(
                        "%(case)s was filed after its limit of %(limit)s (Article 9 of "
                        "the Law on Complaints 2011): it "
                        "is not accepted (Article 11 of the Law on Complaints 2011). "
                        "Record the days of an objective "
                        "obstacle if there were any.",
                        case=case.number,
                        limit=case.filing_deadline.strftime("%d/%m/%Y"),
                    )
                )
            if case.resolution_round == "second" and not (
                case.previous_case_id or case.date_known
            ):
                raise UserError(
                    self.env._(
                        "%s: link the first-time case or give the date of its "
                        "decision (Article 33 of the Law on Complaints 2011).",
                        case.number,
                    )
                )
            case._accept()
        return True

    def _settlement_required_fields(self):
        """KN-9 and Article 29 of Decree 124/2020/NĐ-CP: what a decision must
        state."""
        return super()._settlement_required_fields() + (
            "respondent",
            "verification_result",
            "legal_basis",
            "conclusion",
            "measure",
        )

    def _settlement_missing_message(self, missing):
        return self.env._(
            "%(case)s: the decision must state %(missing)s (Article 31 of "
            "the Law on Complaints 2011).",
            case=self.number,
            missing=", ".join(missing),
        )

    def _check_settlement(self):
        self._check_dialogue()

    def _check_dialogue(self):
        """A dialogue that is required is held before the decision, unless the
        complainant stays away without a valid reason after 01/7/2026 (KN-8)."""
        if not self.dialogue_required:
            return
        attendance = self.dialogue_attendance
        if attendance == "held" and self.dialogue_date:
            return
        if (
            attendance == "absent"
            and self.dialogue_date
            and self._danvan_regime_at(self.dialogue_date).dialogue_absence_proceeds
        ):
            return
        raise UserError(
            self.env._(
                "%s: hold the dialogue before deciding (Article 30 of the Law on "
                "Complaints 2011). A complainant absent "
                "for a valid reason is invited again; one absent without a valid "
                "reason does not stop the settlement since 01/7/2026.",
                self.number,
            )
        )

    def _settlement_sent_date(self):
        return self.date_sent

    def _check_closing(self):
        """The decision is sent and published (KN-9, KN-13)."""
        if not self.date_sent or not self.publication_method:
            raise UserError(
                self.env._(
                    "%s: record when the decision was sent to the parties and "
                    "how it was published (Decree 124/2020/NĐ-CP).",
                    self.number,
                )
            )
        if not self.date_published or self.date_published < self.date_settled:
            raise UserError(
                self.env._(
                    "%s: give the date of publication, on or after the decision.",
                    self.number,
                )
            )

    def action_print_decision(self):
        if any(case.state not in ("settled", "closed") for case in self):
            raise UserError(self.env._("Only an issued decision is printed."))
        return self.env.ref(
            "danvan_complaints.action_report_danvan_complaint_decision"
        ).report_action(self)

    def _decision_recipients(self):
        """Who the decision is sent to (KN-9): the complainant, the person
        complained about, and the body that transferred the complaint."""
        return [
            *self.petition_id.sender_ids.mapped("name"),
            *filter(None, [self.respondent]),
        ]

    def _withdraw_part(self, order):
        """Partial withdrawal exists since 01/7/2026, for cases accepted
        before it too (KN-4, KN-18). In a group complaint the complainants
        named withdraw and lose their rights; the case goes on for the
        others, and ends when none is left."""
        if not self._danvan_regime_at(order.date).allows_partial_withdrawal:
            raise UserError(
                self.env._(
                    "Before 01/7/2026 a complaint is withdrawn in whole only (Article "
                    "10 of the Law on Complaints 2011)."
                )
            )
        leaving = order.withdrawing_sender_ids
        if not leaving:
            return super()._withdraw_part(order)
        senders = self.sudo().petition_id.sender_ids
        if leaving - senders:
            raise UserError(
                self.env._(
                    "%s: only the complainants of the case withdraw.", self.number
                )
            )
        already = leaving & self.sudo().withdrawn_sender_ids
        if already:
            raise UserError(
                self.env._(
                    "%(case)s: %(names)s already withdrew.",
                    case=self.number,
                    names=", ".join(already.mapped("name")),
                )
            )
        self.sudo().withdrawn_sender_ids = [Command.link(s.id) for s in leaving]
        self._record_withdrawal(order)
        if not senders - self.sudo().withdrawn_sender_ids:
            # KN-4: all have withdrawn: the settlement is terminated.
            self._terminate(order.date, "withdrawn", order.reference, order.reason)

    def action_plan_dialogue(self):
        """A new dialogue of the case, in its own form (KN-8)."""
        self.ensure_one()
        if self.state != "accepted":
            raise UserError(
                self.env._(
                    "%s: a dialogue is held while the case is being resolved.",
                    self.number,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dialogue"),
            "res_model": "danvan.complaint.dialogue",
            "view_mode": "form",
            "target": "current",
            "context": {"default_complaint_id": self.id},
        }

    def _stop_decision_kind(self, order):
        """The decision a step of the wizard issues (KN-4, KN-14), or None."""
        if order.action in ("suspend", "resume", "terminate", "withdraw_all"):
            return {"withdraw_all": "terminate"}.get(order.action, order.action)
        if order.action == "withdraw_part" and order.withdrawing_sender_ids:
            remaining = (
                self.sudo().petition_id.sender_ids
                - self.sudo().withdrawn_sender_ids
                - order.withdrawing_sender_ids
            )
            if not remaining:
                return "terminate"
        return None

    def _stop_decision_recipients(self, order):
        """The complainants still in the case, the person complained about,
        and on a death or dissolution the commune People's Committee (KN-14)."""
        case = self.sudo()
        names = (case.petition_id.sender_ids - case.withdrawn_sender_ids).mapped(
            "name"
        ) or case.petition_id.sender_ids.mapped("name")
        lines = [*names, *filter(None, [case.respondent])]
        if order.commune_committee:
            lines.append(order.commune_committee)
        return "\n".join(lines)

    def _stop(self, order):
        """Suspension, termination and resumption are decided on the forms of
        the regime of the step's day and sent within its time limit (KN-14,
        KN-18); the resumed clock runs again from the decision to resume."""
        self.ensure_one()
        kind = self._stop_decision_kind(order)
        regime = self._danvan_regime_at(order.date)
        form = False
        number = False
        if kind:
            code = (
                "complaint_resume_decision"
                if kind == "resume"
                else "complaint_stop_decision"
            )
            form = regime.form_ids.filtered(lambda f: f.code == code)[:1]
            number = order.decision_number or order.reference
            if form and not number:
                raise UserError(
                    self.env._(
                        "Give the number of the decision (form %s of Decree "
                        "155/2026/NĐ-CP).",
                        form.number,
                    )
                )
            reason = order.termination_reason if order.action == "terminate" else False
            if (
                form
                and reason in ("death", "dissolved")
                and not order.commune_committee
            ):
                raise UserError(
                    self.env._(
                        "The decision of termination is also sent to the commune "
                        "People's Committee of the complainant's last residence or "
                        "head office (Article 28b of Decree 124/2020/NĐ-CP as amended "
                        "by Decree 155/2026/NĐ-CP): name it."
                    )
                )
        result = super()._stop(order)
        if kind and (form or number):
            self.env["danvan.complaint.stop.decision"].sudo().create(
                {
                    "complaint_id": self.id,
                    "kind": kind,
                    "number": number,
                    "date": order.date,
                    "grounds": order.reason,
                    "termination_reason": self.termination_reason
                    if kind == "terminate"
                    else False,
                    "recipients": order.recipients
                    or self._stop_decision_recipients(order),
                    "form_number": form.number if form else False,
                    "new_deadline": self.date_deadline if kind == "resume" else False,
                }
            )
        return result
