"""The annual conference of civil servants, public employees and workers
(Hội nghị cán bộ, công chức, viên chức, người lao động; DC-5 to DC-10,
Articles 49 to 52 of Luật 10/2022/QH15).

The head convenes it with the union once a year, no later than three months
after the work year ends (DC-6). The headcount at convening decides who
attends (DC-7); it is valid with at least two thirds of them present, and a
resolution passes with more than half of those present in favour (DC-8).
"""

from collections import namedtuple
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_value

from .res_company import STAFF_CATEGORIES

TRANSITIONS = {
    "action_convene": (("draft",), "convened", "danvan_base.group_danvan_office"),
    # DC-5: the first convocation lacked quorum: the conference is convened
    # a second time, with its attendance counted again.
    "action_reconvene": (("convened",), "convened", "danvan_base.group_danvan_office"),
    "action_open": (("convened",), "in_session", "danvan_base.group_danvan_office"),
    "action_close": (
        ("in_session", "ballot"),
        "done",
        "danvan_base.group_danvan_office",
    ),
    # DC-5: a second convocation still without quorum: a written ballot.
    "action_start_ballot": (("convened",), "ballot", "danvan_base.group_danvan_office"),
}

# DC-7: fewer than this many staff, everyone attends; delegates are possible
# from it on.
DELEGATES_FROM = 100
# DC-7: with this many staff or fewer the conference is optional.
OPTIONAL_UP_TO = 7

# DC-9: the documents of the conference, printed in the Decree 30 layout:
# the name above the summary, its abbreviation in the number and the code of
# the agency's yearly sequence of their numbers. The emulation pledge has no
# abbreviation in the decree's list (appendix III): GƯTĐ is the agency's.
ConferenceDocType = namedtuple("ConferenceDocType", "name code sequence_code")
CONFERENCE_DOC_TYPES = {
    "minutes": ConferenceDocType("BIÊN BẢN", "BB", "danvan.document.minutes"),
    "resolution": ConferenceDocType("NGHỊ QUYẾT", "NQ", "danvan.document.resolution"),
    "pledge": ConferenceDocType("GIAO ƯỚC THI ĐUA", "GƯTĐ", "danvan.document.pledge"),
}
# The fields of each document: its text, number and date.
DOCUMENT_FIELDS = {
    kind: (f"{kind}_text", f"{kind}_number", f"{kind}_date")
    for kind in CONFERENCE_DOC_TYPES
}

# The mark of a write of the text of a document not yet issued, on a held
# conference: an object of this module, which no RPC context can hold.
_DRAFTING = object()


