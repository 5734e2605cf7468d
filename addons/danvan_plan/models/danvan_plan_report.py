"""A unit's progress report on one of its tasks, for a period."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

OFFICE = "danvan_base.group_danvan_office"
TRANSITIONS = {
    "action_submit": (
        {"draft", "returned"},
        "submitted",
        "danvan_base.group_danvan_unit_head",
    ),
    "action_accept": ({"submitted"}, "accepted", OFFICE),
    "action_return": ({"submitted"}, "returned", OFFICE),
}


class DanvanPlanReport(models.Model):
    _name = "danvan.plan.report"
    _description = "Task Progress Report"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.attachment.mixin",
        "danvan.waiting.mixin",
    ]
    _transitions = TRANSITIONS
    # An accepted report counts in the plan's progress: archived, never
    # deleted nor rewritten, its files with it.
    _locked_states = ("accepted",)
    _deletable_states = ("draft", "returned")
    _order = "create_date desc, id desc"
    # A unit of the task's agency reports on it (issue 15, item 4); the task
    # gives the company.
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    task_id = fields.Many2one(
        "danvan.plan.task",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    period_id = fields.Many2one(
        "danvan.plan.task.period",
        domain="[('task_id', '=', task_id)]",
        tracking=True,
        check_company=True,
        help="The period reported on, for a recurring task.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.employee_ids[:1].department_id,
    )
    plan_id = fields.Many2one(related="task_id.plan_id", store=True, index=True)
    company_id = fields.Many2one(related="task_id.company_id", store=True, index=True)
    content = fields.Html(string="Results", required=True)
    progress = fields.Integer(
        string="Progress (%)", required=True, default=0, tracking=True, aggregator="avg"
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
        ],
        string="Status",
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    round_id = fields.Many2one(
        "danvan.plan.round",
        string="Report Round",
        index=True,
        copy=False,
        readonly=True,
        tracking=True,
        check_company=True,
        help="The round the report counts for: the open round of the plan when "
        "it is submitted, or the round that opened after it, in its period.",
    )
    return_reason = fields.Text(tracking=True, copy=False)
    can_review = fields.Boolean(
        compute="_compute_can_review",
        help="Whether the current user accepts or returns reports (the Office).",
    )
    date_submitted = fields.Date(copy=False, readonly=True)
    active = fields.Boolean(default=True)

    @api.depends("task_id.name", "period_id.name", "department_id.name")
    def _compute_name(self):
        """Stored once for every reader: the unit's name in the agency's language."""
        for report in self:
            company = report.task_id.company_id or self.env.company
            agency = report.with_context(lang=company._danvan_lang())
            parts = [
                report.task_id.name,
                report.period_id.name,
                agency.department_id.name,
            ]
            report.name = " - ".join(part for part in parts if part)

    @api.depends_context("uid")
    def _compute_can_review(self):
        self.can_review = self.env.user.has_group("danvan_base.group_danvan_office")

    def _danvan_waiting_domain(self):
        """The Office reviews what is submitted; a unit sends its drafts and
        the reports returned to it."""
        if self.env.user.has_group("danvan_base.group_danvan_office"):
            return [("state", "=", "submitted")]
        return [
            ("state", "in", ("draft", "returned")),
            ("department_id", "in", self._danvan_user_units()),
        ]

    @api.constrains("progress")
    def _check_progress(self):
        for report in self:
            if not 0 <= report.progress <= 100:
                raise ValidationError(
                    self.env._("Progress is a percentage from 0 to 100.")
                )

    @api.constrains("task_id", "department_id", "period_id")
    def _check_unit(self):
        """A unit reports only on the tasks it leads or cooperates on."""
        for report in self:
            task = report.task_id.sudo()
            units = task.lead_department_id | task.cooperating_department_ids
            if report.department_id not in units:
                raise ValidationError(
                    self.env._(
                        "%(unit)s neither leads nor cooperates on the task '%(task)s'.",
                        unit=report.department_id.name,
                        task=task.name,
                    )
                )
            if report.period_id and report.period_id.task_id != report.task_id:
                raise ValidationError(self.env._("The period belongs to another task."))

    def write(self, vals):
        """Once submitted, only the Office touches a report's content."""
        submitted = self.filtered(lambda r: r.state == "submitted")
        content = set(vals) - self._danvan_free_fields() - {"return_reason", "round_id"}
        if (
            submitted
            and content
            and not self.env.su
            and not self._danvan_gate_open()
            and not self.env.user.has_group("danvan_base.group_danvan_office")
        ):
            raise UserError(
                self.env._("A submitted report can no longer be changed by the unit.")
            )
        return super().write(vals)

    def action_submit(self):
        """The unit head sends the unit's report to the Office."""
        self._transition(
            "action_submit", {"date_submitted": fields.Date.context_today(self)}
        )
        self._join_open_round()
        self._ask_review()
        return True

    def _reviewers(self):
        """Who reviews the report: the Office officer responsible for its plan.

        A plan without one, or whose officer left the Office, asks the Office
        officers (leadership and administrators aside, unless there are no
        others): one to-do each, never one per Office user of the agency when
        the plan names its officer.
        """
        self.ensure_one()
        responsible = self.plan_id.sudo().user_id
        if (
            responsible.active
            and not responsible.share
            and responsible.has_group("danvan_base.group_danvan_office")
        ):
            return responsible
        office = self.env.ref("danvan_base.group_danvan_office").sudo().users
        office = office.filtered(lambda user: user.active and not user.share)
        leaders = self.env.ref("danvan_base.group_danvan_leadership").sudo().users
        return (office - leaders) or office

    def _ask_review(self):
        """A to-do for the Office: the unit's report waits to be accepted."""
        for report in self.sudo():
            agency = report.with_context(lang=report.plan_id.company_id._danvan_lang())
            summary = agency.env._("Accept or return the unit's report")
            for user in report._reviewers():
                report.activity_schedule(
                    "danvan_plan.mail_activity_danvan_review",
                    summary=summary,
                    user_id=user.id,
                )

    def _join_open_round(self):
        """A report sent while its plan has a round open counts for that round,
        when the report lies in the round's period."""
        reports = self.filtered(lambda r: not r.round_id)
        lines = (
            self.env["danvan.plan.round.unit"]
            .sudo()
            .search(
                [
                    ("round_id.state", "=", "open"),
                    ("round_id.plan_id", "in", reports.plan_id.ids),
                    ("department_id", "in", reports.department_id.ids),
                    ("task_ids", "in", reports.task_id.ids),
                ],
                order="id desc",
            )
        )
        for report in reports:
            line = lines.filtered(
                lambda line, r=report: line.round_id.plan_id == r.plan_id
                and line.department_id == r.department_id
                and r.task_id in line.task_ids
                and r.filtered_domain(line.round_id._report_period_domain())
            )[:1]
            if line:
                report.sudo().round_id = line.round_id
                line._close_requests()

    def action_accept(self):
        self._transition("action_accept")
        periods = self.period_id
        periods.sudo().write({"reported": True})
        tasks = self.task_id.filtered(lambda t: t.state in ("assigned", "in_progress"))
        tasks.sudo()._transition("action_mark_reported")
        self.env["danvan.plan.round.unit"].sudo().search(
            [("round_id", "in", self.round_id.ids)]
        )._close_requests()
        self._review_done()
        return True

    def action_return(self):
        """Send the report back to the unit; the reason is required."""
        if any(not report.return_reason for report in self):
            raise UserError(self.env._("Give the reason for returning the report."))
        self._transition("action_return")
        self._review_done()
        return True

    def _review_done(self):
        self._danvan_activities_done("danvan_plan.mail_activity_danvan_review")
