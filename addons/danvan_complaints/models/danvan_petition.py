"""A written petition (đơn): registered, classified and processed within its
legal time limit, ending in exactly one outcome (XLD-1 to XLD-9).

The sender's identity lives in ``danvan.petition.sender``, whose record rules
keep a denouncer's identity to the petition's handler and to leadership
(TC-12); nothing of it is tracked in the chatter.
"""

import hashlib

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import consteq, create_index
from odoo.tools.misc import hmac

from odoo.addons.danvan_base.models.danvan_deadline_mixin import DEADLINE_BATCH
from odoo.addons.danvan_base.tools.date_checks import check_dates, check_past_dates

from ..tools.redaction import Redactor
from .danvan_identity_log_mixin import LOGGED_PREFETCH
from .danvan_national_entry import DESTINATIONS

# Letters and digits a citizen cannot confuse (no I, O, 0, 1): 5 bits each.
PORTAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PORTAL_CODE_LENGTH = 10  # 50 bits
PORTAL_SECRET_LENGTH = 12  # 60 bits
# The changes of status the citizen is told of by e-mail.
PORTAL_NOTIFIED_STATES = ("classified", "processed")
# What the copy without the denouncer is made from (the letter, the other
# persons marked, each sender's identity): a change of any makes the
# confirmed copy out of date (TC-13 (2)).
REDACTION_SOURCES = (
    "summary",
    "content",
    "redact_terms",
    "sender_ids.name",
    "sender_ids.address",
    "sender_ids.identity_number",
    "sender_ids.phone",
    "sender_ids.email",
)

# Its officer, or leadership for a petition no officer handles yet (one
# received online): whoever may write it.
TRANSITIONS = {
    "action_classify": ({"received"}, "classified", False),
    "action_process": ({"classified"}, "processed", False),
    "action_reopen": ({"classified"}, "received", False),
}
# TC-13 (2): the copy without the denouncer, as the officer confirmed it in
# the preview; written by that confirmation only, marked by a private object
# that a context sent through RPC can never hold.
REDACTED_FIELDS = (
    "redacted_summary",
    "redacted_content",
    "redacted_by_id",
    "date_redacted",
)
_REDACTION = object()
_REDACTION_KEY = "danvan_redaction_confirmed"
# XLD-9: which outcome fits which classification.
OUTCOME_TYPES = {
    "accept": {"complaint", "denunciation", "petition"},
    "guide": {"complaint"},
    "transfer": {"denunciation", "petition"},
    "answer": {"petition"},
    "file": {"complaint", "denunciation", "petition", "mixed"},
}

# A petition not yet processed. Domains name them, rather than "not
# processed" (which SQL makes "!= OR IS NULL"), so that the partial indexes
# of init() serve the lists, counts and crons of open petitions.
OPEN_STATES = ("received", "classified")


