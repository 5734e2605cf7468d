"""A vote on a motion of the conference (DC-8, DC-22).

One per staff member and motion, cast by the attendee in their own name or
recorded by the Office for a show of hands in the room; append-only. A
secret vote is readable only by its voter (record rules): the Office counts
it in the tally without seeing who cast it, and the unique key still stops
anyone voting twice.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

CHOICES = [("yes", "In Favour"), ("no", "Against"), ("abstain", "Abstain")]


class DanvanConferenceVote(models.Model):
    _name = "danvan.conference.vote"
    _description = "Staff Conference Vote"
    _check_company_auto = True
    _order = "motion_id, id"
    _rec_name = "motion_id"

    motion_id = fields.Many2one(
        "danvan.conference.motion", required=True, index=True, ondelete="cascade"
    )
    conference_id = fields.Many2one(
        related="motion_id.conference_id", store=True, index=True
    )
    company_id = fields.Many2one(related="motion_id.company_id", store=True)
    secret = fields.Boolean(readonly=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Voter",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Voter's User",
        readonly=True,
        index=True,
        check_company=True,
    )
    choice = fields.Selection(CHOICES, string="Vote", required=True)
    by_office = fields.Boolean(
        string="Recorded by the Office",
        readonly=True,
        help="Recorded by the Office for a vote by show of hands or on paper.",
    )
    date = fields.Datetime(readonly=True, default=fields.Datetime.now)

    _sql_constraints = [
        (
            "employee_unique",
            "unique(motion_id, employee_id)",
            "A staff member votes once on each motion.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        motions = self.env["danvan.conference.motion"].browse(
            {vals.get("motion_id") for vals in vals_list} - {None, False}
        )
        motions.sudo()._danvan_touch()
        for vals in vals_list:
            motion = (
                self.env["danvan.conference.motion"]
                .sudo()
                .browse(vals.get("motion_id"))
            )
            employee = self.env["hr.employee"].sudo().browse(vals.get("employee_id"))
            vals["secret"] = motion.secret
            vals["user_id"] = employee.user_id.id
            vals["date"] = fields.Datetime.now()
            if not self.env.su:
                vals["by_office"] = self._danvan_check_vote(motion, employee)
        return super().create(vals_list)

    def _danvan_check_vote(self, motion, employee):
        """Whether the Office records this vote; refuse what the law does
        not allow: voting when absent, after close, twice, for someone else."""
        env = self.env
        if motion.state != "open":
            raise UserError(
                env._(
                    "%(motion)s is not open to the vote: votes are cast only "
                    "while it is put to the vote.",
                    motion=motion.name,
                )
            )
        if motion.ballot:
            if motion.conference_id.state != "ballot":
                raise UserError(env._("The written ballot is closed."))
            if employee not in motion._danvan_ballot_staff():
                raise UserError(
                    env._("Only the agency's staff answer its written ballot.")
                )
        else:
            if motion.conference_id.state != "in_session":
                raise UserError(
                    env._("Votes are cast only while the conference is in session.")
                )
            present = (
                env["danvan.conference.attendee"]
                .sudo()
                .search_count(
                    [
                        ("conference_id", "=", motion.conference_id.id),
                        ("employee_id", "=", employee.id),
                        ("present", "=", True),
                    ]
                )
            )
            if not present:
                raise UserError(
                    env._(
                        "%(name)s is not checked in as present at the conference: "
                        "only those present vote.",
                        name=employee.name,
                    )
                )
        if employee.user_id == env.user:
            by_office = False
        elif env.user.has_group("danvan_base.group_danvan_office"):
            if motion.ballot and employee.user_id:
                raise UserError(
                    env._(
                        "%(name)s answers the written ballot in their own name.",
                        name=employee.name,
                    )
                )
            by_office = True
        else:
            raise UserError(env._("You can vote only in your own name."))
        already = self.sudo().search_count(
            [("motion_id", "=", motion.id), ("employee_id", "=", employee.id)]
        )
        if already:
            raise UserError(
                env._(
                    "%(name)s has already voted on %(motion)s: a vote is cast "
                    "once and kept as cast.",
                    name=employee.name,
                    motion=motion.name,
                )
            )
        return by_office

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A vote is kept as cast: nobody can change it (Article 9 of "
                    "the Law on Grassroots Democracy)."
                )
            )
        return super().write(vals)

    def unlink(self):
        # Before the access check: the reason, not a missing right.
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A vote is kept as cast: nobody can delete it (Article 9 of "
                    "the Law on Grassroots Democracy)."
                )
            )
        return super().unlink()
