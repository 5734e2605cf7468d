"""The agency's briefings (giao ban; DC-18).

Not in the Law itself: the agency's working rules set their frequency (a
company setting, monthly by default). A briefing is one meeting of a series:
the next one is planned from it, by a button or by the daily cron. It keeps
its attendance, its minutes and its conclusions, each a follow-up with an
owner and a deadline. It serves as a channel of publication (Article 47.1.g)
and of consultation (Article 54.2): what was announced there is listed on
it.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

OFFICE_GROUP = "danvan_base.group_danvan_office"

TRANSITIONS = {
    "action_hold": (("planned",), "held", OFFICE_GROUP),
    "action_cancel": (("planned",), "cancelled", OFFICE_GROUP),
}
FREQUENCY_STEPS = {
    "weekly": relativedelta(weeks=1),
    "monthly": relativedelta(months=1),
    "quarterly": relativedelta(months=3),
}


class DanvanBriefing(models.Model):
    _name = "danvan.briefing"
    _description = "Briefing"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.attachment.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_briefing desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("held", "cancelled")
    _deletable_states = ("planned",)
    _danvan_locked_attach = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_briefing = fields.Datetime(
        string="Date and Time",
        required=True,
        tracking=True,
        default=lambda self: fields.Datetime.now(),
    )
    location = fields.Char()
    chair_id = fields.Many2one(
        "hr.employee",
        string="Chaired by",
        tracking=True,
        check_company=True,
    )
    attendee_ids = fields.One2many(
        "danvan.briefing.attendee", "briefing_id", string="Attendance"
    )
    invited_count = fields.Integer(compute="_compute_attendance")
    present_count = fields.Integer(compute="_compute_attendance")
    minutes = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_briefing_attachment_rel",
        "briefing_id",
        "attachment_id",
        string="Documents",
    )
    conclusion_ids = fields.One2many(
        "danvan.briefing.conclusion", "briefing_id", string="Conclusions"
    )
    conclusion_open_count = fields.Integer(compute="_compute_conclusion_counts")
    # DC-18: what was announced at the briefing (Article 47.1.g).
    publication_ids = fields.Many2many(
        "danvan.publication",
        "danvan_briefing_publication_rel",
        "briefing_id",
        "publication_id",
        string="Announced Publications",
        check_company=True,
    )
    publication_count = fields.Integer(compute="_compute_publication_count")
    # DC-18: the drafts put to the staff at the briefing (Article 54.2).
    consultation_ids = fields.Many2many(
        "danvan.consultation",
        "danvan_briefing_consultation_rel",
        "briefing_id",
        "consultation_id",
        string="Drafts Consulted",
        help="The consultations whose draft was presented at the briefing for "
        "the staff's opinions.",
        check_company=True,
    )
    previous_id = fields.Many2one(
        "danvan.briefing",
        string="Previous Briefing",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    next_ids = fields.One2many("danvan.briefing", "previous_id")
    state = fields.Selection(
        [("planned", "Planned"), ("held", "Held"), ("cancelled", "Cancelled")],
        string="Status",
        required=True,
        default="planned",
        tracking=True,
        index=True,
    )

    @api.depends("date_briefing")
    def _compute_name(self):
        for briefing in self:
            env = briefing._agency_env()
            day = briefing.date_briefing and fields.Datetime.context_timestamp(
                briefing, briefing.date_briefing
            )
            briefing.name = env._(
                "Briefing of %(month)s", month=day and day.strftime("%m/%Y") or ""
            )

    @api.constrains("date_briefing")
    def _check_date_briefing(self):
        calendar = self.env["danvan.holiday"]
        for briefing in self:
            calendar._check_date(briefing.date_briefing.date())

    @api.depends("attendee_ids", "attendee_ids.present")
    def _compute_attendance(self):
        groups = self.env["danvan.briefing.attendee"]._read_group(
            [("briefing_id", "in", self.ids)], ["briefing_id", "present"], ["__count"]
        )
        invited, present = {}, {}
        for briefing, is_present, count in groups:
            invited[briefing] = invited.get(briefing, 0) + count
            if is_present:
                present[briefing] = count
        for briefing in self:
            briefing.invited_count = invited.get(briefing, 0)
            briefing.present_count = present.get(briefing, 0)

    @api.depends("conclusion_ids", "conclusion_ids.state")
    def _compute_conclusion_counts(self):
        groups = dict(
            self.env["danvan.briefing.conclusion"]._read_group(
                [("briefing_id", "in", self.ids), ("state", "=", "open")],
                ["briefing_id"],
                ["__count"],
            )
        )
        for briefing in self:
            briefing.conclusion_open_count = groups.get(briefing, 0)

    @api.depends("publication_ids")
    def _compute_publication_count(self):
        for briefing in self:
            briefing.publication_count = len(briefing.publication_ids)

    def action_invite_staff(self):
        """Invite every active staff member of the agency not invited yet, in
        a few queries however many they are."""
        self._check_planned()
        Attendee = self.env["danvan.briefing.attendee"]
        for briefing in self:
            invited = set(briefing.attendee_ids.employee_id.ids)
            employees = (
                self.env["hr.employee"]
                .sudo()
                .search([("company_id", "=", briefing.company_id.id)])
            )
            Attendee.create(
                [
                    {"briefing_id": briefing.id, "employee_id": eid}
                    for eid in employees.ids
                    if eid not in invited
                ]
            )
        return True

    def action_mark_all_present(self):
        self._check_planned()
        self.attendee_ids.write({"present": True})
        return True

    def _check_office(self):
        if not self.env.su and not self.env.user.has_group(OFFICE_GROUP):
            raise AccessError(
                self.env._("Only the Office records the briefings of the agency.")
            )

    def _check_planned(self):
        self._check_office()
        done = self.filtered(lambda b: b.state != "planned")
        if done:
            raise UserError(
                self.env._(
                    "%(names)s is over: its attendance can no longer be changed.",
                    names=", ".join(done.mapped("display_name")),
                )
            )

    def action_hold(self):
        """The briefing was held: its attendance, minutes and conclusions
        are kept."""
        self._check_office()
        for briefing in self:
            if not briefing.attendee_ids.filtered("present"):
                raise UserError(
                    self.env._(
                        "Record who attended %(name)s before closing it.",
                        name=briefing.name,
                    )
                )
            if briefing.date_briefing > fields.Datetime.now():
                raise UserError(
                    self.env._(
                        "%(name)s is planned in the future: it is recorded as held "
                        "once it took place.",
                        name=briefing.name,
                    )
                )
        return self._transition("action_hold")

    def action_cancel(self):
        return self._transition("action_cancel")

    def _next_date(self):
        self.ensure_one()
        step = FREQUENCY_STEPS[self.company_id.danvan_briefing_frequency or "monthly"]
        return self.date_briefing + step

    def action_create_next(self):
        """Plan the next briefing of the series, at the agency's frequency,
        with the same chair and attendees; a second click opens the one
        already planned."""
        self.ensure_one()
        self.flush_recordset()
        self.env.cr.execute(
            "SELECT id FROM danvan_briefing WHERE id = %s FOR UPDATE", [self.id]
        )
        following = self.with_context(active_test=False).next_ids[:1]
        if not following:
            following = self._create_next()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": following.id,
            "view_mode": "form",
        }

    def _create_next(self):
        created = self.browse()
        for briefing in self:
            created |= self.create(
                {
                    "company_id": briefing.company_id.id,
                    "date_briefing": briefing._next_date(),
                    "location": briefing.location,
                    "chair_id": briefing.chair_id.id,
                    "previous_id": briefing.id,
                    "attendee_ids": [
                        (0, 0, {"employee_id": employee.id})
                        for employee in briefing.sudo().attendee_ids.employee_id
                        if employee.active
                    ],
                }
            )
        return created

    @api.model
    def _cron_create_next(self):
        """Keep one briefing planned ahead in each series: the last briefing
        of each agency, once its day has come, gets its follower."""
        now = fields.Datetime.now()
        last = self.search(
            [("next_ids", "=", False), ("state", "!=", "cancelled")],
            order="date_briefing desc",
        )
        latest = {}
        for briefing in last:
            latest.setdefault(briefing.company_id, briefing)
        due = self.browse([b.id for b in latest.values() if b.date_briefing <= now])
        due._create_next()

    def action_view_publications(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Announced Publications"),
            "res_model": "danvan.publication",
            "view_mode": "list,form",
            "domain": [("id", "in", self.publication_ids.ids)],
        }
