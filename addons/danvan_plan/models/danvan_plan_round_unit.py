"""Where a unit stands in a report round: the tasks it reports on, its reports."""

from odoo import api, fields, models
from odoo.exceptions import UserError

REPORTED_STATES = ("submitted", "accepted")
# A unit that has not reported by the cut-off stays late once the round has
# left the collection: compiling the report does not make it report on time.
LATE_ROUND_STATES = ("open", "drafting", "submitted", "issued")


class DanvanPlanRoundUnit(models.Model):
    _name = "danvan.plan.round.unit"
    _description = "Report Round Unit"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "danvan.workflow.mixin",
        "danvan.kept.line.mixin",
    ]
    # The state follows the unit's reports: never written. The lines of an
    # issued report are kept with it.
    _danvan_kept_parent = "round_id"
    _order = "round_id desc, state, department_id"
    _rec_name = "department_id"
    # The units and tasks of the round's agency (issue 15, item 4).
    _check_company_auto = True

    round_id = fields.Many2one(
        "danvan.plan.round", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="round_id.company_id", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True, check_company=True
    )
    task_ids = fields.Many2many(
        "danvan.plan.task",
        string="Tasks",
        check_company=True,
        help="The tasks the unit leads in the round's period.",
    )
    report_ids = fields.One2many(
        "danvan.plan.report", compute="_compute_report_ids", string="Reports"
    )
    task_count = fields.Integer(
        string="Tasks to Report", compute="_compute_state", store=True
    )
    reported_task_count = fields.Integer(
        string="Tasks Reported", compute="_compute_state", store=True
    )
    state = fields.Selection(
        [
            ("waiting", "Not Reported"),
            ("partial", "Partly Reported"),
            ("reported", "Reported"),
            ("accepted", "Accepted"),
        ],
        string="Status",
        compute="_compute_state",
        store=True,
        index=True,
    )
    is_late = fields.Boolean(
        string="Late", compute="_compute_is_late", search="_search_is_late"
    )
    date_cutoff = fields.Date(related="round_id.date_cutoff")
    round_state = fields.Selection(related="round_id.state", string="Round Status")
    date_last_reminder = fields.Date(string="Last Reminder", readonly=True)
    reminder_count = fields.Integer(string="Reminders", readonly=True)

    _sql_constraints = [
        (
            "unit_unique",
            "unique(round_id, department_id)",
            "A unit appears once in a round.",
        ),
    ]

    def _unit_reports(self):
        self.ensure_one()
        return self.round_id.report_ids.filtered(
            lambda r: r.department_id == self.department_id
            and r.task_id in self.task_ids
        )

    @api.depends(
        "task_ids", "round_id.report_ids.task_id", "round_id.report_ids.department_id"
    )
    def _compute_report_ids(self):
        for line in self:
            line.report_ids = line._unit_reports()

    @api.depends(
        "task_ids",
        "round_id.report_ids.state",
        "round_id.report_ids.task_id",
        "round_id.report_ids.department_id",
    )
    def _compute_state(self):
        for line in self:
            sent = line._unit_reports().filtered(lambda r: r.state in REPORTED_STATES)
            accepted = sent.filtered(lambda r: r.state == "accepted")
            line.task_count = len(line.task_ids)
            line.reported_task_count = len(sent.task_id)
            if line.task_ids and accepted.task_id == line.task_ids:
                line.state = "accepted"
            elif sent.task_id == line.task_ids:
                line.state = "reported"
            else:
                line.state = "partial" if sent else "waiting"

    @api.depends("state", "round_id.date_cutoff", "round_id.state")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_late = (
                line.round_id.state in LATE_ROUND_STATES
                and line.state in ("waiting", "partial")
                and line.round_id.date_cutoff < today
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late units."))
        domain = [
            ("round_id.state", "in", LATE_ROUND_STATES),
            ("state", "in", ("waiting", "partial")),
            ("round_id.date_cutoff", "<", fields.Date.context_today(self)),
        ]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", "&", *domain]

    def _request_report(self):
        """Ask each unit for its report: a to-do for its head, and an e-mail."""
        for line in self:
            heads = line.department_id._danvan_unit_heads()
            line.message_subscribe(partner_ids=heads.partner_id.ids)
            for head in heads:
                line.activity_schedule(
                    "danvan_plan.mail_activity_round_report",
                    date_deadline=line.round_id.date_cutoff,
                    summary=line.round_id.name,
                    user_id=head.id,
                )
            line.message_post_with_source(
                "danvan_plan.mail_template_round_request",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _send_reminder(self):
        """Remind the unit by e-mail; counted so the cron spaces them out."""
        for line in self:
            line.message_post_with_source(
                "danvan_plan.mail_template_round_reminder",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            line.write(
                {
                    "date_last_reminder": fields.Date.context_today(line),
                    "reminder_count": line.reminder_count + 1,
                }
            )

    def _close_requests(self):
        """The unit has reported: its to-do is done."""
        done = self.filtered(lambda line: line.state in ("reported", "accepted"))
        done.activity_feedback(["danvan_plan.mail_activity_round_report"])
