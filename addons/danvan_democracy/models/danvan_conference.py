"""The annual conference of civil servants, public employees and workers
(Hội nghị cán bộ, công chức, viên chức, người lao động; DC-5 to DC-10,
Articles 49 to 52 of Luật 10/2022/QH15).

The head convenes it with the union once a year, no later than three months
after the work year ends (DC-6). The headcount at convening decides who
attends (DC-7); it is valid with at least two thirds of them present, and a
resolution passes with more than half of those present in favour (DC-8).
"""

from datetime import date

from odoo import api, fields, models

TRANSITIONS = {
    "action_convene": (("draft",), "convened", "danvan_base.group_danvan_office"),
    "action_open": (("convened",), "in_session", "danvan_base.group_danvan_office"),
    "action_close": (
        ("in_session", "ballot"),
        "done",
        "danvan_base.group_danvan_office",
    ),
    # DC-5: a second convocation still without quorum: a written ballot.
    "action_start_ballot": (("convened",), "ballot", "danvan_base.group_danvan_office"),
}


class DanvanConference(models.Model):
    _name = "danvan.conference"
    _description = "Staff Conference"
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.attachment.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "work_year desc, id desc"
    _transitions = TRANSITIONS
    _locked_states = ("done",)
    _deletable_states = ("draft",)

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
        string="Quorum",
        compute="_compute_attendance",
        store=True,
        help="Two thirds of those invited, rounded up (Article 51).",
    )
    quorum_reached = fields.Boolean(compute="_compute_attendance", store=True)

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
        """The wording of the adopted motions, for the resolution (DC-8)."""
        self.ensure_one()
        motions = self.danvan_motion_ids.filtered(
            lambda motion: motion.result == "adopted"
        )
        return [motion.text or motion.name for motion in motions]

    def action_close_ballot(self):
        """DC-5: closing the written ballot closes its motions, counted
        against all staff."""
        from odoo.exceptions import AccessError, UserError

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
