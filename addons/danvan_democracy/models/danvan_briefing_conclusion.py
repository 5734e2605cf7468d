"""A conclusion of a briefing: a follow-up with an owner and a deadline
(DC-18). Its owner gets a to-do; done or overdue is tracked."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

OFFICE_GROUP = "danvan_base.group_danvan_office"

TRANSITIONS = {
    # The owner or the Office: checked in action_done.
    "action_done": (("open",), "done", False),
    "action_reopen": (("done",), "open", OFFICE_GROUP),
}


class DanvanBriefingConclusion(models.Model):
    _name = "danvan.briefing.conclusion"
    _description = "Briefing Conclusion"
    _check_company_auto = True
    _inherit = [
        "danvan.workflow.mixin",
        "danvan.deadline.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "state desc, date_deadline, id"
    _transitions = TRANSITIONS
    _locked_states = ("done",)
    _deletable_states = ("open",)

    name = fields.Text(string="Conclusion", required=True, tracking=True)
    briefing_id = fields.Many2one(
        "danvan.briefing", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="briefing_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        check_company=True,
    )
    date_deadline = fields.Date(string="Deadline", required=True, tracking=True)
    date_done = fields.Date(string="Done on", readonly=True, copy=False)
    done_late = fields.Boolean(compute="_compute_done_late", store=True)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    state = fields.Selection(
        [("open", "To Do"), ("done", "Done")],
        string="Status",
        required=True,
        default="open",
        tracking=True,
        index=True,
    )

    @api.depends("date_done", "date_deadline")
    def _compute_done_late(self):
        for conclusion in self:
            conclusion.done_late = bool(
                conclusion.date_done
                and conclusion.date_deadline
                and conclusion.date_done > conclusion.date_deadline
            )

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for conclusion in self:
            conclusion.is_overdue = bool(
                conclusion.state == "open"
                and conclusion.date_deadline
                and conclusion.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("This search is not supported."))
        today = fields.Date.context_today(self)
        domain = [("state", "=", "open"), ("date_deadline", "<", today)]
        if (operator == "=") != bool(value):
            return ["!", "&", *domain]
        return domain

    @api.model_create_multi
    def create(self, vals_list):
        conclusions = super().create(vals_list)
        conclusions._check_dates()
        conclusions._schedule_owner_todo()
        return conclusions

    def write(self, vals):
        if (
            not self.env.su
            and not self._danvan_gate_open()
            and not self.env.user.has_group(OFFICE_GROUP)
            and vals.keys() - self._danvan_free_fields()
        ):
            raise AccessError(
                self.env._("Only the Office changes the conclusions of a briefing.")
            )
        previous_owners = {c: c.user_id for c in self}
        result = super().write(vals)
        if "date_deadline" in vals:
            self._check_dates()
        if "user_id" in vals:
            for conclusion in self:
                if conclusion.user_id != previous_owners[conclusion]:
                    conclusion.sudo().activity_unlink(["mail.mail_activity_data_todo"])
                    conclusion._schedule_owner_todo()
        return result

    def _check_dates(self):
        calendar = self.env["danvan.holiday"]
        for conclusion in self:
            calendar._check_date(conclusion.date_deadline)
            start = conclusion.briefing_id.date_briefing
            if start and conclusion.date_deadline < start.date():
                raise UserError(
                    self.env._(
                        "The deadline of a conclusion cannot be before the "
                        "briefing, on %(day)s.",
                        day=start.date().strftime("%d/%m/%Y"),
                    )
                )

    def _schedule_owner_todo(self):
        for conclusion in self.sudo().filtered(lambda c: c.state == "open"):
            env = conclusion._agency_env()
            conclusion.with_env(env).activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=conclusion.date_deadline,
                summary=env._("Conclusion of the briefing to carry out"),
                note=conclusion.name,
                user_id=conclusion.user_id.id,
            )

    def action_done(self):
        """The owner, or the Office, marks the follow-up done."""
        office = self.env.user.has_group(OFFICE_GROUP)
        others = self.filtered(lambda c: c.user_id != self.env.user)
        if others and not office and not self.env.su:
            raise AccessError(
                self.env._(
                    "Only its owner or the Office marks %(names)s done.",
                    names=", ".join(others.mapped("display_name")),
                )
            )
        self.sudo()._transition(
            "action_done", {"date_done": fields.Date.context_today(self)}
        )
        self._danvan_activities_done("mail.mail_activity_data_todo")
        return True

    def action_reopen(self):
        self._transition("action_reopen", {"date_done": False})
        self._schedule_owner_todo()
        return True

    @api.depends("name")
    def _compute_display_name(self):
        for conclusion in self:
            text = (conclusion.name or "").strip().splitlines()
            first = text[0] if text else ""
            conclusion.display_name = first[:80]

    # The follow-up's deadline: its owner is warned, the Office alerted.
    def _deadline_open_domain(self):
        return [("state", "=", "open")]

    def _deadline_warned_users(self):
        return self.user_id

    def _deadline_escalation_users(self):
        office = self.env.ref(OFFICE_GROUP).sudo().users
        return office.filtered(
            lambda u: u.active
            and not u.share
            and self.company_id in u.company_ids
            and not u.has_group("danvan_base.group_danvan_admin")
        )

    # ------------------------------------------------------------------
    # "My Work" (DC-18): the blocks danvan.my.work shows
    # ------------------------------------------------------------------

    @api.model
    def _my_work_briefing_blocks(self):
        """The user's open follow-ups of briefings; for the Office, the
        follow-ups of anyone whose deadline is missed. Blocks in the shape
        of danvan.my.work's, searched as the user."""
        MyWork = self.env["danvan.my.work"]
        blocks = [
            MyWork._my_work_block(
                "briefing_follow_ups",
                self._name,
                [("state", "=", "open"), ("user_id", "=", self.env.uid)],
                sequence=70,
                title=self.env._("Your follow-ups of briefings"),
                empty=self.env._("No follow-up of a briefing waits for you."),
                date_field="date_deadline",
                order="date_deadline, id",
            )
        ]
        if self.env.user.has_group(OFFICE_GROUP):
            blocks.append(
                MyWork._my_work_block(
                    "briefing_follow_ups_overdue",
                    self._name,
                    [("is_overdue", "=", True)],
                    sequence=71,
                    title=self.env._("Follow-ups of briefings overdue"),
                    empty=self.env._("No follow-up of a briefing is overdue."),
                    date_field="date_deadline",
                    order="date_deadline, id",
                )
            )
        return [block for block in blocks if block]