class DanvanPetition(models.Model):
    _name = "danvan.petition"
    _description = "Petition"
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
    _transitions = TRANSITIONS
    # The register keeps every petition, and a processed one as it was
    # processed (archive it); the copy sent on with a transferred one is
    # still printed and kept with it.
    _locked_states = ("processed",)
    _deletable_states = ()
    _danvan_locked_attach = True
    _danvan_assignment_fields = ("handler_id", "department_id")
    # XLD-1, TC-3: counted from receipt through the calendar and the time limits.
    # XLD-12: the 45-day ceiling follows the calendar and the table too.
    _danvan_deadline_fields = {
        "date_deadline": "date_received",
        "discipline_date": "date_received",
    }
    # TC-13: the letter names its senders, as real letters do.
    _danvan_logged_fields = frozenset({"summary", "content", "redact_terms"})
    _order = "date_received desc, id desc"
    _danvan_regime_date = "date_received"
    _rec_name = "number"
    # Its units, people and linked records are of its agency (issue 15, item 4).
    _check_company_auto = True

    number = fields.Char(
        string="Register Number",
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: self.env._("New"),
        help="Its line in the petition register (Circular 05/2021/TT-TTCP).",
    )
    date_received = fields.Date(
        string="Received On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    source = fields.Selection(
        [
            ("post", "By post"),
            ("direct", "In person"),
            ("box", "Suggestion box"),
            ("deputy", "Transferred by a deputy"),
            ("front", "Transferred by the Fatherland Front"),
            ("press", "Transferred by the press"),
            ("agency", "Transferred by another agency"),
            ("leadership", "Handed over by leadership"),
            ("electronic", "Electronic or portal"),
        ],
        required=True,
        default="post",
        tracking=True,
        help="Article 5 of Circular 05/2021/TT-TTCP.",
    )
    summary = fields.Char(required=True, tracking=True, prefetch=LOGGED_PREFETCH)
    content = fields.Html(prefetch=LOGGED_PREFETCH)
    petition_type = fields.Selection(
        [
            ("complaint", "Complaint (khiếu nại)"),
            ("denunciation", "Denunciation (tố cáo)"),
            ("petition", "Petition or feedback (kiến nghị, phản ánh)"),
            ("mixed", "Several contents"),
        ],
        string="Content Type",
        tracking=True,
        help="Article 6 of Circular 05/2021/TT-TTCP.",
    )
    was_denunciation = fields.Boolean(
        string="Received as a Denunciation",
        readonly=True,
        copy=False,
        help="Once classified as a denunciation, its sender stays a denouncer, "
        "whatever its later type (Article 47 of the Law on Denunciations 2018).",
    )
    is_anonymous = fields.Boolean(
        string="Anonymous",
        tracking=True,
        help="No full name and address of the sender (Article 6 of Circular "
        "05/2021/TT-TTCP).",
    )
    # TC-12: the denouncer asks that their name, address and handwriting be
    # kept secret, or for other protection; online reception and the national
    # outbox read it.
    protection_requested = fields.Boolean(
        tracking=True,
        help="The denouncer asks to keep their identity secret or for other "
        "protection (Article 47 of the Law on Denunciations 2018).",
    )
    national_destination = fields.Selection(
        DESTINATIONS,
        string="Transferred To (Class)",
        tracking=True,
        help="The class of the body a petition is transferred to, as the "
        "national database records it (Article 6 of Decree 55/2022/NĐ-CP).",
    )
    qualified = fields.Selection(
        [("yes", "Qualified for processing"), ("no", "Not qualified")],
        string="Processing Conditions",
        tracking=True,
    )
    unqualified_reason = fields.Selection(
        [
            ("anonymous", "Anonymous"),
            ("illegible", "Torn, erased or illegible"),
            ("forbidden", "Forbidden content or insults"),
            ("duplicate", "Duplicate of a petition already handled"),
            ("settled", "Already finally settled, nothing new"),
            ("other", "Other"),
        ],
        tracking=True,
        help="Article 6 of Circular 05/2021/TT-TTCP.",
    )
    within_competence = fields.Boolean(
        string="Within Our Competence", default=True, tracking=True
    )
    competent_body = fields.Char(
        help="The body competent to handle it, when it is not this agency."
    )
    duplicate_of_id = fields.Many2one(
        "danvan.petition",
        string="Duplicate Of",
        index=True,
        tracking=True,
        help="The earlier petition with the same content (Article 6 of Circular "
        "05/2021/TT-TTCP).",
    )
    duplicate_ids = fields.One2many(
        "danvan.petition", "duplicate_of_id", string="Duplicates"
    )
    sender_ids = fields.One2many("danvan.petition.sender", "petition_id")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Attached Documents",
        help="The letter as received and the documents that came with it.",
    )
    date_deadline = fields.Date(
        string="Processing Deadline",
        compute="_compute_date_deadline",
        store=True,
        index=True,
        help="10 working days from receipt (Circular 05/2021/TT-TTCP); 7 for a "
        "denunciation "
        "(Article 24 of the Law on Denunciations 2018), from the table of legal time "
        "limits.",
    )
    state = fields.Selection(
        [
            ("received", "Received"),
            ("classified", "Classified"),
            ("processed", "Processed"),
        ],
        string="Status",
        required=True,
        default="received",
        index=True,
        copy=False,
        tracking=True,
    )
    outcome = fields.Selection(
        [
            ("accept", "Proposed for acceptance"),
            ("guide", "Guided to the competent body"),
            ("transfer", "Transferred"),
            ("answer", "Answered"),
            ("file", "Filed without action"),
        ],
        tracking=True,
        copy=False,
        help="Exactly one result per petition (Circular 05/2021/TT-TTCP).",
    )
    outcome_note = fields.Text(
        string="Letter Text",
        help="The substance of the answer or of the guidance, printed in the "
        "official letter.",
    )
    processing_extended = fields.Boolean(
        string="Extended to 10 Working Days",
        tracking=True,
        help="A denunciation to check at several places, or through others, is "
        "processed in 10 working days instead of 7 (Article 24 of the Law on "
        "Denunciations 2018).",
    )
    complaint_ids = fields.One2many("danvan.complaint", "petition_id")
    denunciation_ids = fields.One2many("danvan.denunciation", "petition_id")
    date_processed = fields.Date(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    # TC-13 (2): the copy without the denouncer, as the officer confirmed it.
    redact_terms = fields.Text(
        string="Other Persons to Remove",
        help="Names, addresses or numbers of other citizens named in the letter "
        "(a witness, a neighbour), one per line: the copy without the denouncer "
        "removes them too. Kept as confidential as the letter.",
        prefetch=LOGGED_PREFETCH,
    )
    # The confirmed copy is computed only to be dropped when what it was made
    # from changes; the preview writes it (with its sources, which wins).
    redacted_summary = fields.Char(
        compute="_compute_redacted_copy", store=True, readonly=False, copy=False
    )
    redacted_content = fields.Html(
        string="Copy Without the Denouncer",
        compute="_compute_redacted_copy",
        store=True,
        readonly=False,
        copy=False,
        help="The letter without its senders' identity, as the officer previewed "
        "and confirmed it: the copy the verification team reads and the one sent "
        "with a transferred denunciation (Article 56 of the Law on Denunciations "
        "2018).",
    )
    redacted_by_id = fields.Many2one(
        "res.users",
        string="Copy Confirmed By",
        compute="_compute_redacted_copy",
        store=True,
        readonly=False,
        copy=False,
    )
    date_redacted = fields.Datetime(
        string="Copy Confirmed On",
        compute="_compute_redacted_copy",
        store=True,
        readonly=False,
        copy=False,
    )
    # Online submission (XLD-2): the citizen follows the petition with a
    # public code and a secret; only a hash of the secret is kept.
    portal_code = fields.Char(
        string="Tracking Code",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Given to the citizen who submitted it on the website.",
    )
    portal_secret_hash = fields.Char(copy=False, groups="base.group_system")
    portal_token_hash = fields.Char(
        copy=False,
        groups="base.group_system",
        help="Hash of the one-time token of the website form: submitting the "
        "same form twice registers one petition.",
    )
    portal_email = fields.Char(
        string="E-mail for Status Updates",
        copy=False,
        groups="base.group_system",
        help="Where the public status goes. Kept from the officers: for a "
        "denouncer it identifies them (Article 56 of the Law on Denunciations 2018).",
    )

    _sql_constraints = [
        (
            "portal_code_unique",
            "UNIQUE (portal_code)",
            "This tracking code is already used.",
        ),
        (
            "portal_token_hash_unique",
            "UNIQUE (portal_token_hash)",
            "This form was already submitted.",
        ),
    ]

    def init(self):
        """Indexes of the register's lists at a province's size (issue 15):
        the default order, and the open petitions, which are few, by handler
        in that order (the officer's list) and by deadline (the overdue
        count and the deadline cron)."""
        result = super().init()
        # The open ones hold what their counts and the officers' record rule
        # read, so that the database answers from the index alone.
        open_petitions = "active AND state IN ('received', 'classified')"
        for name, expressions, where in (
            ("order", ["date_received DESC", "id DESC"], ""),
            (
                "open_handler",
                [
                    "handler_id",
                    "date_received DESC",
                    "id DESC",
                    "state",
                    "date_deadline",
                ],
                open_petitions,
            ),
            (
                "open_deadline",
                ["date_deadline", "handler_id", "id", "state", "company_id"],
                open_petitions,
            ),
        ):
            create_index(
                self.env.cr,
                f"{self._table}_{name}_index",
                self._table,
                expressions,
                where=where,
            )
        return result

    @api.depends(
        "date_received", "petition_type", "within_competence", "processing_extended"
    )
    def _compute_date_deadline(self):
        Limit = self.env["danvan.time.limit"]
        for petition in self:
            if not petition.date_received:
                petition.date_deadline = False
                continue
            code, variant = "petition_processing", "normal"
            if petition.petition_type == "denunciation":
                # TC-3: 7 working days, 10 when extended; 5 to transfer it.
                if not petition.within_competence:
                    code = "denunciation_transfer"
                else:
                    code = "denunciation_preliminary"
                    variant = "complex" if petition.processing_extended else "normal"
            petition.date_deadline = Limit.compute_deadline(
                code, petition.date_received, variant
            )

    def _deadline_open_domain(self):
        return [("state", "in", OPEN_STATES)]

    @api.constrains("date_received")
    def _check_date_received(self):
        """Received on a day that has come, and not after its case was
        accepted (XLD-3)."""
        check_dates(self, ["date_received"])
        for petition in self:
            check_past_dates(
                petition, ["date_received"], petition.company_id._danvan_today()
            )
        # Only a processed petition has cases: no query for the others.
        processed = self.filtered(lambda p: p.state == "processed")
        processed.complaint_ids._check_case_dates()
        processed.denunciation_ids._check_case_dates()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("number", self.env._("New")) == self.env._("New"):
                company = self.env["res.company"].browse(vals.get("company_id"))
                # Each agency numbers from 1 (issue 15, item 4).
                sequence = (company or self.env.company)._danvan_document_sequence(
                    "danvan.petition"
                )
                vals["number"] = sequence.next_by_id()
        petitions = super().create(vals_list)
        petitions.filtered(lambda p: p.state == "processed")._national_report()
        return petitions

    @api.depends(*REDACTION_SOURCES)
    def _compute_redacted_copy(self):
        """The letter or a sender changed: the confirmed copy may name him
        now, the officer previews it again (TC-13 (2))."""
        self.redacted_summary = self.redacted_content = False
        self.redacted_by_id = self.date_redacted = False

    @api.model
    def _danvan_free_fields(self):
        """A processed petition is still handed over with its case (by
        leadership, see the confidential mixin), and the copy without the
        denouncer is still confirmed for its case's team."""
        free = super()._danvan_free_fields() | set(self._danvan_assignment_fields)
        if self._danvan_redaction_confirmed():
            free |= {*REDACTED_FIELDS, "redact_terms"}
        return free

    def _danvan_redaction_confirmed(self):
        return self.env.context.get(_REDACTION_KEY) is _REDACTION

    def write(self, vals):
        """Tell the citizen who submitted online of the new public status."""
        if (
            not self.env.su
            and not self._danvan_redaction_confirmed()
            and vals.keys() & set(REDACTED_FIELDS)
        ):
            raise UserError(
                self.env._(
                    "The copy without the denouncer is made only by previewing "
                    "and confirming it (button 'Preview the Copy')."
                )
            )
        moved = processing = self.browse()
        if vals.get("state") in PORTAL_NOTIFIED_STATES:
            moved = self.filtered(lambda p: p.state != vals["state"])
        if vals.get("state") == "processed":
            processing = self.filtered(lambda p: p.state != "processed")
        result = super().write(vals)
        moved._portal_send_mail("danvan_complaints.mail_template_petition_status")
        processing._national_report()
        return result

    def action_classify(self):
        """Content type, processing conditions and competence are required."""
        for petition in self:
            if not petition.petition_type or not petition.qualified:
                raise UserError(
                    self.env._(
                        "%s: give its content type and its processing conditions.",
                        petition.number,
                    )
                )
            if petition.qualified == "no" and not petition.unqualified_reason:
                raise UserError(
                    self.env._("%s: say why it is not qualified.", petition.number)
                )
            if petition._is_anonymous_denunciation() and petition.qualified == "yes":
                raise UserError(
                    self.env._(
                        "%(number)s: %(reason)s",
                        number=petition.number,
                        reason=petition._anonymous_denunciation_message(),
                    )
                )
        return self._transition("action_classify")

    def _is_anonymous_denunciation(self):
        return self.is_anonymous and self.petition_type == "denunciation"

    def _anonymous_denunciation_message(self):
        """TC-4, XLD-7: not settled as a denunciation, kept as information."""
        return self.env._(
            "An anonymous denunciation is not accepted for settlement (Article 25 "
            "of the Law on Denunciations 2018). Classify it as not qualified "
            "(anonymous); if it names a violator with specific, verifiable "
            "evidence, use it as information for an inspection within the "
            "agency's powers."
        )

    @api.onchange("is_anonymous", "petition_type")
    def _onchange_anonymous_denunciation(self):
        """Warn as soon as the letter is known to be an anonymous denunciation."""
        if not self._is_anonymous_denunciation() or self.qualified == "no":
            return None
        self.qualified = "no"
        self.unqualified_reason = "anonymous"
        return {
            "warning": {
                "title": self.env._("Anonymous denunciation"),
                "message": self._anonymous_denunciation_message(),
            }
        }

    def action_reopen(self):
        return self._transition("action_reopen")

    def action_process(self):
        """Record the one outcome (XLD-9) and close the petition."""
        for petition in self:
            petition._check_outcome()
        self._transition(
            "action_process", {"date_processed": fields.Date.context_today(self)}
        )
        transferred = self.filtered(
            lambda p: p.outcome == "transfer" and p.was_denunciation
        )
        if transferred:
            # TC-13 (2): the copy sent on is stripped of the denouncer; the report
            # keeps it as an attachment of the petition.
            self.env["ir.actions.report"]._render_qweb_pdf(
                "danvan_complaints.action_report_danvan_petition_redacted",
                transferred.ids,
            )
        # XLD-12: once processed, the head's to-do about the 45 days is done.
        flagged = self.filtered("discipline_flagged")
        if flagged:
            flagged._danvan_activities_done(
                "danvan_complaints.mail_activity_danvan_discipline"
            )
        cases = self._open_cases()
        if len(cases) == 1:
            return cases[0]._get_records_action()
        return True

    def _open_cases(self):
        """A complaint or a denunciation accepted for settlement becomes a case
        to accept (KN-6, TC-5); one create per kind of case."""
        cases = []
        for petition_type, model in (
            ("complaint", "danvan.complaint"),
            ("denunciation", "danvan.denunciation"),
        ):
            accepted = self.filtered(
                lambda p, t=petition_type: p.outcome == "accept"
                and p.petition_type == t
            )
            if accepted:
                cases += self.env[model].create(
                    [
                        {
                            "petition_id": petition.id,
                            "company_id": petition.company_id.id,
                            "handler_id": petition.handler_id.id,
                            "department_id": petition.department_id.id,
                        }
                        for petition in accepted
                    ]
                )
        return cases

    def _check_denunciation_copy(self):
        if not all(self.mapped("was_denunciation")):
            raise UserError(
                self.env._("Only a denunciation is copied without its sender.")
            )

    def _check_redacted_copy(self):
        """The copy is printed or sent only once the officer has read and
        confirmed it (TC-13 (2))."""
        missing = self.sudo().filtered(lambda p: not p.date_redacted)
        if missing:
            raise UserError(
                self.env._(
                    "%s: the copy without the denouncer has not been previewed and "
                    "confirmed yet. The officer handling the petition previews it "
                    "(button 'Preview the Copy') and confirms that it names nobody "
                    "(Article 56 of the Law on Denunciations 2018).",
                    ", ".join(missing.mapped("number")),
                )
            )

    def action_preview_redacted(self):
        """The copy without the denouncer, to read and confirm (TC-13 (2))."""
        self.ensure_one()
        self._check_denunciation_copy()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Copy Without the Denouncer"),
            "res_model": "danvan.redaction.preview",
            "view_mode": "form",
            "target": "new",
            # The terms are read with the copy the preview makes, and logged
            # with it (TC-13).
            "context": {
                "default_petition_id": self.id,
                "default_redact_terms": self.sudo().redact_terms,
            },
        }

    def _confirm_redacted(self, terms, summary, content):
        """Keep the copy the officer read in the preview (TC-13 (2)), and say
        so in the chatter: who confirmed the copy the team reads."""
        self.ensure_one()
        self._check_denunciation_copy()
        self.with_context(**{_REDACTION_KEY: _REDACTION}).write(
            {
                "redact_terms": terms,
                "redacted_summary": summary,
                "redacted_content": content,
                "redacted_by_id": self.env.uid,
                "date_redacted": fields.Datetime.now(),
            }
        )
        agency = self.with_env(self._agency_env())
        self.message_post(
            body=agency.env._(
                "Copy without the denouncer confirmed by %s.", self.env.user.name
            ),
            subtype_xmlid="mail.mt_note",
        )

    def action_print_redacted(self):
        """A copy of the letter without the denouncer's identity (TC-13)."""
        self._check_denunciation_copy()
        self._check_redacted_copy()
        return self.env.ref(
            "danvan_complaints.action_report_danvan_petition_redacted"
        ).report_action(self)

    def _redact(self, terms):
        """The summary and the letter without the senders' identity nor the
        other persons in ``terms`` (one per line): see ``tools/redaction.py``
        for what is removed. The letter and its senders are read under sudo:
        their identity is only used to remove it, and shown to nobody; making
        the copy reads them, which is logged as such."""
        self.ensure_one()
        senders = self._identity_persons()
        Log = self.env["danvan.identity.access"]
        Log._log(self, "redacted")
        Log._log(senders, "redacted")
        letter = self.sudo()
        agency = self.with_context(lang=self.company_id._danvan_lang())
        redactor = Redactor(
            agency.env._("[removed]"),
            names=senders.mapped("name"),
            addresses=senders.mapped("address"),
            numbers=senders.mapped("identity_number") + senders.mapped("phone"),
            emails=senders.mapped("email"),
            terms=(terms or "").splitlines(),
        )
        return redactor.redact_text(letter.summary), redactor.redact_html(
            letter.content
        )

    def _identity_persons(self):
        """The persons whose identity the petition's letter and attachments
        carry, for the access log (TC-13)."""
        return self.sudo().sender_ids

    def _danvan_reader_dependents(self):
        """Its cases and the visits it was registered from are read by its
        handler too (see the record rules)."""
        petitions = self.sudo()
        visits = (
            self.env["danvan.reception.visit"]
            .sudo()
            .search([("petition_id", "in", petitions.ids)])
        )
        return [petitions.complaint_ids, petitions.denunciation_ids, visits]

    def action_print_letter(self):
        """The official letter of the outcome (guide, transfer, answer)."""
        if any(p.outcome not in ("guide", "transfer", "answer") for p in self):
            raise UserError(
                self.env._(
                    "Only guiding, transferring and answering are done by letter."
                )
            )
        return self.env.ref(
            "danvan_complaints.action_report_danvan_petition_letter"
        ).report_action(self)

    def _letter_values(self):
        """Addressee and subject of the outcome letter (công văn, VB-7)."""
        self.ensure_one()
        senders = self.sender_ids
        if self.outcome == "transfer":
            addressee = self.competent_body
            subject = self.env._("Transfer of a petition")
        elif self.outcome == "guide":
            addressee = ", ".join(senders.mapped("name"))
            subject = self.env._("Guidance on where to send a petition")
        else:
            addressee = ", ".join(senders.mapped("name"))
            subject = self.env._("Answer to a petition")
        return {
            "addressee": addressee,
            "letter_subject": subject,
            "doc_symbol": self.company_id.danvan_agency_code,
            "agency": self.company_id.danvan_agency_name or self.company_id.name,
            "confidential": self.was_denunciation,
        }

    def _check_outcome(self):
        self.ensure_one()
        outcome = self.outcome
        if not outcome:
            raise UserError(self.env._("%s: choose its outcome.", self.number))
        if self.petition_type not in OUTCOME_TYPES[outcome]:
            raise ValidationError(
                self.env._(
                    "%(number)s: '%(outcome)s' is not an outcome of this kind of "
                    "petition (Circular 05/2021/TT-TTCP).",
                    number=self.number,
                    outcome=self._fields["outcome"].convert_to_export(outcome, self),
                )
            )
        if self.qualified == "no" and outcome != "file":
            raise ValidationError(
                self.env._(
                    "%s is not qualified for processing: it is filed (Article 6 of "
                    "Circular 05/2021/TT-TTCP).",
                    self.number,
                )
            )
        if outcome == "accept" and not self.handler_id:
            # TC-13: the case opened is seen by its handler and leadership only.
            raise UserError(
                self.env._(
                    "%s: assign its handler before proposing it for acceptance: "
                    "the case opened from it is theirs to settle.",
                    self.number,
                )
            )
        if outcome == "accept" and not self.within_competence:
            raise ValidationError(
                self.env._(
                    "%s is outside the agency's competence: guide or transfer it.",
                    self.number,
                )
            )
        if outcome in ("guide", "transfer") and self.within_competence:
            raise ValidationError(
                self.env._(
                    "%s is within the agency's competence: it is not guided or "
                    "transferred elsewhere.",
                    self.number,
                )
            )
        if outcome == "guide" and self.duplicate_of_id.outcome == "guide":
            raise ValidationError(
                self.env._(
                    "%(number)s repeats %(first)s, already guided: a complainant "
                    "is guided once (Circular 05/2021/TT-TTCP); file it.",
                    number=self.number,
                    first=self.duplicate_of_id.number,
                )
            )
        if (
            self.is_anonymous
            and self.petition_type != "denunciation"
            and outcome != "file"
        ):
            raise ValidationError(
                self.env._(
                    "%s is anonymous: only a denunciation with a basis for "
                    "verification is processed (Article 6 of Circular 05/2021/TT-TTCP, "
                    "Article 25 of the Law on Denunciations 2018); file it.",
                    self.number,
                )
            )
        if outcome == "transfer" and self.was_denunciation:
            # TC-13 (2): the copy sent on is the one the officer confirmed,
            # also for a denunciation since reclassified.
            self._check_redacted_copy()

    # Online submission and tracking (issue 5, item 8)

    @api.model
    def _portal_encode(self, hexdigest, length):
        number = int(hexdigest, 16)
        chars = []
        for _index in range(length):
            number, digit = divmod(number, len(PORTAL_ALPHABET))
            chars.append(PORTAL_ALPHABET[digit])
        return "".join(chars)

    @api.model
    def _portal_keys(self, token):
        """The tracking code and the secret of the website form whose one-time
        token is ``token``. The same form always gives the same keys, so that a
        double submit shows the same receipt; without the database secret
        neither can be computed, and neither is stored in clear."""
        env = self.env(su=True)
        code = self._portal_encode(
            hmac(env, "danvan_complaints.portal_code", token), PORTAL_CODE_LENGTH
        )
        secret = self._portal_encode(
            hmac(env, "danvan_complaints.portal_secret", token), PORTAL_SECRET_LENGTH
        )
        return f"DV-{code}", secret

    @api.model
    def _portal_hash_secret(self, secret):
        return hmac(self.env(su=True), "danvan_complaints.portal_secret_hash", secret)

    @api.model
    def _portal_hash_token(self, token):
        return hashlib.sha256(token.encode()).hexdigest()

    @api.model
    def _portal_find_token(self, token):
        """The petition already registered from this form, if any."""
        return (
            self.sudo()
            .with_context(active_test=False)
            .search([("portal_token_hash", "=", self._portal_hash_token(token))])
        )

    @api.model
    def _portal_find(self, code, secret):
        """The petition of this tracking code and secret, or an empty
        recordset: a wrong code and a wrong secret give the same answer."""
        petition = self.browse()
        if code:
            petition = (
                self.sudo()
                .with_context(active_test=False)
                .search([("portal_code", "=", code)], limit=1)
            )
        given = self._portal_hash_secret(secret or "")
        if petition and consteq(petition.portal_secret_hash or "", given):
            return petition
        return self.browse()

    @api.model
    def _portal_create(self, token, values, sender_values, files):
        """Register a petition submitted on the website (XLD-2, XLD-3), with
        its sender and its files, and return it with its code and secret.

        Everything was validated before: this only writes. The sender of a
        denunciation is kept in ``danvan.petition.sender`` under its record
        rules (TC-12); no handler is set, leadership assigns one.
        """
        code, secret = self._portal_keys(token)
        petition = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(
                dict(
                    values,
                    source="electronic",
                    handler_id=False,
                    portal_code=code,
                    portal_token_hash=self._portal_hash_token(token),
                    portal_secret_hash=self._portal_hash_secret(secret),
                    sender_ids=[Command.create(sender_values)] if sender_values else [],
                )
            )
        )
        petition.attachment_ids = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "raw": data,
                        "mimetype": mimetype,
                        "res_model": self._name,
                        "res_id": petition.id,
                        "public": False,
                    }
                    for name, data, mimetype in files
                ]
            )
        )
        petition._portal_send_mail("danvan_complaints.mail_template_petition_received")
        return petition, code, secret

    def _portal_status(self):
        """What the citizen may see of the petition and of its case, in plain
        words, and nothing more: no content, no note, no officer, no other
        person (TC-13). The case's steps are those the sender is told of
        (KN-6, KN-14, TC-5, TC-6, TC-9, TC-11) and its decision is shown once
        published (KN-13, TC-10)."""
        self.ensure_one()
        _ = self.env._
        outcomes = {
            "accept": _("Sent for settlement"),
            "guide": _("You were guided to the competent body"),
            "transfer": _("Transferred to the competent body"),
            "answer": _("Answered by letter"),
            "file": _("Filed without further action"),
        }
        status = {
            "code": self.portal_code,
            "date_received": self.date_received,
            "state": self.state,
            "state_label": {
                "received": _("Received"),
                "classified": _("Being processed"),
                "processed": _("Processed"),
            }.get(self.state, ""),
            "date_deadline": self.state != "processed" and self.date_deadline,
            "outcome_label": self.state == "processed"
            and outcomes.get(self.outcome)
            or "",
            "steps": [(self.date_received, _("Petition received"))],
            "case_state": False,
            "decision": False,
        }
        if self.state == "processed":
            status["steps"].append((self.date_processed, status["outcome_label"]))
        case = (self.sudo().complaint_ids or self.sudo().denunciation_ids)[:1]
        if case:
            status.update(self._portal_case_status(case))
        return status

    def _portal_case_status(self, case):
        """The public side of the complaint or denunciation case: its stage,
        its deadline, its dated steps and, once published, its decision or
        conclusion by number, date and finding, never its text, which may name
        the denouncer (TC-10, TC-13)."""
        _ = self.env._
        complaint = case._name == "danvan.complaint"
        number, date = case.settlement_number, case.date_settled
        when = date.strftime("%d/%m/%Y") if date else ""
        # One whole sentence per kind of case, as translators need them.
        if complaint:
            examined = _("Being examined for acceptance as a complaint")
            settling = _("Accepted as a complaint, being settled")
            accepted = _("Accepted for settlement as a complaint")
            refused = _("Not accepted for settlement as a complaint")
            published = _("Decision published")
            decided = _(
                "Decision on the complaint No. %(number)s of %(date)s",
                number=number,
                date=when,
            )
        else:
            examined = _("Being examined for acceptance as a denunciation")
            settling = _("Accepted as a denunciation, being settled")
            accepted = _("Accepted for settlement as a denunciation")
            refused = _("Not accepted for settlement as a denunciation")
            published = _("Conclusion published")
            decided = _(
                "Conclusion on the denunciation No. %(number)s of %(date)s",
                number=number,
                date=when,
            )
        stage = {
            "draft": examined,
            "accepted": settling,
            "suspended": _("Settlement suspended"),
            "settled": decided,
            "closed": decided,
            "refused": refused,
            "terminated": _("Settlement terminated"),
        }.get(case.state, "")
        events = {
            "acceptance": accepted,
            "refusal": refused,
            "extension": _("Time limit of the settlement extended"),
            "suspension": _("Settlement suspended"),
            "resumption": _("Settlement resumed"),
            "termination": _("Settlement terminated"),
            "decision": decided,
            "publication": published,
        }
        steps = [
            (event.date, events[event.kind])
            for event in case.event_ids.sorted(lambda e: (e.date, e.id))
            if event.kind in events
        ]
        decision = False
        if case.state == "closed" and case.date_published:
            labels = {
                name: dict(case._fields[name]._description_selection(self.env))
                for name in ("conclusion", "measure")
                if name in case._fields
            }
            decision = {
                "title": decided,
                "finding": labels["conclusion"].get(case.conclusion, ""),
                "measure": complaint and labels["measure"].get(case.measure, ""),
                "date_published": case.date_published,
            }
        return {
            "state_label": stage,
            "case_state": case.state,
            "date_deadline": case.state == "accepted" and case.date_deadline,
            "steps": steps,
            "decision": decision,
        }

    def _portal_send_mail(self, template_xmlid):
        """The public status by e-mail to the address the citizen gave, when
        there is one. The templates never name the sender (TC-13)."""
        petitions = self.sudo().filtered("portal_email")
        if petitions:
            template = self.env.ref(template_xmlid).sudo()
            template.send_mail_batch(petitions.ids)

    @api.constrains("protection_requested", "petition_type")
    def _check_online_protection(self):
        """TCD-16: a denouncer received online who asks for protection is
        received in person instead."""
        self.env["danvan.reception.visit"].sudo().search(
            [("petition_id", "in", self.ids)]
        )._check_online_protection()

    # XLD-12: a petition left unprocessed 45 days after its receipt exposes
    # the leader to dismissal (Article 41(3)(b) of Decree 154/2026/NĐ-CP).
    # The 45 days are a row of the table of legal time limits, in calendar
    # days (CAL-4, CAL-6), from the day the rule is in force: a petition
    # received before has no such date.
    discipline_date = fields.Date(
        string="Discipline Ceiling",
        compute="_compute_discipline_date",
        store=True,
        index=True,
        help="A petition still unprocessed after this day, without a valid reason, "
        "exposes the leader to dismissal (Article 41 of Decree 154/2026/NĐ-CP).",
    )
    discipline_overdue = fields.Boolean(
        string="Unprocessed Past the Ceiling",
        compute="_compute_discipline_overdue",
        search="_search_discipline_overdue",
    )
    discipline_flagged = fields.Boolean(
        string="Flagged to Leadership",
        readonly=True,
        copy=False,
        help="The head was given a to-do about this petition once it passed the "
        "ceiling.",
    )

    @api.depends("date_received")
    def _compute_discipline_date(self):
        Limit = self.env["danvan.time.limit"].with_context(danvan_limit_fallback=True)
        for petition in self:
            received = petition.date_received
            petition.discipline_date = received and Limit.compute_deadline(
                "petition_discipline", received
            )

    def _discipline_today(self):
        return fields.Date.context_today(self)

    @api.depends("discipline_date", "state")
    def _compute_discipline_overdue(self):
        today = self._discipline_today()
        for petition in self:
            petition.discipline_overdue = bool(
                petition.state != "processed"
                and petition.discipline_date
                and petition.discipline_date < today
            )

    def _search_discipline_overdue(self, operator, value):
        domain = [
            ("state", "in", OPEN_STATES),
            ("discipline_date", "<", self._discipline_today()),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", "&", *domain]

    @api.model
    def _discipline_heads(self, company):
        """Whoever answers for the agency's petitions: its head, else
        leadership."""
        return company.danvan_head_user_id or self._danvan_approvers()

    @api.model
    def _cron_flag_discipline(self, batch_size=DEADLINE_BATCH):
        """Once per petition past the 45 days: a to-do for the head (XLD-12).
        In batches the cron runner commits, as the deadline crons
        (danvan.deadline.mixin): a catch-up of many petitions never outlasts
        the cron's time limit, and none is flagged twice."""
        batch, count = self.sudo()._danvan_cron_batch(
            [("discipline_overdue", "=", True), ("discipline_flagged", "=", False)],
            "discipline_date, id",
            batch_size,
        )
        kind = self.env.ref("danvan_complaints.mail_activity_danvan_discipline")
        today = fields.Date.context_today(self)
        activities = []
        for petition in batch:
            agency = petition._agency_env()
            activities += petition._danvan_activity_values(
                kind.with_env(agency),
                self._discipline_heads(petition.company_id),
                agency._(
                    "Unprocessed since %s: past the 45 days of Decree 154/2026/NĐ-CP",
                    petition.date_received.strftime("%d/%m/%Y"),
                ),
                today,
            )
        batch._danvan_create_activities(activities)
        batch.write({"discipline_flagged": True})
        self._danvan_cron_progress(len(batch), count - len(batch))
        return True

    def _national_report(self):
        """NDB-2: the one outcome of a petition's processing (ND55 Art. 6:
        type, qualified, competence, transferred and where, guided, filed)."""
        Entry = self.env["danvan.national.entry"]
        vals_list = []
        for petition in self.sudo():
            agency = petition.with_env(petition._agency_env())
            senders = petition.sender_ids
            protected = petition.protection_requested
            vals_list.append(
                {
                    "company_id": petition.company_id.id,
                    "kind": "petition",
                    "step_code": "processed",
                    "step": agency.env._("Petition processed"),
                    "event_date": petition.date_processed
                    or petition.company_id._danvan_today(),
                    "res_model": petition._name,
                    "res_id": petition.id,
                    "source_number": petition.number,
                    "petition_number": petition.number,
                    **Entry._national_identity(senders),
                    "people_count": len(senders),
                    "content": Entry.with_env(agency.env)._national_content(
                        petition.summary, senders, protected
                    ),
                    "petition_type": petition.petition_type,
                    "qualified": petition.qualified,
                    "within_competence": "yes" if petition.within_competence else "no",
                    "result_code": petition.outcome,
                    "result": Entry._label(agency, "outcome"),
                    "destination": petition.national_destination
                    if petition.outcome == "transfer"
                    else False,
                    "competent_body": petition.competent_body or False,
                    "protection_requested": protected,
                }
            )
        return Entry._national_record(vals_list)
