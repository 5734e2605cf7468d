"""A denunciation case (TC-1 to TC-15): accepted by decision, verified by a
team that never sees who denounced (TC-13), concluded and published within
30 days, extended once or twice for complex cases (TC-6).
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.danvan_base.tools.large_tables import many2many_ids

from .danvan_case_mixin import (
    CASE_DATE_ORDER,
    CASE_PAST_DATES,
    CASE_TRANSITIONS,
    DanvanCaseMixin,
)
from .danvan_identity_log_mixin import LOGGED_PREFETCH

# TC-6: extensions a case of each complexity may have.
MAX_EXTENSIONS = {"normal": 0, "complex": 1, "very_complex": 2}


class DanvanDenunciation(models.Model):
    _name = "danvan.denunciation"
    _description = "Denunciation Case"
    _inherit = ["danvan.case.mixin"]
    # TC-6: an extension keeps the case being settled; through the gate, so
    # that its row is locked while it is counted.
    _transitions = dict(
        CASE_TRANSITIONS, action_extend=({"accepted"}, "accepted", False)
    )
    _danvan_logged_fields = DanvanCaseMixin._danvan_logged_fields | {"withdrawn_note"}
    _acceptance_report = (
        "danvan_complaints.action_report_danvan_denunciation_acceptance"
    )
    _case_petition_types = ("denunciation",)
    _danvan_deadline_fields = {
        **DanvanCaseMixin._danvan_deadline_fields,
        "notice_deadline": "date_accepted",
    }
    _case_date_order = CASE_DATE_ORDER + (
        ("date_accepted", "date_notified"),
        ("date_accepted", "team_decision_date"),
        ("date_accepted", "date_conclusion_notified"),
        ("date_settled", "date_conclusion_notified"),
    )
    _case_past_dates = CASE_PAST_DATES + (
        "date_notified",
        "team_decision_date",
        "date_conclusion_notified",
    )

    state = fields.Selection(
        [
            ("draft", "To Accept"),
            ("accepted", "Being Settled"),
            ("suspended", "Suspended"),
            ("settled", "Concluded"),
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
    denounced = fields.Char(
        string="Person Denounced",
        tracking=True,
        help="The person, agency or organisation whose violation is denounced.",
    )
    denounced_position = fields.Char(string="Position or Unit")
    violation_kind = fields.Selection(
        [
            ("duty", "In performing tasks or public duties"),
            ("management", "Of state management in a sector"),
        ],
        tracking=True,
        help="Article 2 of the Law on Denunciations 2018.",
    )
    accepted_content = fields.Text(
        string="Content Accepted",
        help="What the acceptance decision accepts (Article 29 of the Law on "
        "Denunciations 2018).",
    )
    notice_deadline = fields.Date(
        compute="_compute_notice_deadline",
        store=True,
        help="The denouncer and the person denounced are told of the acceptance "
        "within 5 working days (Article 29 of the Law on Denunciations 2018).",
    )
    notice_number = fields.Char(
        copy=False,
        tracking=True,
        help="Number of the notice of acceptance sent to the denouncer; the "
        "acceptance itself is a decision.",
    )
    date_notified = fields.Date(
        string="Parties Notified On",
        tracking=True,
        help="When the denouncer and the person denounced were notified of the "
        "acceptance (Articles 9 and 29 of the Law on Denunciations 2018).",
    )
    complexity = fields.Selection(
        [
            ("normal", "Ordinary"),
            ("complex", "Complex"),
            ("very_complex", "Particularly complex"),
        ],
        required=True,
        default="normal",
        tracking=True,
        help="A complex case may be extended once, a particularly complex one "
        "twice, by 30 days each (Article 30 of the Law on Denunciations 2018).",
    )
    extension_count = fields.Integer(
        string="Extensions", default=0, readonly=True, copy=False, tracking=True
    )
    team_decision_number = fields.Char(
        string="Team Decision", tracking=True, help="The verification team decision."
    )
    team_decision_date = fields.Date(tracking=True)
    team_member_ids = fields.Many2many(
        "res.users",
        string="Verification Team",
        domain="[('share', '=', False)]",
        help="They read the case and a copy of the letter without the denouncer's "
        "identity (Article 56 of the Law on Denunciations 2018).",
    )
    is_mine = fields.Boolean(
        string="My Cases",
        compute="_compute_is_mine",
        search="_search_is_mine",
        help="Handled by the user or verified by a team he is in.",
    )
    settlement_number = fields.Char(string="Conclusion Number")
    date_settled = fields.Date(string="Conclusion Date")
    conclusion_text = fields.Html(string="Conclusion")
    handling_measures = fields.Text(
        help="How the violations are handled (Article 40 of the Law on Denunciations "
        "2018)."
    )
    settled_late = fields.Boolean(string="Concluded Late")
    date_conclusion_notified = fields.Date(
        string="Denouncer Told On",
        tracking=True,
        help="The denouncer is notified of the conclusion (Articles 9 and 40 of the "
        "Law on Denunciations 2018).",
    )
    publication_method = fields.Selection(
        [
            ("meeting", "Meeting at the denounced person's workplace"),
            ("posting", "Posted at the office or reception place"),
            ("website", "The agency's website"),
            ("media", "Mass media"),
        ],
        tracking=True,
        help="Article 40 of the Law on Denunciations 2018: never with the denouncer's "
        "identity.",
    )

    # TC-13: the team reads the case, never the letter: the summary of the
    # letter it reads is the one of the copy without the denouncer, once the
    # officer confirmed it, and what the denouncer withdrew, in the officer's
    # words that may name him, not at all. Computed for the user, so never
    # grouped on; what was withdrawn is kept in a field no user reads.
    summary = fields.Char(
        related=False,
        store=False,
        compute="_compute_letter",
        search="_search_summary",
        compute_sudo=False,
    )
    withdrawn_content = fields.Text(
        store=False,
        compute="_compute_letter",
        inverse="_inverse_withdrawn_content",
        compute_sudo=False,
    )
    withdrawn_note = fields.Text(
        string="Withdrawn Content (Kept)",
        copy=False,
        groups="base.group_system",
        prefetch=LOGGED_PREFETCH,
    )

    @api.depends("date_accepted", "suspended_days", "extension_count")
    def _compute_date_deadline(self):
        return super()._compute_date_deadline()

    @api.depends("handler_id", "team_member_ids")
    @api.depends_context("uid")
    def _compute_is_mine(self):
        for case in self:
            case.is_mine = self.env.user in case.handler_id | case.team_member_ids

    def _search_is_mine(self, operator, value):
        """The team's cases by their ids: the lists of an officer's open
        cases are then read from the handler's index (issue 15)."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on your cases."))
        teams = many2many_ids(self, "team_member_ids", [self.env.uid])
        domain = ["|", ("handler_id", "=", self.env.uid), ("id", "in", teams)]
        return domain if (operator == "=") == value else ["!", *domain]

    def _danvan_letter_domain(self):
        """The cases whose petition the user may read: the verification team
        reads the case but never the letter nor its senders (TC-13)."""
        if self.env.su:
            return []
        Petition = self.env["danvan.petition"].with_context(active_test=False)
        if not Petition.has_access("read"):
            return expression.FALSE_DOMAIN
        return [("petition_id", "in", Petition._search([]))]

    def _danvan_letter_restricted(self):
        """Every user but the code itself (sudo) is checked: the domain above
        is not built only to be tested."""
        return not self.env.su

    def _danvan_letter_readable(self):
        """The cases of ``self`` whose petition the user may read, checked on
        their petitions only: the domain above would have the database list
        every petition the user reads (issue 15). The rules are applied by
        the database, which their indexes serve, rather than in Python over
        each petition's cases."""
        if not self._danvan_letter_restricted():
            return self._filtered_access("read")
        Petition = self.env["danvan.petition"].with_context(active_test=False)
        if not Petition.has_access("read") or not self.browse().has_access("read"):
            return self.browse()
        # One query: the cases the user reads, whose petition he reads too
        # (``any`` applies the petitions' rules).
        Case = self.with_context(active_test=False)
        petitions = self.sudo().petition_id.ids
        return self.browse(
            Case._search(
                [
                    ("id", "in", self.ids),
                    ("petition_id", "any", [("id", "in", petitions)]),
                ]
            )
        )

    @api.depends(
        "petition_id.summary", "petition_id.redacted_summary", "withdrawn_note"
    )
    @api.depends_context("uid")
    def _compute_letter(self):
        readable = self._origin._danvan_letter_readable()
        # The letter reaches the user: logged (TC-13).
        self.env["danvan.identity.access"]._log(readable)
        # The two summaries only: a list would load each letter with them.
        self.sudo().petition_id.fetch(["summary", "redacted_summary"])
        readable_ids = set(readable._ids)
        for case, case_sudo in zip(self, self.sudo(), strict=True):
            petition = case_sudo.petition_id
            if case._origin.id in readable_ids:
                case.summary = petition.summary
                case.withdrawn_content = case_sudo.withdrawn_note
            else:
                case.summary = petition.redacted_summary
                case.withdrawn_content = False

    def _inverse_withdrawn_content(self):
        """Recorded by one who reads the letter only (TC-13): a reader of the
        case alone would overwrite what the denouncer withdrew unseen."""
        if not self.env.su:
            unreadable = self.filtered("id") - self._danvan_letter_readable()
            if unreadable:
                raise AccessError(
                    self.env._(
                        "%s: only those who read the letter record what the "
                        "denouncer withdrew.",
                        ", ".join(unreadable.sudo().mapped("number")),
                    )
                )
        for case in self:
            case.sudo().withdrawn_note = case.withdrawn_content

    def _search_summary(self, operator, value):
        """On the letter's summary, of the petitions the user may read only."""
        return [("petition_id.summary", operator, value)]

    def _resolution_limit(self):
        return "denunciation_settlement", "normal"

    def _deadline_extra_days(self):
        """Each extension adds its limit (TC-6) to the days suspended (TC-9)."""
        if not self.extension_count:
            return self.suspended_days
        extension = self.env["danvan.time.limit"]._get_limit(
            "denunciation_extension", self.date_accepted
        )
        return self.suspended_days + self.extension_count * extension.duration

    @api.depends("date_accepted")
    def _compute_notice_deadline(self):
        Limit = self.env["danvan.time.limit"]
        for case in self:
            case.notice_deadline = case.date_accepted and Limit.compute_deadline(
                "denunciation_notice", case.date_accepted
            )

    def action_accept(self):
        """The acceptance decision (TC-5); an anonymous letter is not settled
        under the law (TC-4)."""
        for case in self:
            if case.petition_id.is_anonymous:
                raise UserError(
                    self.env._(
                        "%s comes from an anonymous letter: it is not settled as a "
                        "denunciation (Article 25 of the Law on Denunciations 2018). "
                        "Inspect it within the agency's powers "
                        "if it names a violator with verifiable evidence.",
                        case.number,
                    )
                )
            if not case.accepted_content or not case.denounced:
                raise UserError(
                    self.env._(
                        "%s: the acceptance decision states the person denounced "
                        "and the content accepted (Article 29 of the Law on "
                        "Denunciations 2018).",
                        case.number,
                    )
                )
            case._accept()
        return True

    def _acceptance_notice_number(self):
        return self.notice_number

    def _settlement_required_fields(self):
        """TC-10: the conclusion states what was found and its text."""
        return super()._settlement_required_fields() + (
            "conclusion",
            "conclusion_text",
        )

    def _settlement_missing_message(self, missing):
        return self.env._(
            "%s: give the number, date, finding and text of the "
            "conclusion (Article 40 of the Law on Denunciations 2018).",
            self.number,
        )

    def _settlement_sent_date(self):
        return self.date_conclusion_notified

    def _check_closing(self):
        """The denouncer is told and the conclusion published (TC-10)."""
        if not (
            self.date_conclusion_notified
            and self.publication_method
            and self.date_published
        ):
            raise UserError(
                self.env._(
                    "%s: record when the denouncer was told of the conclusion "
                    "and how it was published (Article 40 of the Law on "
                    "Denunciations 2018).",
                    self.number,
                )
            )

    def action_preview_redacted(self):
        """The handler reads and confirms the team's copy (TC-13 (2))."""
        self.ensure_one()
        return self.petition_id.action_preview_redacted()

    def action_print_redacted(self):
        """The letter without the denouncer's identity, for the verification
        team (TC-13), as the officer confirmed it."""
        self.petition_id._check_redacted_copy()
        return self.env.ref(
            "danvan_complaints.action_report_danvan_denunciation_redacted"
        ).report_action(self)

    def _redacted_petition(self):
        """The petition whose confirmed copy the case prints: read as
        superuser, since the team may not read the petition itself, but only
        for one who may read the case (TC-13)."""
        self.check_access("read")
        return self.sudo().petition_id

    def _stop(self, order):
        if order.action == "extend":
            return self._extend(order)
        return super()._stop(order)

    def _extend(self, order):
        """One extension of 30 days for a complex case, two for a particularly
        complex one, each by a written decision (TC-6)."""
        if self.state != "accepted":
            raise UserError(
                self.env._("Only a case being settled is extended: %s.", self.number)
            )
        if not order.reference:
            raise UserError(
                self.env._(
                    "An extension is decided in writing (Article 30 of the Law on "
                    "Denunciations 2018)."
                )
            )
        # The gate locks the row: two clicks extend once, the second one
        # counting after the first.
        self._transition(
            "action_extend", {"deadline_warned": False, "deadline_escalated": False}
        )
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE danvan_denunciation "
                "SET extension_count = COALESCE(extension_count, 0) + 1 "
                "WHERE id = %s AND COALESCE(extension_count, 0) < %s",
                self.id,
                MAX_EXTENSIONS[self.complexity],
            )
        )
        self.invalidate_recordset(["extension_count"])
        if not self.env.cr.rowcount:
            raise UserError(
                self.env._(
                    "%s cannot be extended again: an ordinary case has no "
                    "extension, a complex one one, a particularly complex one two "
                    "(Article 30 of the Law on Denunciations 2018).",
                    self.number,
                )
            )
        self.modified(["extension_count"])
        self._log_event("extension", order.date, order.reference, order.reason)
        # Counted in SQL, so not tracked: say it in the chatter.
        agency = self.with_context(lang=self.company_id._danvan_lang())
        self.message_post(
            body=agency.env._(
                "Time limit extended by %(reference)s (extension %(count)s): "
                "settled by %(deadline)s.",
                reference=order.reference,
                count=self.extension_count,
                deadline=self.date_deadline.strftime("%d/%m/%Y"),
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _withdraw_all(self, order):
        """Settlement goes on when the withdrawal was forced or the content shows
        signs of a violation (TC-8)."""
        if order.continue_anyway:
            return self._record_withdrawal(order)
        return super()._withdraw_all(order)

    withdrawal_ids = fields.One2many(
        "danvan.denunciation.withdrawal", "denunciation_id", string="Withdrawals"
    )
    followup_ids = fields.One2many(
        "danvan.denunciation.followup", "denunciation_id", string="Follow-up"
    )
    expert_ids = fields.One2many(
        "danvan.denunciation.expert", "denunciation_id", string="Expert Assessments"
    )
    # TC-12, TC-13: whether the denouncer asked for protection tells about
    # the denouncer: shown to those who read the letter only, as its summary.
    protection_requested = fields.Boolean(
        compute="_compute_protection_requested",
        search="_search_protection_requested",
        compute_sudo=False,
        help="The denouncer asked to keep their identity secret or for other "
        "protection (Article 47 of the Law on Denunciations 2018).",
    )

    @api.depends("petition_id.protection_requested")
    @api.depends_context("uid")
    def _compute_protection_requested(self):
        readable = self._origin._danvan_letter_readable()
        for case in self:
            case.protection_requested = (
                case._origin in readable
                and case.sudo().petition_id.protection_requested
            )

    def _search_protection_requested(self, operator, value):
        """Among the cases whose letter the user reads only (TC-13)."""
        return expression.AND(
            [
                self._danvan_letter_domain(),
                [("petition_id.protection_requested", operator, value)],
            ]
        )

    def action_new_withdrawal(self):
        """A withdrawal by one, some or all denouncers (TC-8)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Withdrawal of the Denunciation"),
            "res_model": "danvan.denunciation.withdrawal",
            "view_mode": "form",
            "target": "current",
            "context": {"default_denunciation_id": self.id},
        }

    def action_open_followup(self):
        """The follow-up of the conclusion (TC-14): opened, or started."""
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-up of the Conclusion"),
            "res_model": "danvan.denunciation.followup",
            "view_mode": "form",
            "target": "current",
            "context": {"default_denunciation_id": self.id},
        }
        if self.followup_ids:
            action["res_id"] = self.followup_ids[:1].id
        return action
