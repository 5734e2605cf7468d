"""A plan item given to a lead unit, with its deadline or its recurrence."""

from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import create_index

from odoo.addons.danvan_base.tools.large_tables import (
    create_agency_list_index,
    many2many_ids,
)

# Months that open each period of a recurrence, within the plan's year.
PERIOD_STARTS = {
    "monthly": list(range(1, 13)),
    "quarterly": [1, 4, 7, 10],
    "half_yearly": [1, 7],
    "yearly": [1],
}
OFFICE = "danvan_base.group_danvan_office"
UNIT_HEAD = "danvan_base.group_danvan_unit_head"
TRANSITIONS = {
    "action_start": ({"assigned"}, "in_progress", UNIT_HEAD),
    "action_mark_reported": ({"assigned", "in_progress"}, "reported", UNIT_HEAD),
    "action_done": ({"reported"}, "done", OFFICE),
    "action_reopen": ({"reported", "done", "cancelled"}, "in_progress", OFFICE),
    "action_cancel": ({"assigned", "in_progress", "reported"}, "cancelled", OFFICE),
}


class DanvanPlanTask(models.Model):
    _name = "danvan.plan.task"
    _description = "Plan Task"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.waiting.mixin",
        "danvan.deadline.mixin",
    ]
    _transitions = TRANSITIONS
    # CAL-4: the deadline rolled forward off a day off; the responsible are
    # warned before it, the head of the lead unit once it is missed.
    _danvan_deadline_fields = {"date_due": None}
    _danvan_deadline_field = "date_due"
    # A task done is archived, never deleted nor rewritten: reopen it first.
    _locked_states = ("done",)
    _deletable_states = ("assigned", "cancelled")
    _order = "date_due, id"
    # Its units and the responsible are of the plan's agency (issue 15, item 4);
    # the plan item, which gives the company, is not checked against it.
    _check_company_auto = True

    name = fields.Char(string="Task", required=True, tracking=True)
    item_id = fields.Many2one(
        "danvan.plan.item",
        string="Plan Item",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    plan_id = fields.Many2one(related="item_id.plan_id", store=True, index=True)
    year = fields.Integer(related="plan_id.year", store=True)
    lead_department_id = fields.Many2one(
        "hr.department",
        string="Lead Unit",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    cooperating_department_ids = fields.Many2many(
        "hr.department", string="Cooperating Units", check_company=True
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Responsible",
        domain="[('share', '=', False)]",
        tracking=True,
        check_company=True,
    )
    expected_output = fields.Text(help="The verifiable product of the task.")
    recurrence = fields.Selection(
        [
            ("once", "Once, by a deadline"),
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("half_yearly", "Every six months"),
            ("yearly", "Yearly"),
            ("ongoing", "Ongoing (thường xuyên)"),
            ("on_request", "On request"),
        ],
        required=True,
        default="once",
        tracking=True,
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    date_due = fields.Date(
        string="Due",
        compute="_compute_date_due",
        store=True,
        index=True,
        help="The deadline, or the next working day after a day off "
        "(Article 148 of the Civil Code 2015).",
    )
    period_ids = fields.One2many("danvan.plan.task.period", "task_id", string="Periods")
    state = fields.Selection(
        [
            ("assigned", "Assigned"),
            ("in_progress", "In Progress"),
            ("reported", "Reported"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="assigned",
        index=True,
        copy=False,
        tracking=True,
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    weight = fields.Integer(
        default=1, help="The task's share in the progress of its item and plan."
    )
    progress = fields.Integer(
        string="Progress (%)",
        compute="_compute_progress",
        store=True,
        aggregator="avg",
        help="From the accepted reports of the units; 100 once done.",
    )
    section_id = fields.Many2one(
        "danvan.plan.item",
        string="Plan Section",
        compute="_compute_section_id",
        store=True,
        index=True,
        help="The top heading of the plan the task comes under ('II').",
    )
    report_ids = fields.One2many("danvan.plan.report", "task_id", string="Reports")
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)

    @api.depends("date_deadline")
    def _compute_date_due(self):
        self._set_rolled_forward("date_due", "date_deadline")

    @api.depends("state", "report_ids.state", "report_ids.progress")
    def _compute_progress(self):
        accepted = dict(
            self.env["danvan.plan.report"]
            .sudo()
            ._read_group(
                [("task_id", "in", self.ids), ("state", "=", "accepted")],
                ["task_id"],
                ["progress:max"],
            )
        )
        for task in self:
            task.progress = 100 if task.state == "done" else accepted.get(task, 0)

    @api.depends("item_id.parent_path")
    def _compute_section_id(self):
        for task in self:
            task.section_id = task.item_id._section() if task.item_id else False

    @api.model
    def _weighted_progress(self, tasks):
        """The average progress of ``tasks``, weighted; cancelled ones left out."""
        tasks = tasks.filtered(lambda t: t.state != "cancelled")
        total = sum(tasks.mapped("weight"))
        if not total:
            return 0.0
        return sum(task.progress * task.weight for task in tasks) / total

    @api.depends("date_due", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for task in self:
            task.is_overdue = bool(
                task.date_due
                and task.date_due < today
                and task.state in self._open_states()
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue tasks."))
        domain = [
            ("date_due", "<", fields.Date.context_today(self)),
            ("state", "in", self._open_states()),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    def _danvan_waiting_domain(self):
        """The Office closes the reported tasks and chases the overdue ones; a
        unit works on the open tasks it leads or cooperates on."""
        if self.env.user.has_group("danvan_base.group_danvan_office"):
            return ["|", ("state", "=", "reported"), ("is_overdue", "=", True)]
        units = self._danvan_user_units()
        return [
            ("state", "in", self._open_states()),
            "|",
            ("lead_department_id", "in", units),
            ("id", "in", many2many_ids(self, "cooperating_department_ids", units)),
        ]

    def _deadline_open_domain(self):
        return [("state", "in", self._open_states())]

    def _deadline_warned_users(self):
        return self.user_ids or self.lead_department_id._danvan_unit_heads()

    def _deadline_escalation_users(self):
        return self.lead_department_id._danvan_unit_heads() or self.user_ids

    @api.model
    def _open_states(self):
        return ["assigned", "in_progress", "reported"]

    @api.constrains("weight")
    def _check_weight(self):
        if any(task.weight < 0 for task in self):
            raise ValidationError(self.env._("A weight cannot be negative."))

    @api.constrains("date_deadline", "item_id", "recurrence")
    def _check_deadline(self):
        for task in self:
            if task.recurrence == "once" and not task.date_deadline:
                raise ValidationError(
                    self.env._("%s: a one-off task needs a deadline.", task.name)
                )
            if task.date_deadline and task.date_deadline.year != task.year:
                raise ValidationError(
                    self.env._(
                        "%(task)s: the deadline %(deadline)s is outside the plan's "
                        "year %(year)s.",
                        task=task.name,
                        deadline=task.date_deadline,
                        year=task.year,
                    )
                )

    def init(self):
        """The agency's tasks in the lists' order, with what the units' rule
        and the list's count read: served from the index alone (issue 15)."""
        result = super().init()
        create_index(
            self.env.cr,
            f"{self._table}_company_order_index",
            self._table,
            ["company_id", "date_due", "id", "lead_department_id", "state"],
            where="active",
        )
        # What waits for a unit: its open tasks, in the list's order.
        create_agency_list_index(
            self.env.cr,
            self._table,
            "unit_open",
            "lead_department_id",
            ["date_due", "id"],
            "active AND state IN ('assigned', 'in_progress', 'reported')",
        )
        return result

    @api.model_create_multi
    def create(self, vals_list):
        tasks = super().create(vals_list)
        tasks._sync_periods()
        return tasks

    def write(self, vals):
        result = super().write(vals)
        if "recurrence" in vals or "item_id" in vals:
            self._sync_periods()
        return result

    def _sync_periods(self):
        """Create the dated periods of recurring tasks, for the plan's year.

        Periods already reported on are kept; the others follow the recurrence.
        """
        Period = self.env["danvan.plan.task.period"]
        for task in self:
            starts = PERIOD_STARTS.get(task.recurrence, [])
            wanted = {
                date(task.year, month, 1): self._period_end(task.year, month, starts)
                for month in starts
            }
            existing = {period.date_start: period for period in task.period_ids}
            task.period_ids.filtered(
                lambda p, wanted=wanted: p.date_start not in wanted and not p.reported
            ).unlink()
            Period.create(
                [
                    {"task_id": task.id, "date_start": start, "date_end": end}
                    for start, end in wanted.items()
                    if start not in existing
                ]
            )

    @staticmethod
    def _period_end(year, month, starts):
        following = [m for m in starts if m > month]
        if following:
            return date(year, following[0], 1) - timedelta(days=1)
        return date(year, 12, 31)

    def action_new_report(self):
        """A progress report on this task, opened from the task itself."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.plan.report",
            "views": [(False, "form")],
            "context": {"default_task_id": self.id},
        }

    def action_start(self):
        return self._transition("action_start")

    def action_mark_reported(self):
        return self._transition("action_mark_reported")

    def action_done(self):
        return self._transition("action_done")

    def action_reopen(self):
        return self._transition("action_reopen")

    def action_cancel(self):
        return self._transition("action_cancel")