class DanvanConference(models.Model):
    _name = "danvan.conference"
    _description = "Staff Conference"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.deadline.mixin",
        "danvan.attachment.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "work_year desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("done",)
    _deletable_states = ("draft",)
    _danvan_deadline_field = "date_deadline"

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    kind = fields.Selection(
        [("annual", "Annual"), ("extraordinary", "Extraordinary")],
        required=True,
        default="annual",
        tracking=True,
    )
    work_year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year - 1,
        tracking=True,
        help="The work year the conference reviews.",
    )
    date_deadline = fields.Date(
        string="Due by",
        compute="_compute_date_deadline",
        store=True,
        help="No later than three months after the work year ends (Article 51 "
        "of the Law on Grassroots Democracy).",
    )
    date_conference = fields.Datetime(string="Date and Time", tracking=True)
    location = fields.Char()
    state = fields.Selection(
        [
            ("draft", "Preparing"),
            ("convened", "Convened"),
            ("in_session", "In Session"),
            ("ballot", "Written Ballot"),
            ("done", "Held"),
        ],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    convocation = fields.Integer(
        default=1,
        readonly=True,
        help="1 for the first convocation, 2 when the first lacked quorum "
        "(Article 50 of the Law on Grassroots Democracy).",
    )
    headcount = fields.Integer(
        readonly=True,
        help="The agency's staff when the conference was convened: cadres, civil "
        "servants, public employees and workers.",
    )
    attendance_mode = fields.Selection(
        [
            ("all", "All staff"),
            ("delegates", "Delegates"),
        ],
        required=True,
        default="all",
        tracking=True,
        help="Fewer than 100 staff: all attend. 100 or more: all or delegates, as "
        "the head and the union agree (Article 51).",
    )
    attendee_ids = fields.One2many(
        "danvan.conference.attendee", "conference_id", string="Invited"
    )
    invited_count = fields.Integer(compute="_compute_attendance", store=True)
    present_count = fields.Integer(compute="_compute_attendance", store=True)
    quorum = fields.Integer(
        compute="_compute_attendance",
        store=True,
        help="Two thirds of those invited, rounded up (Article 51).",
    )
    quorum_reached = fields.Boolean(compute="_compute_attendance", store=True)

    # DC-6: the head sets the date after consulting the union.
    union_opinion = fields.Text(
        string="Union's Opinion",
        readonly=True,
        tracking=True,
        help="The opinion of the union executive committee on the date and the "
        "organisation of the conference (Article 51).",
    )
    union_opinion_date = fields.Date(
        string="Union's Opinion Given on", readonly=True, tracking=True
    )
    union_opinion_user_id = fields.Many2one(
        "res.users",
        string="Union's Opinion Recorded by",
        readonly=True,
        check_company=True,
    )
    # DC-7: the headcount at convening, by category of staff.
    headcount_cadre = fields.Integer(string="Cadres", readonly=True)
    headcount_civil_servant = fields.Integer(string="Civil Servants", readonly=True)
    headcount_public_employee = fields.Integer(string="Public Employees", readonly=True)
    headcount_worker = fields.Integer(string="Workers", readonly=True)
    conference_optional = fields.Boolean(
        string="Optional",
        readonly=True,
        help="With 7 staff or fewer the conference is optional (Article 51).",
    )
    delegate_ids = fields.Many2many(
        "hr.employee",
        "danvan_conference_delegate_rel",
        "conference_id",
        "employee_id",
        string="Delegates",
        help="With 100 staff or more, the delegates the staff elected, when the "
        "head and the union agree that delegates attend (Article 51).",
        check_company=True,
    )
    date_convened = fields.Datetime(string="Convened on", readonly=True, copy=False)
    date_opened = fields.Datetime(string="Opened at", readonly=True, copy=False)
    late = fields.Boolean(
        compute="_compute_late",
        help="Held, or to be held, after the three months of Article 51.",
    )
    agenda_item_ids = fields.One2many(
        "danvan.conference.agenda.item", "conference_id", string="Agenda"
    )
    agenda_done = fields.Boolean(compute="_compute_agenda_done", store=True)
    user_attendee_id = fields.Many2one(
        "danvan.conference.attendee",
        string="My Attendance",
        compute="_compute_user_attendee_id",
    )
    user_present = fields.Boolean(
        string="I Was Checked In", compute="_compute_user_attendee_id"
    )
    # DC-9: the minutes, the resolution and the emulation pledge.
    minutes_text = fields.Html(string="Minutes")
    minutes_number = fields.Char(
        string="Number of the Minutes", readonly=True, copy=False, tracking=True
    )
    minutes_date = fields.Date(
        string="Date of the Minutes", readonly=True, copy=False, tracking=True
    )
    resolution_text = fields.Html(string="Resolution")
    resolution_number = fields.Char(
        string="Number of the Resolution", readonly=True, copy=False, tracking=True
    )
    resolution_date = fields.Date(
        string="Date of the Resolution", readonly=True, copy=False, tracking=True
    )
    pledge_text = fields.Html(string="Emulation Pledge")
    pledge_number = fields.Char(
        string="Number of the Pledge", readonly=True, copy=False, tracking=True
    )
    pledge_date = fields.Date(
        string="Date of the Pledge", readonly=True, copy=False, tracking=True
    )
    signer_authority = fields.Char(
        string="Signing Authority",
        default=lambda self: self.env.company.danvan_signer_authority,
    )
    signer_title = fields.Char(
        default=lambda self: self.env.company.danvan_signer_title
    )
    signer_name = fields.Char(
        default=lambda self: self.env.company.danvan_signer_name, tracking=True
    )
    secretary_name = fields.Char(
        string="Secretary", help="Who keeps the minutes and signs them."
    )
    # The checklist of the Office (issue 14, item 9).
    check_union_opinion = fields.Boolean(
        string="Union's opinion recorded", compute="_compute_checklist"
    )
    check_convened = fields.Boolean(string="Convened", compute="_compute_checklist")
    check_invitations = fields.Boolean(
        string="Invitations sent", compute="_compute_checklist"
    )
    check_quorum = fields.Boolean(string="Quorum reached", compute="_compute_checklist")
    check_agenda = fields.Boolean(string="Agenda done", compute="_compute_checklist")
    check_minutes = fields.Boolean(
        string="Minutes issued", compute="_compute_checklist"
    )
    check_resolution = fields.Boolean(
        string="Resolution issued", compute="_compute_checklist"
    )
    check_pledge = fields.Boolean(string="Pledge issued", compute="_compute_checklist")
    checklist_progress = fields.Integer(
        string="Checklist (%)", compute="_compute_checklist"
    )

    _sql_constraints = [
        (
            "work_year_positive",
            "CHECK(work_year > 0)",
            "The work year of a conference must be a year.",
        ),
    ]

    @api.depends("work_year", "kind")
    def _compute_name(self):
        for conference in self:
            env = conference._agency_env()
            if conference.kind == "extraordinary":
                conference.name = env._(
                    "Extraordinary staff conference %s", conference.work_year + 1
                )
            else:
                conference.name = env._(
                    "Staff conference of the work year %s", conference.work_year
                )

    @api.depends("work_year")
    def _compute_date_deadline(self):
        # DC-6: a calendar work year ends on 31/12; three months later, 31/3.
        for conference in self:
            conference.date_deadline = conference.work_year and date(
                conference.work_year + 1, 3, 31
            )

    @api.depends("attendee_ids", "attendee_ids.present")
    def _compute_attendance(self):
        groups = self.env["danvan.conference.attendee"]._read_group(
            [("conference_id", "in", self.ids)],
            ["conference_id", "present"],
            ["__count"],
        )
        invited, present = {}, {}
        for conference, is_present, count in groups:
            invited[conference] = invited.get(conference, 0) + count
            if is_present:
                present[conference] = count
        for conference in self:
            conference.invited_count = invited.get(conference, 0)
            conference.present_count = present.get(conference, 0)
            # DC-8: at least two thirds: 3 x present >= 2 x invited.
            conference.quorum = -(-2 * conference.invited_count // 3)
            conference.quorum_reached = bool(conference.invited_count) and (
                3 * conference.present_count >= 2 * conference.invited_count
            )

    def _majority_reached(self, in_favour):
        """DC-8: a resolution passes with more than half of those present."""
        self.ensure_one()
        return 2 * in_favour > self.present_count

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    def _date_conference_local(self):
        """The day of the conference in the user's time zone."""
        self.ensure_one()
        return self.date_conference and (
            fields.Datetime.context_timestamp(self, self.date_conference).date()
        )

    @api.depends("date_deadline", "date_conference", "state", "kind")
    def _compute_late(self):
        today = fields.Date.context_today(self)
        for conference in self:
            day = conference._date_conference_local()
            if not day and conference.state in ("draft", "convened"):
                day = today
            conference.late = bool(
                conference.kind == "annual"
                and conference.date_deadline
                and day
                and day > conference.date_deadline
            )

    @api.depends("agenda_item_ids", "agenda_item_ids.done")
    def _compute_agenda_done(self):
        for conference in self:
            items = conference.agenda_item_ids
            conference.agenda_done = bool(items) and all(items.mapped("done"))

    @api.depends_context("uid")
    def _compute_user_attendee_id(self):
        attendees = self.env["danvan.conference.attendee"].search(
            [("conference_id", "in", self.ids), ("user_id", "=", self.env.uid)]
        )
        mine = {attendee.conference_id.id: attendee for attendee in attendees}
        for conference in self:
            attendee = mine.get(conference.id, attendees.browse())
            conference.user_attendee_id = attendee
            conference.user_present = attendee.present

    @api.depends_context("uid")
    def _compute_checklist(self):
        for conference in self:
            held = conference.state in ("in_session", "done")
            checks = {
                "check_union_opinion": bool(conference.union_opinion),
                "check_convened": conference.state != "draft",
                "check_invitations": bool(conference.invited_count),
                "check_quorum": conference.quorum_reached or held,
                "check_agenda": conference.agenda_done,
                "check_minutes": bool(conference.minutes_number),
                "check_resolution": bool(conference.resolution_number),
                "check_pledge": bool(conference.pledge_number),
            }
            conference.update(checks)
            conference.checklist_progress = round(
                100 * sum(checks.values()) / len(checks)
            )

    @api.constrains("work_year", "date_conference")
    def _check_dates(self):
        check_dates(self, ["work_year", "date_conference"])
        for conference in self:
            day = conference._date_conference_local()
            if conference.kind == "annual" and day and day.year <= conference.work_year:
                raise ValidationError(
                    self.env._(
                        "%(name)s reviews the work year %(year)s: it is held after "
                        "that year ends, from %(day)s on (Article 51 of the Law on "
                        "Grassroots Democracy).",
                        name=conference.name,
                        year=conference.work_year,
                        day=date(conference.work_year + 1, 1, 1).strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("kind", "work_year", "company_id")
    def _check_one_annual_per_year(self):
        # DC-6: one annual conference per agency and work year.
        for conference in self.filtered(lambda c: c.kind == "annual"):
            others = self.sudo().search_count(
                [
                    ("id", "!=", conference.id),
                    ("kind", "=", "annual"),
                    ("company_id", "=", conference.company_id.id),
                    ("work_year", "=", conference.work_year),
                ]
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "The agency already has its annual staff conference of the "
                        "work year %(year)s: it is held once a year (Article 51 of "
                        "the Law on Grassroots Democracy).",
                        year=conference.work_year,
                    )
                )

    # ------------------------------------------------------------------
    # Create and write
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # The signature is that of the conference's agency, not of the company
        # the user works in.
        for vals in vals_list:
            if vals.get("company_id"):
                company = self.env["res.company"].browse(vals["company_id"]).sudo()
                vals.setdefault("signer_authority", company.danvan_signer_authority)
                vals.setdefault("signer_title", company.danvan_signer_title)
                vals.setdefault("signer_name", company.danvan_signer_name)
        conferences = super().create(vals_list)
        conferences._copy_agenda_template()
        conferences._ask_union_opinion()
        return conferences

    # Fixed once the conference is convened: who attends was decided on them.
    _FROZEN_AFTER_CONVENING = frozenset(
        {"work_year", "kind", "company_id", "attendance_mode", "delegate_ids"}
    )
    # Still written on a held conference, while its document is not issued.
    _DRAFTING_FIELDS = frozenset(
        {
            "minutes_text",
            "resolution_text",
            "pledge_text",
            "secretary_name",
            "signer_authority",
            "signer_title",
            "signer_name",
        }
    )
    _SIGNATURE_FIELDS = frozenset({"signer_authority", "signer_title", "signer_name"})

    def write(self, vals):
        if self.env.su or self._danvan_gate_open():
            return super().write(vals)
        if self._FROZEN_AFTER_CONVENING & vals.keys():
            convened = self.sudo().filtered(lambda c: c.state != "draft")
            if convened:
                raise UserError(
                    self.env._(
                        "%s is convened: its work year, kind and who attends can "
                        "no longer be changed.",
                        ", ".join(convened.mapped("display_name")),
                    )
                )
        for kind, (text, number, __) in DOCUMENT_FIELDS.items():
            touched = text in vals or (self._SIGNATURE_FIELDS & vals.keys())
            issued = self.sudo().filtered(number) if touched else self.browse()
            if issued:
                raise UserError(
                    self.env._(
                        "%(document)s of %(name)s is issued under number "
                        "%(number)s: it can no longer be changed.",
                        document=self._document_label(kind),
                        name=issued[0].display_name,
                        number=issued[0][number],
                    )
                )
        records = self
        if vals and vals.keys() <= self._DRAFTING_FIELDS:
            records = self.with_context(
                danvan_conference_drafting=(_DRAFTING, self.ids)
            )
        return super(DanvanConference, records).write(vals)

    def _danvan_locked(self):
        """A held conference still takes the text of the documents it has not
        issued (the minutes are finished after the conference)."""
        locked = super()._danvan_locked()
        token = self.env.context.get("danvan_conference_drafting")
        if isinstance(token, tuple) and token[0] is _DRAFTING:
            locked = locked.filtered(lambda c: c.id not in token[1])
        return locked

    def _lock_rows(self):
        """Lock the rows and read them again: a double click or two users at
        once see what the other one did."""
        if not self.ids:
            return
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset()

    # ------------------------------------------------------------------
    # DC-6: the union's opinion, DC-9: the agenda
    # ------------------------------------------------------------------

    def _danvan_union_users(self):
        """The union's executive committee of the conference's agency."""
        return self._danvan_role_users("danvan_democracy.group_danvan_union")

    def _ask_union_opinion(self):
        """A to-do for the union: its opinion on the date of the conference."""
        for conference in self.sudo():
            env = conference._agency_env()
            for user in conference._danvan_union_users():
                conference.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=env._("Give the union's opinion on the conference"),
                    user_id=user.id,
                )

    def _record_union_opinion(self, opinion, day):
        """DC-6: the union's opinion on the date, given by one of its executive
        committee before the conference is convened."""
        if not self.env.su and not self.env.user.has_group(
            "danvan_democracy.group_danvan_union"
        ):
            raise UserError(
                self.env._(
                    "Only a member of the union executive committee records the "
                    "union's opinion."
                )
            )
        if not (opinion or "").strip():
            raise UserError(self.env._("Write the union's opinion."))
        today = fields.Date.context_today(self)
        check_value(self, "union_opinion_date", day)
        if not day or day > today:
            raise ValidationError(
                self.env._("The union's opinion cannot be given on a future day.")
            )
        self.check_access("read")
        self._lock_rows()
        for conference in self:
            if conference.state != "draft":
                raise UserError(
                    self.env._(
                        "%s is already convened: the union's opinion is given before.",
                        conference.display_name,
                    )
                )
        values = {
            "union_opinion": opinion.strip(),
            "union_opinion_date": day,
            "union_opinion_user_id": self.env.uid,
        }
        # The union co-decides the conference but does not edit it otherwise.
        self.sudo().write(values)
        self.sudo()._danvan_activities_done("mail.mail_activity_data_todo")
        # The Office convenes next.
        for conference in self.sudo():
            office = conference.create_uid
            if office.active and office.has_group("danvan_base.group_danvan_office"):
                conference.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=conference._agency_env()._("Convene the conference"),
                    user_id=office.id,
                )
        return True

    def _agenda_steps(self):
        self.ensure_one()
        return (
            self.env["danvan.conference.agenda.step"]
            .sudo()
            .search(
                [
                    "|",
                    ("company_id", "=", False),
                    ("company_id", "=", self.company_id.id),
                ]
            )
        )

    def _copy_agenda_template(self):
        """DC-9: the agenda starts as the steps of Article 51.4, in order."""
        lines = []
        for conference in self.filtered(lambda c: not c.agenda_item_ids):
            for step in conference._agenda_steps():
                lines.append(
                    {
                        "conference_id": conference.id,
                        "step_id": step.id,
                        "sequence": step.sequence,
                        "presenter": step.presenter,
                    }
                )
        self.env["danvan.conference.agenda.item"].sudo().create(lines)

    # ------------------------------------------------------------------
    # DC-7: convening, DC-8: quorum, DC-5: second convocation and ballot
    # ------------------------------------------------------------------

    def _check_can_convene(self):
        self.ensure_one()
        if not self.union_opinion:
            raise UserError(
                self.env._(
                    "Record the union's opinion on %s before convening it: the head "
                    "sets the date after consulting the union (Article 51 of the "
                    "Law on Grassroots Democracy).",
                    self.display_name,
                )
            )
        if not self.date_conference:
            raise UserError(
                self.env._("Set the date and time of %s.", self.display_name)
            )

    def _invited_employees(self, total):
        """The employees invited: all the agency's staff, or its delegates."""
        self.ensure_one()
        if self.attendance_mode == "all":
            return (
                self.env["hr.employee"]
                .sudo()
                .search([("company_id", "=", self.company_id.id)])
            )
        if total < DELEGATES_FROM:
            raise UserError(
                self.env._(
                    "The agency has %(count)s staff: with fewer than 100, all of "
                    "them attend the conference and delegates are not allowed "
                    "(Article 51 of the Law on Grassroots Democracy).",
                    count=total,
                )
            )
        delegates = self.sudo().delegate_ids.filtered(
            lambda e: e.active and e.company_id == self.company_id
        )
        if not delegates:
            raise UserError(
                self.env._(
                    "Choose the delegates of the staff who attend %s.",
                    self.display_name,
                )
            )
        return delegates

    def action_convene(self):
        """Snapshot the headcount, derive who attends and invite them (DC-7)."""
        now = fields.Datetime.now()
        for conference in self:
            conference._check_can_convene()
            headcount = conference.company_id._danvan_headcount()
            total = sum(headcount.values())
            employees = conference._invited_employees(total)
            if not employees:
                raise UserError(
                    self.env._(
                        "The agency has no staff to invite to %s.",
                        conference.display_name,
                    )
                )
            values = {
                "headcount": total,
                "conference_optional": total <= OPTIONAL_UP_TO,
                "date_convened": now,
            }
            for category, __ in STAFF_CATEGORIES:
                values[f"headcount_{category}"] = headcount.get(category, 0)
            # Locks the row: a second click finds it convened and stops here.
            conference._transition("action_convene", values)
            conference.activity_unlink(["mail.mail_activity_data_todo"])
            self.env["danvan.conference.attendee"].create(
                [
                    {
                        "conference_id": conference.id,
                        "employee_id": employee.id,
                        "is_delegate": conference.attendance_mode == "delegates",
                    }
                    for employee in employees
                ]
            )
            conference._copy_agenda_template()
            conference._notify_invited()
        return True

    def _notify_invited(self):
        """One message to every invited user, and a to-do for the Office to
        check them in."""
        self.ensure_one()
        conference = self.sudo()
        env = conference._agency_env()
        day = fields.Datetime.context_timestamp(
            conference.with_env(env), conference.date_conference
        )
        when = day.strftime("%H:%M %d/%m/%Y")
        if conference.convocation > 1:
            body = env._(
                "%(name)s is convened a second time on %(when)s at %(place)s: the "
                "first convocation lacked its quorum.",
                name=conference.name,
                when=when,
                place=conference.location or "-",
            )
        else:
            body = env._(
                "You are invited to %(name)s on %(when)s at %(place)s.",
                name=conference.name,
                when=when,
                place=conference.location or "-",
            )
        if conference.conference_optional:
            body += " " + env._(
                "With %(count)s staff the conference is optional (Article 51 of "
                "the Law on Grassroots Democracy); the agency holds it.",
                count=conference.headcount,
            )
        users = conference.attendee_ids.user_id.filtered("active")
        conference.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=users.partner_id.ids,
        )
        conference.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=day.date(),
            summary=env._("Check in the attendees"),
            user_id=self.env.uid,
        )

    def _quorum_error(self):
        self.ensure_one()
        return UserError(
            self.env._(
                "%(name)s has no quorum: %(present)s of the %(invited)s invited "
                "are present, and at least two thirds, %(quorum)s, must be "
                "(Article 51 of the Law on Grassroots Democracy).",
                name=self.display_name,
                present=self.present_count,
                invited=self.invited_count,
                quorum=self.quorum,
            )
        )

    def action_open(self):
        """DC-8: the conference opens only with two thirds present."""
        self._lock_rows()
        for conference in self:
            if not conference.quorum_reached:
                raise conference._quorum_error()
        self._transition("action_open", {"date_opened": fields.Datetime.now()})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_reconvene(self):
        """DC-5: convene a second time when the first convocation lacked
        quorum; the attendance is counted again."""
        self._lock_rows()
        for conference in self:
            if conference.state != "convened":
                continue
            if conference.quorum_reached:
                raise UserError(
                    self.env._(
                        "%s has its quorum: open it instead.", conference.display_name
                    )
                )
            if conference.convocation >= 2:
                raise UserError(
                    self.env._(
                        "%s is already convened a second time. Without quorum, "
                        "the head, with the union, sends a written ballot to all "
                        "staff instead (Article 50 of the Law on Grassroots "
                        "Democracy).",
                        conference.display_name,
                    )
                )
        self._transition(
            "action_reconvene",
            {"convocation": 2, "date_convened": fields.Datetime.now()},
        )
        self.attendee_ids._reset_attendance()
        for conference in self:
            conference.activity_unlink(["mail.mail_activity_data_todo"])
            conference._notify_invited()
        return True

    def action_start_ballot(self):
        """DC-5: only a second convocation still without quorum turns to a
        written ballot of all staff (the vote part counts it)."""
        self._lock_rows()
        for conference in self:
            if conference.state != "convened":
                continue
            if conference.convocation < 2 or conference.quorum_reached:
                raise UserError(
                    self.env._(
                        "A written ballot replaces %s only when a second "
                        "convocation still lacks its quorum (Article 50 of the Law "
                        "on Grassroots Democracy).",
                        conference.display_name,
                    )
                )
        self._transition("action_start_ballot")
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_close(self):
        """The conference is held: its agenda done, or its ballot counted."""
        self._lock_rows()
        for conference in self:
            if conference.state == "in_session" and not conference.agenda_done:
                raise UserError(
                    self.env._(
                        "Mark every step of the agenda of %s done before closing it.",
                        conference.display_name,
                    )
                )
            # DC-8: a motion put to the vote is counted before the conference ends.
            voting = conference.danvan_motion_ids.filtered(
                lambda motion: motion.state == "open"
            )
            if voting:
                raise UserError(
                    self.env._(
                        "Close the vote on %(motions)s before closing %(conference)s.",
                        motions=", ".join(voting.mapped("name")),
                        conference=conference.display_name,
                    )
                )
        self._transition("action_close")
        for conference in self:
            conference._danvan_ask_approval(
                conference._agency_env()._(
                    "Issue the minutes and the resolution of the conference"
                )
            )
        return True

    # ------------------------------------------------------------------
    # DC-9: the minutes, the resolution and the emulation pledge
    # ------------------------------------------------------------------

    def _document_label(self, kind):
        return {
            "minutes": self.env._("The minutes"),
            "resolution": self.env._("The resolution"),
            "pledge": self.env._("The emulation pledge"),
        }[kind]

    def _issue_document(self, kind):
        """Number and date the document ``kind`` of each conference, once."""
        if not self.env.su and not self.env.user.has_group(
            "danvan_base.group_danvan_leadership"
        ):
            raise UserError(
                self.env._("Only leadership issues the documents of the conference.")
            )
        self.check_access("write")
        text, number, day_field = DOCUMENT_FIELDS[kind]
        self._lock_rows()
        today = fields.Date.context_today(self)
        doc_type = CONFERENCE_DOC_TYPES[kind]
        for conference in self:
            if conference.state != "done":
                raise UserError(
                    self.env._(
                        "%(document)s of %(name)s is issued once the conference is "
                        "held.",
                        document=self._document_label(kind),
                        name=conference.display_name,
                    )
                )
            if conference[number]:
                raise UserError(
                    self.env._(
                        "%(document)s of %(name)s is already issued under number "
                        "%(number)s.",
                        document=self._document_label(kind),
                        name=conference.display_name,
                        number=conference[number],
                    )
                )
            if not conference[text] or not conference[text].striptags().strip():
                raise UserError(
                    self.env._(
                        "Write the text of %(document)s of %(name)s before issuing it.",
                        document=self._document_label(kind).lower(),
                        name=conference.display_name,
                    )
                )
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .next_by_code(doc_type.sequence_code, sequence_date=today)
            )
            agency_code = conference.company_id.danvan_agency_code
            symbol = f"{doc_type.code}-{agency_code}" if agency_code else doc_type.code
            # The document mixin's numbering (VB-7), per document of the
            # conference; sudo: a held conference is locked to everyone else.
            conference.sudo().write({number: f"{sequence}/{symbol}", day_field: today})
        if all(self.mapped("minutes_number")) and all(self.mapped("resolution_number")):
            self._danvan_approval_done()
        return True

    def action_issue_minutes(self):
        return self._issue_document("minutes")

    def action_issue_resolution(self):
        return self._issue_document("resolution")

    def action_issue_pledge(self):
        return self._issue_document("pledge")

    def _conference_document_values(self, kind):
        """(values of the ``official_document`` template, body HTML) of the
        document ``kind``: the same in the PDF and the Word file."""
        self.ensure_one()
        text, number, day_field = DOCUMENT_FIELDS[kind]
        doc_type = CONFERENCE_DOC_TYPES[kind]
        values = {
            "doc_number": self[number],
            "doc_type_code": doc_type.code,
            "doc_date": self[day_field] or fields.Date.context_today(self),
            "doc_type": doc_type.name,
            "doc_summary": self.name,
            "recipients": [],
            "signer_authority": self.signer_authority,
            "signer_title": self.signer_title,
            "signer_name": self.signer_name,
            "is_draft": not self[number],
        }
        body = self.env["ir.qweb"]._render(
            f"danvan_democracy.danvan_conference_{kind}_body",
            {
                "o": self,
                "items": self._resolution_items() if kind == "resolution" else [],
            },
        )
        return values, body

    def _render_docx(self, kind):
        """(file name, bytes) of the document ``kind`` as a Word file."""
        self.ensure_one()
        values, body = self._conference_document_values(kind)
        number = self[DOCUMENT_FIELDS[kind][1]]
        name = (number or f"{kind}-{self.work_year}").replace("/", "-")
        return f"{name}.docx", self.company_id._danvan_official_docx(values, body)

    def action_download_docx(self):
        self.ensure_one()
        kind = self.env.context.get("danvan_document", "minutes")
        if kind not in CONFERENCE_DOC_TYPES:
            raise UserError(self.env._("This document does not exist."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/danvan_democracy/conference/{self.id}/{kind}.docx",
            "target": "download",
        }

    # ------------------------------------------------------------------
    # Screens: check-in, My Work, the deadline of DC-6
    # ------------------------------------------------------------------

    def action_open_checkin(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_democracy.danvan_conference_attendee_action_checkin"
        )
        action["domain"] = [("conference_id", "=", self.id)]
        action["context"] = {
            "default_conference_id": self.id,
            "search_default_not_present": 1,
        }
        return action

    def action_open_union_opinion(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.conference.union.opinion",
            "view_mode": "form",
            "target": "new",
            "context": {"default_conference_id": self.id},
        }

    @api.model
    def _my_work_conference_block(self):
        """The "My Work" block of the staff conference: for the Office, the
        conferences to prepare or hold; for staff, those they are invited to."""
        MyWork = self.env["danvan.my.work"]
        if self.env.user.has_group("danvan_base.group_danvan_office"):
            return MyWork._my_work_block(
                "conference",
                self._name,
                [("state", "in", ("draft", "convened", "in_session", "ballot"))],
                sequence=45,
                title=self.env._("Staff conferences to prepare or hold"),
                empty=self.env._("No staff conference is being prepared."),
                date_field="date_deadline",
                order="date_deadline, id",
            )
        return MyWork._my_work_block(
            "conference",
            self._name,
            [
                ("state", "in", ("convened", "in_session")),
                ("attendee_ids.user_id", "=", self.env.uid),
            ],
            sequence=45,
            title=self.env._("Staff conferences you are invited to"),
            empty=self.env._("You are not invited to a staff conference."),
            date_field="date_deadline",
            order="date_deadline, id",
        )

    # DC-6: no later than three months after the work year, watched daily.
    def _deadline_open_domain(self):
        return [("state", "in", ("draft", "convened")), ("kind", "=", "annual")]

    def _deadline_warning_days(self):
        """A conference is prepared a month ahead: warned 20 working days
        before its deadline."""
        return 20

    def _deadline_warned_users(self):
        return self._danvan_office_users()

    def _deadline_escalation_users(self):
        return self._danvan_office_users() | self._danvan_approvers()

    def _demo_open(self, present):
        """The demo: convene the conference, check ``present`` of its invited
        in (at least its quorum) and open it, as the Office would; its
        motions are then put to the vote (demo of the motions)."""
        for conference in self:
            conference.action_convene()
            attendees = conference.attendee_ids
            count = max(present, conference.quorum)
            attendees[:count].action_check_in()
            conference.action_open()
        return True

    def _demo_close(self):
        """The demo: hold the open conference through its agenda and issue its
        minutes and resolution, dated as on the day of the conference."""
        for conference in self:
            conference.agenda_item_ids.write({"done": True})
            conference.action_close()
            conference.action_issue_minutes()
            conference.action_issue_resolution()
            when = conference.date_conference
            day = conference._date_conference_local()
            conference.sudo().write(
                {
                    "date_convened": when - timedelta(days=10),
                    "date_opened": when,
                    "minutes_date": day,
                    "resolution_date": day,
                }
            )
            conference.attendee_ids.filtered("present").sudo().write(
                {"date_checkin": when - timedelta(minutes=15)}
            )
            conference.agenda_item_ids.sudo().write({"date_done": when})
        return True

    # Motions and votes (DC-5, DC-8, DC-10)
    danvan_motion_ids = fields.One2many(
        "danvan.conference.motion", "conference_id", string="Motions"
    )
    danvan_motion_count = fields.Integer(
        string="Number of Motions", compute="_compute_danvan_motion_count"
    )
    danvan_review_ids = fields.One2many(
        "danvan.conference.review", "conference_id", string="Reviews of the Resolution"
    )

    @api.depends("danvan_motion_ids")
    def _compute_danvan_motion_count(self):
        groups = self.env["danvan.conference.motion"]._read_group(
            [("conference_id", "in", self.ids)], ["conference_id"], ["__count"]
        )
        counts = {conference.id: count for conference, count in groups}
        for conference in self:
            conference.danvan_motion_count = counts.get(conference.id, 0)

    def _resolution_items(self):
        """The adopted motions printed in the resolution (DC-8): ``name``, the
        wording adopted, and ``result``, those in favour of those counted."""
        self.ensure_one()
        motions = self.danvan_motion_ids.filtered(
            lambda motion: motion.result == "adopted"
        )
        return [
            {
                "name": motion.text or motion.name,
                "result": f"{motion.yes_count}/{motion.closed_base_count}",
            }
            for motion in motions
        ]

    def action_close_ballot(self):
        """DC-5: closing the written ballot closes its motions, counted
        against all staff."""
        if not self.env.user.has_group("danvan_base.group_danvan_office"):
            raise AccessError(self.env._("Only the Office closes the written ballot."))
        for conference in self:
            if conference.state != "ballot":
                raise UserError(
                    self.env._(
                        "%(conference)s has no written ballot under way.",
                        conference=conference.name,
                    )
                )
        self.danvan_motion_ids.filtered(lambda m: m.state == "open").action_close()
        return True

    def _danvan_review_start(self):
        """The day the six-month reviews count from (DC-10)."""
        self.ensure_one()
        if self.date_conference:
            return self.date_conference.date()
        return self.write_date.date()

    def action_open_danvan_motions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_democracy.danvan_conference_motion_action"
        )
        action["domain"] = [("conference_id", "=", self.id)]
        action["context"] = {"default_conference_id": self.id}
        return action
