"""The items the staff decide at the conference (DC-5, DC-8; Articles 49 to
51 of Luật 10/2022/QH15).

A motion is proposed by the union executive committee, the head, or at least
one third of the staff (their signatures counted against the headcount at
convening). It is put to the vote while the conference sits, or, when a
second convocation still lacks quorum, sent to every staff member as a
written ballot (DC-5). It passes with more than half of those present in
favour, counted against the attendees and not the votes cast (DC-8); for a
written ballot, more than half of all staff.
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.danvan_base.tools.date_checks import check_dates

TRANSITIONS = {
    "action_open": (("draft",), "open", "danvan_base.group_danvan_office"),
    "action_send_ballot": (("draft",), "open", "danvan_base.group_danvan_office"),
    "action_close": (("open",), "closed", "danvan_base.group_danvan_office"),
}


class DanvanConferenceMotion(models.Model):
    _name = "danvan.conference.motion"
    _description = "Staff Conference Motion"
    _inherit = ["danvan.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "conference_id desc, sequence, id"
    _transitions = TRANSITIONS
    _locked_states = ("closed",)
    _deletable_states = ("draft",)

    name = fields.Char(string="Motion", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    conference_id = fields.Many2one(
        "danvan.conference",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="conference_id.company_id", store=True, index=True
    )
    conference_state = fields.Selection(
        related="conference_id.state", string="Conference Status"
    )
    subject = fields.Selection(
        [
            ("board_election", "Election of the People's Inspection Board"),
            ("contribution", "Staff Contributions Beyond the Law"),
            ("resolution", "Content of the Resolution"),
            ("other", "Other Self-Managed Matter"),
        ],
        required=True,
        default="resolution",
        tracking=True,
        help="What the staff decide at the conference (Article 49 of the Law on "
        "Grassroots Democracy).",
    )
    text = fields.Text(
        string="Wording",
        help="The text put to the vote; once adopted it enters the resolution.",
    )
    proposer = fields.Selection(
        [
            ("union", "Union Executive Committee"),
            ("head", "Head of the Agency"),
            ("staff", "At Least One Third of Staff"),
        ],
        string="Proposed by",
        required=True,
        default="head",
        tracking=True,
    )
    secret = fields.Boolean(
        string="Secret Vote",
        tracking=True,
        help="Each vote is counted without anyone but the voter seeing who cast it.",
    )
    state = fields.Selection(
        [("draft", "Proposed"), ("open", "Voting"), ("closed", "Closed")],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    signature_ids = fields.One2many(
        "danvan.conference.motion.signature", "motion_id", string="Signatures"
    )
    signature_count = fields.Integer(compute="_compute_signatures")
    signature_required = fields.Integer(
        string="Signatures Required",
        compute="_compute_signatures",
        help="One third of the staff at convening, rounded up (Article 49).",
    )
    signatures_enough = fields.Boolean(compute="_compute_signatures")
    # The written ballot (DC-5).
    ballot = fields.Boolean(
        string="Written Ballot",
        readonly=True,
        help="Sent to every staff member because a second convocation still "
        "lacked quorum (Article 50).",
    )
    date_ballot_close = fields.Date(
        string="Ballot Closes on",
        tracking=True,
        help="The last day on which staff answer the written ballot.",
    )
    vote_ids = fields.One2many("danvan.conference.vote", "motion_id", string="Votes")
    # The tally (DC-8): votes are counted against those present, or against
    # all staff for a written ballot.
    yes_count = fields.Integer(string="In Favour", compute="_compute_tally")
    no_count = fields.Integer(string="Against", compute="_compute_tally")
    abstain_count = fields.Integer(string="Abstain", compute="_compute_tally")
    voted_count = fields.Integer(string="Votes Cast", compute="_compute_tally")
    base_count = fields.Integer(
        string="Counted Against",
        compute="_compute_tally",
        help="Those present at the conference, or all staff for a written "
        "ballot: more than half of them must be in favour.",
    )
    closed_base_count = fields.Integer(readonly=True)
    majority_reached = fields.Boolean(compute="_compute_tally")
    result = fields.Selection(
        [("adopted", "Adopted"), ("rejected", "Rejected")],
        readonly=True,
        tracking=True,
        copy=False,
    )
    date_closed = fields.Datetime(string="Closed on", readonly=True, copy=False)
    my_vote = fields.Selection(
        [("yes", "In Favour"), ("no", "Against"), ("abstain", "Abstain")],
        compute="_compute_my_vote",
    )
    can_vote = fields.Boolean(compute="_compute_my_vote", search="_search_can_vote")

    @api.depends("signature_ids", "conference_id.headcount", "proposer")
    def _compute_signatures(self):
        groups = (
            self.env["danvan.conference.motion.signature"]
            .sudo()
            ._read_group([("motion_id", "in", self.ids)], ["motion_id"], ["__count"])
        )
        counts = {motion.id: count for motion, count in groups}
        for motion in self:
            headcount = motion._danvan_headcount()
            motion.signature_count = counts.get(motion.id, 0)
            motion.signature_required = -(-headcount // 3)
            # DC-5: at least one third: exactly one third suffices.
            motion.signatures_enough = bool(headcount) and (
                3 * motion.signature_count >= headcount
            )

    def _danvan_headcount(self):
        """The staff at convening, or today's before the conference is
        convened (DC-7)."""
        conference = self.conference_id
        if conference.headcount:
            return conference.headcount
        company = self.company_id or self.env.company
        return sum(company._danvan_headcount().values())

    @api.depends("vote_ids", "conference_id.present_count", "state", "ballot")
    def _compute_tally(self):
        # Secret votes are not readable by the Office: the tally counts them
        # all, in one query for all the motions shown.
        groups = (
            self.env["danvan.conference.vote"]
            .sudo()
            ._read_group(
                [("motion_id", "in", self.ids)], ["motion_id", "choice"], ["__count"]
            )
        )
        tally = {}
        for motion, choice, count in groups:
            tally.setdefault(motion.id, {})[choice] = count
        for motion in self:
            counts = tally.get(motion.id, {})
            motion.yes_count = counts.get("yes", 0)
            motion.no_count = counts.get("no", 0)
            motion.abstain_count = counts.get("abstain", 0)
            motion.voted_count = sum(counts.values())
            if motion.state == "closed":
                motion.base_count = motion.closed_base_count
            elif motion.ballot:
                motion.base_count = motion._danvan_headcount()
            else:
                motion.base_count = motion.conference_id.present_count
            # DC-8: more than half in favour; abstentions and silence count
            # against.
            motion.majority_reached = bool(motion.base_count) and (
                2 * motion.yes_count > motion.base_count
            )

    @api.depends_context("uid")
    @api.depends("vote_ids", "state")
    def _compute_my_vote(self):
        employees = self.env.user.employee_ids
        votes = (
            self.env["danvan.conference.vote"]
            .sudo()
            .search(
                [
                    ("motion_id", "in", self.ids),
                    ("employee_id", "in", employees.ids),
                ]
            )
        )
        mine = {vote.motion_id.id: vote.choice for vote in votes}
        attendees = (
            self.env["danvan.conference.attendee"]
            .sudo()
            .search(
                [
                    ("conference_id", "in", self.conference_id.ids),
                    ("employee_id", "in", employees.ids),
                    ("present", "=", True),
                ]
            )
        )
        present = set(attendees.conference_id.ids)
        for motion in self:
            motion.my_vote = mine.get(motion.id, False)
            motion.can_vote = (
                motion.state == "open"
                and not motion.my_vote
                and bool(employees)
                and (
                    (motion.ballot and bool(employees & motion._danvan_ballot_staff()))
                    or (not motion.ballot and motion.conference_id.id in present)
                )
            )

    def _search_can_vote(self, operator, value):
        """The motions open to the current user's vote: present at the
        conference, or asked by a written ballot, and not yet voted."""
        if operator not in ("=", "!="):
            return NotImplemented
        employees = self.env.user.employee_ids
        voted = (
            self.env["danvan.conference.vote"]
            .sudo()
            .search([("employee_id", "in", employees.ids)])
            .motion_id
        )
        present = (
            self.env["danvan.conference.attendee"]
            .sudo()
            .search([("employee_id", "in", employees.ids), ("present", "=", True)])
            .conference_id
        )
        domain = [
            ("state", "=", "open"),
            ("id", "not in", voted.ids),
            "|",
            "&",
            ("ballot", "=", True),
            ("company_id", "in", employees.company_id.ids),
            "&",
            ("ballot", "=", False),
            ("conference_id", "in", present.ids),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", *expression.normalize_domain(domain)]

    def _danvan_ballot_staff(self):
        """Everyone asked to answer a written ballot: all active staff of the
        agency (DC-5)."""
        return (
            self.env["hr.employee"]
            .sudo()
            .search([("company_id", "=", (self.company_id or self.env.company).id)])
        )

    @api.constrains("date_ballot_close")
    def _check_ballot_close(self):
        check_dates(self, ["date_ballot_close"])

    # What was put to the vote stays as it was put (DC-22).
    _danvan_frozen_fields = {
        "name",
        "text",
        "subject",
        "proposer",
        "secret",
        "conference_id",
        "ballot",
        "date_ballot_close",
    }

    @api.model_create_multi
    def create(self, vals_list):
        # Secret where the agency's democracy rules say so, unless the motion
        # says otherwise.
        for vals in vals_list:
            if "secret" not in vals and vals.get("conference_id"):
                conference = self.env["danvan.conference"].browse(vals["conference_id"])
                vals["secret"] = conference.sudo().company_id.danvan_secret_vote
        return super().create(vals_list)

    @api.onchange("conference_id")
    def _onchange_conference_secret(self):
        if self.conference_id and self.state == "draft":
            self.secret = self.conference_id.company_id.danvan_secret_vote

    def write(self, vals):
        if not self.env.su and not self._danvan_gate_open():
            frozen = self._danvan_frozen_fields.intersection(vals)
            voting = self.sudo().filtered(lambda motion: motion.state != "draft")
            if frozen and voting:
                raise UserError(
                    self.env._(
                        "%(motions)s has been put to the vote: what was put to "
                        "the vote can no longer be changed.",
                        motions=", ".join(voting.mapped("name")),
                    )
                )
        return super().write(vals)

    def _danvan_touch(self):
        """Mark the motions' rows changed by this transaction: a vote and the
        closing of the vote that run at the same time conflict, and the one
        that comes second is retried on what the first one committed, so no
        vote is cast after the count nor left out of it."""
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE danvan_conference_motion SET write_date = write_date "
                    "WHERE id IN %s",
                    tuple(self.ids),
                )
            )

    def _check_can_put_to_vote(self):
        for motion in self:
            if motion.proposer == "staff" and not motion.signatures_enough:
                raise UserError(
                    self.env._(
                        "%(motion)s was proposed by the staff with %(count)s "
                        "signatures: at least %(required)s, one third of the staff, "
                        "are needed before it is put to the vote (Article 49 of "
                        "the Law on Grassroots Democracy).",
                        motion=motion.name,
                        count=motion.signature_count,
                        required=motion.signature_required,
                    )
                )

    def action_open(self):
        """Put the motion to the vote of the conference in session (DC-8)."""
        self._check_can_put_to_vote()
        for motion in self:
            if motion.conference_id.state != "in_session":
                raise UserError(
                    self.env._(
                        "%(motion)s can be put to the vote only while the "
                        "conference is in session.",
                        motion=motion.name,
                    )
                )
        return self._transition("action_open")

    def action_send_ballot(self):
        """DC-5: a second convocation still without quorum: the motion goes
        to every staff member as a written ballot, until its closing date."""
        self._check_can_put_to_vote()
        today = fields.Date.context_today(self)
        for motion in self:
            if motion.conference_id.state != "ballot":
                raise UserError(
                    self.env._(
                        "%(motion)s can be sent as a written ballot only when "
                        "the conference has moved to a written ballot.",
                        motion=motion.name,
                    )
                )
            if not motion.date_ballot_close or motion.date_ballot_close < today:
                raise UserError(
                    self.env._(
                        "Set a closing date of the ballot, today or later, for "
                        "%(motion)s.",
                        motion=motion.name,
                    )
                )
        self._transition("action_send_ballot", {"ballot": True})
        for motion in self.sudo():
            env = motion._agency_env()
            users = motion._danvan_ballot_staff().user_id.filtered(
                lambda user: user.active and not user.share
            )
            for user in users:
                motion.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=motion.date_ballot_close,
                    summary=env._("Answer the written ballot"),
                    user_id=user.id,
                )
        return True

    def action_close(self):
        """Fix the result (DC-8): adopted with more than half in favour of
        those present (or of all staff for a written ballot)."""
        for motion in self:
            base = motion.base_count
            adopted = motion.majority_reached
            motion._transition(
                "action_close",
                {
                    "closed_base_count": base,
                    "result": "adopted" if adopted else "rejected",
                    "date_closed": fields.Datetime.now(),
                },
            )
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_sign(self):
        """The current staff member signs the staff's proposal (DC-5)."""
        employee = self.env.user.employee_ids[:1]
        if not employee:
            raise UserError(self.env._("Only a staff member can sign a proposal."))
        self.env["danvan.conference.motion.signature"].create(
            [{"motion_id": motion.id, "employee_id": employee.id} for motion in self]
        )
        return True

    def _danvan_vote(self, choice):
        employee = self.env.user.employee_ids[:1]
        if not employee:
            raise UserError(self.env._("Only a staff member can vote."))
        self.ensure_one()
        self.env["danvan.conference.vote"].create(
            {"motion_id": self.id, "employee_id": employee.id, "choice": choice}
        )
        self.sudo().activity_feedback(
            ["mail.mail_activity_data_todo"], user_id=self.env.uid
        )
        return True

    def action_vote_yes(self):
        return self._danvan_vote("yes")

    def action_vote_no(self):
        return self._danvan_vote("no")

    def action_vote_abstain(self):
        return self._danvan_vote("abstain")

    @api.model
    def _cron_close_ballots(self):
        """Written ballots close at the end of their closing date (DC-5)."""
        yesterday = fields.Date.context_today(self) - timedelta(days=1)
        self.search(
            [
                ("state", "=", "open"),
                ("ballot", "=", True),
                ("date_ballot_close", "<=", yesterday),
            ]
        ).action_close()
