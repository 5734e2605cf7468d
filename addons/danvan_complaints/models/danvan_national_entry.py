"""The outbox for the national database of citizen reception, petition
processing, complaints and denunciations (CSDL quốc gia, domain-vn.md §0.3.4).

Each agency updates the national database "đầy đủ, kịp thời" with every
reception and every step of processing and settlement (ND154 Art. 27(1), new
ND124 Art. 30a, new ND31 Art. 19a), with the data of Decree 55/2022 Art. 6.
No public format or API of that database exists yet: the outbox keeps one row
per event, as it was when the event happened, until the Office reports it.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# Who sees the identity columns of the outbox: as for the senders and the
# citizens received, leadership (the head) only (TCD-11, TC-12).
IDENTITY_GROUPS = "danvan_base.group_danvan_leadership"
OFFICE_GROUP = "danvan_base.group_danvan_office"
# The fields of an entry that identify the citizen (ND55 Art. 6: name, address).
IDENTITY_FIELDS = ("person_name", "person_address", "person_identity")
# ND55 Art. 6: the class of body a petition was transferred to.
DESTINATIONS = [
    ("assembly", "National Assembly or People's Council"),
    ("administrative", "Administrative body"),
    ("judicial", "Judicial or enforcement body"),
    ("audit", "State Audit"),
    ("organisation", "Political or social organisation"),
    ("public_unit", "Public unit or state enterprise"),
    ("other", "Other"),
]
PETITION_TYPES = [
    ("complaint", "Complaint (khiếu nại)"),
    ("denunciation", "Denunciation (tố cáo)"),
    ("petition", "Petition or feedback (kiến nghị, phản ánh)"),
    ("mixed", "Several contents"),
]


class DanvanNationalEntry(models.Model):
    _name = "danvan.national.entry"
    _description = "National Database Entry"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.identity.log.mixin",
        "danvan.workflow.mixin",
    ]
    _order = "date_due, id"
    _transitions = {
        "action_mark_reported": ({"to_report"}, "reported", OFFICE_GROUP),
    }
    # What was reported is kept as it was reported; nothing is deleted.
    _locked_states = ("reported",)
    _deletable_states = ()
    # TC-13: every load of the identity columns is logged.
    _danvan_logged_fields = frozenset(IDENTITY_FIELDS)

    name = fields.Char(string="Number", readonly=True, copy=False, index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    kind = fields.Selection(
        [
            ("reception", "Citizen reception"),
            ("petition", "Petition processing"),
            ("complaint", "Complaint settlement"),
            ("denunciation", "Denunciation settlement"),
        ],
        required=True,
        readonly=True,
        index=True,
        help="Article 6 of Decree 55/2022/NĐ-CP.",
    )
    step_code = fields.Char(
        readonly=True,
        help="The step in the export file: 'reception', 'processed', or the "
        "kind of the case's event (acceptance, extension, decision...).",
    )
    step = fields.Char(readonly=True, help="The step, in the agency's language.")
    event_date = fields.Date(string="Date of the Event", required=True, readonly=True)
    res_model = fields.Char(string="Source Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", readonly=True, index=True
    )
    source_number = fields.Char(
        string="Register Number",
        readonly=True,
        help="The number of the visit, petition or case in the agency's register.",
    )
    petition_number = fields.Char(readonly=True)
    # ND55 Art. 6: name and address of the citizen. Confidential: leadership
    # only, and every load logged (TCD-11, TC-12, TC-13).
    person_name = fields.Char(
        string="Citizen's Name", readonly=True, groups=IDENTITY_GROUPS
    )
    person_address = fields.Char(
        string="Citizen's Address", readonly=True, groups=IDENTITY_GROUPS
    )
    person_identity = fields.Char(
        string="Identity Document", readonly=True, groups=IDENTITY_GROUPS
    )
    people_count = fields.Integer(string="Number of People", readonly=True)
    content = fields.Text(
        readonly=True,
        help="The summary of the content, without the identity of a denouncer "
        "who asked for protection.",
    )
    petition_type = fields.Selection(
        PETITION_TYPES, string="Classification", readonly=True
    )
    qualified = fields.Selection(
        [("yes", "Qualified for processing"), ("no", "Not qualified")],
        string="Processing Conditions",
        readonly=True,
    )
    within_competence = fields.Selection(
        [("yes", "Within competence"), ("no", "Outside competence")],
        string="Competence",
        readonly=True,
    )
    result_code = fields.Char(
        readonly=True,
        help="The result in the export file: the outcome of the petition, what "
        "was done at reception, the finding of a case.",
    )
    result = fields.Char(readonly=True, help="The result, in the agency's language.")
    destination = fields.Selection(
        DESTINATIONS,
        string="Transferred To (Class)",
        readonly=True,
        help="Article 6 of Decree 55/2022/NĐ-CP.",
    )
    competent_body = fields.Char(readonly=True)
    agency_name = fields.Char(readonly=True, help="The agency reporting the entry.")
    document_numbers = fields.Char(
        readonly=True,
        help="The numbers of the documents issued at this step.",
    )
    # TC-12: a denouncer who asked for protection is reported without
    # identity unless the Office decides otherwise.
    protection_requested = fields.Boolean(readonly=True)
    identity_disclosed = fields.Boolean(
        string="Identity Reported",
        readonly=True,
        tracking=True,
        help="The Office decided to report the identity of a denouncer who asked "
        "for protection.",
    )
    disclosure_user_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True, tracking=True
    )
    disclosure_date = fields.Datetime(string="Decided On", readonly=True)
    disclosure_reason = fields.Text(
        string="Reason of the Decision", readonly=True, tracking=True
    )
    identity_withheld = fields.Boolean(
        compute="_compute_identity_withheld",
        store=True,
        help="Exported without the citizen's name, address and identity document "
        "(Article 47 of the Law on Denunciations 2018).",
    )
    state = fields.Selection(
        [("to_report", "To report"), ("reported", "Reported")],
        string="Status",
        required=True,
        default="to_report",
        readonly=True,
        index=True,
        tracking=True,
    )
    date_due = fields.Date(
        string="Due Since",
        required=True,
        readonly=True,
        index=True,
        help="The day the entry became due: the national database is updated as "
        "soon as the event happens (Article 8 of Decree 55/2022/NĐ-CP).",
    )
    waiting_days = fields.Integer(
        string="Days Waiting",
        compute="_compute_waiting_days",
        help="Days since the entry became due, while it is not reported.",
    )
    export_id = fields.Many2one(
        "danvan.national.export", string="Export", readonly=True, index=True
    )
    date_reported = fields.Datetime(string="Reported On", readonly=True)
    overdue_warned = fields.Boolean(readonly=True, copy=False)

    @api.depends("protection_requested", "identity_disclosed")
    def _compute_identity_withheld(self):
        for entry in self:
            entry.identity_withheld = (
                entry.protection_requested and not entry.identity_disclosed
            )

    @api.depends("date_due", "state")
    def _compute_waiting_days(self):
        today = fields.Date.context_today(self)
        for entry in self:
            entry.waiting_days = (
                (today - entry.date_due).days
                if entry.state == "to_report" and entry.date_due
                else 0
            )

    @api.model_create_multi
    def create(self, vals_list):
        """An entry is made by the event it reports, never by hand: its data
        are those of the event as it happened."""
        if not self.env.su:
            raise UserError(
                self.env._(
                    "The entries of the national database are made by the "
                    "events they report."
                )
            )
        for vals in vals_list:
            if not vals.get("name"):
                company = self.env["res.company"].browse(vals.get("company_id"))
                # Each agency numbers from 1 (issue 15, item 4).
                sequence = (company or self.env.company)._danvan_document_sequence(
                    self._name
                )
                vals["name"] = sequence.next_by_id()
        return super().create(vals_list)

    def write(self, vals):
        """An entry keeps the snapshot of its event; only the code writes it
        (the Office's decision and the report are its methods)."""
        if not self.env.su and not self._danvan_gate_open():
            if not vals.keys() <= self._danvan_free_fields():
                raise UserError(
                    self.env._(
                        "An entry of the national database keeps the data of its "
                        "event as they were: it is not changed by hand."
                    )
                )
        return super().write(vals)

    def _identity_persons(self):
        return self

    def _identity_case_name(self):
        return self.sudo().name

    # Snapshot

    @api.model
    def _label(self, record, fname, value=None):
        """The label of a selection value, in the language of ``record.env``."""
        value = record[fname] if value is None else value
        if not value:
            return ""
        return dict(record._fields[fname]._description_selection(record.env)).get(
            value, value
        )

    @api.model
    def _national_record(self, vals_list):
        """Queue the entries of the events ``vals_list``, each with its
        snapshot."""
        vals_list = [vals for vals in vals_list if vals]
        if not vals_list:
            return self.browse()
        Company = self.env["res.company"].sudo()
        for vals in vals_list:
            company = Company.browse(vals.get("company_id")) or self.env.company
            vals.setdefault("agency_name", company.danvan_agency_name or company.name)
            # Due as soon as the event happens (ND55 Art. 8): a step recorded
            # late has waited since its day.
            today = company._danvan_today()
            day = fields.Date.to_date(vals.get("event_date")) or today
            vals.setdefault("date_due", min(day, today))
        return self.sudo().create(vals_list)

    @api.model
    def _national_identity(self, persons):
        """The identity columns of ``persons`` (senders or visitors)."""
        persons = persons.sudo()
        return {
            "person_name": "\n".join(filter(None, persons.mapped("name"))),
            "person_address": "\n".join(filter(None, persons.mapped("address"))),
            "person_identity": "\n".join(
                filter(None, persons.mapped("identity_number"))
            ),
        }

    @api.model
    def _national_content(self, text, persons, protected):
        """The content as reported: without the names, addresses and numbers
        of a denouncer who asked for protection (TC-12)."""
        text = text or ""
        if not protected:
            return text
        removed = self.env._("[removed]")
        persons = persons.sudo()
        for term in sorted(
            {
                *persons.mapped("name"),
                *persons.mapped("address"),
                *persons.mapped("identity_number"),
            }
            - {False, ""},
            key=len,
            reverse=True,
        ):
            text = text.replace(term, removed)
        return text

    # The Office's decision (TC-12)

    def action_disclose_identity(self, reason):
        """The Office decides to report the identity of a denouncer who asked
        for protection: who, when and why are kept with the entry."""
        if not self.env.user.has_group(OFFICE_GROUP):
            raise AccessError(
                self.env._("Only the Office decides what the national database gets.")
            )
        self.check_access("read")
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason for reporting the denouncer's identity.")
            )
        if any(entry.state != "to_report" for entry in self):
            raise UserError(self.env._("This entry has already been reported."))
        if any(not entry.protection_requested for entry in self):
            raise UserError(
                self.env._("The citizen of this entry did not ask for protection.")
            )
        self.sudo().write(
            {
                "identity_disclosed": True,
                "disclosure_user_id": self.env.uid,
                "disclosure_date": fields.Datetime.now(),
                "disclosure_reason": reason.strip(),
            }
        )
        return True

    def action_mark_reported(self, export=None):
        """Mark the entries reported (by an export or a connector)."""
        values = {"date_reported": fields.Datetime.now()}
        if export:
            values["export_id"] = export.id
        return self._transition("action_mark_reported", values)

    # What waits (ND154 Art. 27(3): the head answers for a database not
    # updated)

    @api.model
    def _national_wait_days(self):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("danvan_complaints.national_wait_days", 3)
        )

    @api.model
    def _national_office_users(self):
        """The Office's officers, not leadership nor administrators: those who
        report; leadership when the agency has no such officer."""
        office = self.env.ref(OFFICE_GROUP).sudo().users
        leaders = self.env.ref("danvan_base.group_danvan_leadership").sudo().users
        office = office.filtered(lambda user: user.active and not user.share)
        return (office - leaders) or office

    @api.model
    def _cron_warn_waiting(self):
        """Warn the Office, once, of the entries waiting more than the days of
        the setting: a to-do on the oldest entry of each agency."""
        today = fields.Date.context_today(self)
        limit = fields.Date.subtract(today, days=self._national_wait_days())
        entries = self.sudo().search(
            [
                ("state", "=", "to_report"),
                ("overdue_warned", "=", False),
                ("date_due", "<", limit),
            ]
        )
        users = self._national_office_users()
        for _company, group in entries.grouped("company_id").items():
            oldest = group.sorted(lambda e: (e.date_due, e.id))[0]
            agency = oldest.with_env(oldest._agency_env())
            summary = agency.env._(
                "%(count)s entries wait to be reported to the national database "
                "since %(date)s",
                count=len(group),
                date=oldest.date_due.strftime("%d/%m/%Y"),
            )
            for user in users:
                oldest.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=summary,
                    user_id=user.id,
                )
        entries.write({"overdue_warned": True})
