"""A citizen reception session: the head's monthly one, or an unscheduled one."""

import calendar as month_calendar
from datetime import date, datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_value

SESSION_START = time(7, 30)
SESSION_HOURS = 4


class DanvanReceptionSession(models.Model):
    _name = "danvan.reception.session"
    _description = "Citizen Reception Session"
    # Its units, people and linked records are of its agency (issue 15, item 4).
    _check_company_auto = True
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.regime.mixin",
    ]
    _transitions = {
        "action_held": (
            {"planned"},
            "held",
            "danvan_complaints.group_danvan_reception",
        ),
        "action_cancel": (
            {"planned"},
            "cancelled",
            "danvan_complaints.group_danvan_reception",
        ),
    }
    # TCD-13: a session held is on the register; one planned or cancelled
    # may go.
    _locked_states = ("held",)
    _deletable_states = ("planned", "cancelled")
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(
        [
            ("periodic", "Periodic (head of the agency)"),
            ("unscheduled", "Unscheduled"),
        ],
        required=True,
        default="periodic",
        tracking=True,
        help="Article 18 of the Law on Citizen Reception 2013: the head receives "
        "citizens at least one day a month; "
        "Article 18 of the Law on Citizen Reception 2013: and without a schedule when "
        "a case requires it.",
    )
    date = fields.Date(required=True, index=True, tracking=True)
    place_id = fields.Many2one(
        "danvan.reception.place",
        string="Place",
        required=True,
        ondelete="cascade",
        tracking=True,
        default=lambda self: self.env.company.danvan_reception_place_id,
        check_company=True,
    )
    channel = fields.Selection(related="place_id.channel", store=True)
    presider_id = fields.Many2one(
        "res.users",
        string="Presided by",
        tracking=True,
        default=lambda self: self.env.company.danvan_head_user_id,
        check_company=True,
    )
    is_delegated = fields.Boolean(
        string="Not Presided by the Head",
        compute="_compute_is_delegated",
        store=True,
        help="Article 18 of the Law on Citizen Reception 2013: the head's reception "
        "cannot be delegated to a deputy.",
    )
    participant_ids = fields.Many2many("res.users", string="Participants")
    planned_content = fields.Text(
        help="The cases planned for the session, published with the schedule (Article "
        "24 of the Law on Citizen Reception 2013)."
    )
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        tracking=True,
    )
    event_id = fields.Many2one("calendar.event", string="Calendar Event", copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "periodic_unique",
            "EXCLUDE USING btree (company_id WITH =, date WITH =) "
            "WHERE (kind = 'periodic' AND active AND state != 'cancelled')",
            "There is already a periodic reception session on this day.",
        ),
    ]

    @api.depends("kind", "date")
    def _compute_name(self):
        """In the agency's language, whoever plans the session. Code terms,
        not the selection's labels: those are not translated yet while the
        module installs, when the demo plans its sessions."""
        for session in self:
            company = session.company_id or self.env.company
            env = session.with_context(lang=company._danvan_lang()).env
            day = session.date.strftime("%d/%m/%Y") if session.date else ""
            if session.kind == "unscheduled":
                name = env._("Unscheduled reception %s", day)
            else:
                name = env._("Periodic reception %s", day)
            session.name = name.strip()

    @api.depends("presider_id", "company_id.danvan_head_user_id")
    def _compute_is_delegated(self):
        for session in self:
            head = session.company_id.danvan_head_user_id
            session.is_delegated = bool(
                head and session.presider_id and session.presider_id != head
            )

    @api.constrains("date")
    def _check_working_day(self):
        """A session is held on a working day (CAL-5)."""
        check_dates(self, ["date"])
        calendar = self.env["danvan.holiday"]
        for session in self:
            if not calendar.is_working_day(session.date):
                raise ValidationError(
                    self.env._(
                        "%s is not a working day: choose another day for the "
                        "reception session.",
                        session.date.strftime("%d/%m/%Y"),
                    )
                )

    def action_held(self):
        return self._transition("action_held")

    def action_cancel(self):
        self._transition("action_cancel")
        self.event_id.action_archive()

    @api.model
    def _periodic_day(self, year, month):
        """The head's reception day of a month: the configured day (the month's
        last day if shorter), moved to the next working day (TCD-5, CAL-4), or
        to the last working day before it when that would leave the month."""
        calendar = self.env["danvan.holiday"]
        wanted = date(
            year,
            month,
            min(
                self.env.company.danvan_reception_day or 15,
                month_calendar.monthrange(year, month)[1],
            ),
        )
        day = calendar.roll_forward(wanted)
        if day.month == month:
            return day
        day = wanted
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        return day

    @api.model
    def _generate_periodic(self, year):
        """One periodic session a month of ``year`` that has none yet, each
        with its calendar event for the presider."""
        check_value(self.env["danvan.reception.generate"], "year", year)
        company = self.env.company
        if not company.danvan_head_user_id or not company.danvan_reception_place_id:
            raise UserError(
                self.env._(
                    "Set the head of the agency and the reception place in the "
                    "settings first."
                )
            )
        existing = self.search(
            [
                ("kind", "=", "periodic"),
                ("company_id", "=", company.id),
                ("date", ">=", date(year, 1, 1)),
                ("date", "<=", date(year + 1, 1, 31)),
                ("state", "!=", "cancelled"),
            ]
        )
        covered = {(s.date.year, s.date.month) for s in existing}
        days = [
            self._periodic_day(year, month)
            for month in range(1, 13)
            if (year, month) not in covered
        ]
        sessions = self.create([{"kind": "periodic", "date": day} for day in days])
        sessions._create_events()
        return sessions

    def _create_events(self):
        tz = pytz.timezone(self.env.user.tz or "Asia/Ho_Chi_Minh")
        for session in self:
            start = tz.localize(datetime.combine(session.date, SESSION_START))
            start = start.astimezone(pytz.utc).replace(tzinfo=None)
            attendees = session.presider_id | session.participant_ids
            session.event_id = self.env["calendar.event"].create(
                {
                    "name": session.name,
                    "start": start,
                    "stop": start + timedelta(hours=SESSION_HOURS),
                    "location": session.place_id.address or session.place_id.name,
                    "user_id": session.presider_id.id,
                    "partner_ids": [(6, 0, attendees.partner_id.ids)],
                }
            )

    @api.model
    def _public_schedule(self, company, limit=24):
        """The coming sessions as the website publishes them (TCD-9): day,
        hours, place, who presides and takes part, planned content. Nothing
        else of a session is read; held and cancelled ones are left out."""
        tz = pytz.timezone(company.sudo().partner_id.tz or "Asia/Ho_Chi_Minh")
        today = company._danvan_today()
        sessions = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "planned"),
                ("date", ">=", today),
            ],
            order="date, id",
            limit=limit,
        )
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        result = []
        for session in sessions:
            if session.event_id:
                start = pytz.utc.localize(session.event_id.start).astimezone(tz)
                stop = pytz.utc.localize(session.event_id.stop).astimezone(tz)
                hours = f"{start:%H:%M} - {stop:%H:%M}"
            else:
                stop = datetime.combine(session.date, SESSION_START) + timedelta(
                    hours=SESSION_HOURS
                )
                hours = f"{SESSION_START:%H:%M} - {stop:%H:%M}"
            result.append(
                {
                    "date": session.date,
                    "hours": hours,
                    "kind": kinds.get(session.kind),
                    "place": session.place_id.name,
                    "address": session.place_id.address or "",
                    "presider": session.presider_id.name or "",
                    "participants": ", ".join(session.participant_ids.mapped("name")),
                    "planned_content": session.planned_content or "",
                }
            )
        return result

    @api.model
    def _public_places(self, company):
        """Places and hours of regular reception, published (TCD-9)."""
        places = (
            self.env["danvan.reception.place"]
            .sudo()
            .search([("company_id", "=", company.id)])
        )
        return [
            {
                "name": place.name,
                "address": place.address or "",
                "regular_hours": place.regular_hours or "",
            }
            for place in places
        ]

    # The head's session: its lines of the register and the notice of its
    # conclusions (TCD-7, TCD-21).
    visit_ids = fields.One2many(
        "danvan.reception.visit", "session_id", string="Register Lines"
    )
    conclusion_ids = fields.One2many(
        "danvan.reception.conclusion", "session_id", string="Conclusion Notices"
    )
    conclusion_count = fields.Integer(compute="_compute_conclusion_count")

    def _compute_conclusion_count(self):
        counts = dict(
            self.env["danvan.reception.conclusion"]._read_group(
                [("session_id", "in", self.ids)], ["session_id"], ["__count"]
            )
        )
        for session in self:
            session.conclusion_count = counts.get(session, 0)

    def action_view_visits(self):
        """The lines of the register received at the session."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_complaints.danvan_reception_visit_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["context"] = {
            "default_session_id": self.id,
            "default_date": self.date.isoformat(),
            "default_kind": self.kind,
        }
        return action

    def action_create_conclusion(self):
        """The notice of the session's conclusions, a line per case received
        (TCD-21); its text is the head's to write."""
        self.ensure_one()
        self._danvan_form("reception_conclusion")
        if self.state != "held":
            raise UserError(
                self.env._("The conclusions are written once the session is held.")
            )
        visits = (
            self.env["danvan.reception.visit"]
            .sudo()
            .search(
                [("session_id", "=", self.id), ("refused", "=", False)],
                order="date, id",
            )
        )
        conclusion = self.env["danvan.reception.conclusion"].create(
            {
                "session_id": self.id,
                "company_id": self.company_id.id,
                "signer_name": self.presider_id.name
                or self.company_id.danvan_signer_name,
                "line_ids": [
                    Command.create(
                        {
                            "visit_id": visit.id,
                            "subject": (visit.summary or visit.number).splitlines()[0][
                                :200
                            ],
                        }
                    )
                    for visit in visits
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.reception.conclusion",
            "res_id": conclusion.id,
            "view_mode": "form",
        }

    def action_view_conclusions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Conclusion Notices"),
            "res_model": "danvan.reception.conclusion",
            "view_mode": "list,form",
            "domain": [("session_id", "=", self.id)],
            "context": {"default_session_id": self.id},
        }

    duty_ids = fields.One2many(
        "danvan.reception.duty", "session_id", string="Officers on Duty"
    )
    duty_count = fields.Integer(compute="_compute_duty_count")

    def _compute_duty_count(self):
        counts = dict(
            self.env["danvan.reception.duty"]._read_group(
                [("session_id", "in", self.ids)], ["session_id"], ["__count"]
            )
        )
        for session in self:
            session.duty_count = counts.get(session, 0)

    def action_duty_officers(self):
        """The Office records the presider and the participants of the session
        as on duty that day (TCD-22), then lists them to correct the kind of
        duty or the time."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(
            "danvan_base.group_danvan_office"
        ):
            raise AccessError(
                self.env._("Only the Office records the officers on duty.")
            )
        if self.state == "cancelled":
            raise UserError(
                self.env._("Nobody is on duty at a cancelled reception session.")
            )
        wanted = {
            (user.id, self.date): self.id
            for user in self.presider_id | self.participant_ids
        }
        self.env["danvan.reception.duty"]._create_missing(wanted, self.company_id)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_complaints.danvan_reception_duty_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["context"] = {
            "default_session_id": self.id,
            "default_date": fields.Date.to_string(self.date),
        }
        return action
