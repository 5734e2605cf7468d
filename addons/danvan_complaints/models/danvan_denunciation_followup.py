"""The follow-up of a denunciation's conclusion (TC-14): Decree 156/2026
lets the resolver, the inspectorate of the same level or an assigned
advisory unit follow up the implementation of the conclusion and report back,
which fits a Sở without an inspectorate of its own."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_order


class DanvanDenunciationFollowup(models.Model):
    _name = "danvan.denunciation.followup"
    _description = "Follow-up of a Denunciation Conclusion"
    _inherit = ["mail.thread", "mail.activity.mixin", "danvan.workflow.mixin"]
    _order = "date_start desc, id desc"
    _transitions = {
        "action_start": ({"draft"}, "ongoing", False),
        "action_close": ({"ongoing"}, "closed", False),
    }
    _locked_states = ("closed",)
    _deletable_states = ("draft",)

    name = fields.Char(compute="_compute_name", store=True)
    denunciation_id = fields.Many2one(
        "danvan.denunciation",
        string="Denunciation Case",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="denunciation_id.company_id", store=True, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("ongoing", "Being Followed Up"), ("closed", "Closed")],
        string="Status",
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    unit_id = fields.Many2one(
        "hr.department",
        string="Follow-up Unit",
        tracking=True,
        help="The inspectorate of the same level or the advisory unit assigned to "
        "follow up the implementation of the conclusion (Decree 156/2026/NĐ-CP).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Officer in Charge",
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    assignment_reference = fields.Char(
        string="Assignment Document",
        tracking=True,
        help="The document that assigns the follow-up.",
    )
    date_start = fields.Date(
        string="Started On", default=fields.Date.context_today, tracking=True
    )
    measure_ids = fields.One2many(
        "danvan.denunciation.followup.measure", "followup_id", string="Measures"
    )
    report_ids = fields.One2many(
        "danvan.denunciation.followup.report", "followup_id", string="Reports"
    )
    report_interval = fields.Integer(
        string="Report Every (Months)",
        default=3,
        help="How often the follow-up unit reports to the resolver.",
    )
    date_next_report = fields.Date(
        string="Next Report Due", compute="_compute_date_next_report", store=True
    )
    report_warned_for = fields.Date(readonly=True, copy=False)
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    closing_note = fields.Text(
        string="Result of the Follow-up", tracking=True, copy=False
    )
    overdue_count = fields.Integer(compute="_compute_overdue_count")

    _sql_constraints = [
        (
            "denunciation_unique",
            "unique(denunciation_id)",
            "A conclusion has one follow-up.",
        )
    ]

    @api.depends("denunciation_id.number")
    def _compute_name(self):
        for followup in self:
            followup.name = followup.denunciation_id.number or ""

    @api.depends("date_start", "report_interval", "report_ids.date", "state")
    def _compute_date_next_report(self):
        for followup in self:
            if followup.state == "closed" or not followup.date_start:
                followup.date_next_report = False
                continue
            sent = followup.report_ids.filtered(lambda r: r.state == "sent")
            last = max(sent.mapped("date"), default=followup.date_start)
            followup.date_next_report = fields.Date.add(
                last, months=max(followup.report_interval, 1)
            )

    def _compute_overdue_count(self):
        for followup in self:
            followup.overdue_count = len(followup.measure_ids.filtered("is_overdue"))

    @api.constrains("date_start", "denunciation_id", "report_interval")
    def _check_values(self):
        check_dates(self, ["date_start"])
        for followup in self:
            case = followup.denunciation_id.sudo()
            check_order(
                self.env,
                case._fields["date_settled"]._description_string(self.env),
                case.date_settled,
                followup._fields["date_start"]._description_string(self.env),
                followup.date_start,
            )
            if followup.report_interval < 1:
                raise ValidationError(
                    self.env._("Reports are due every one month or more.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        followups = super().create(vals_list)
        for followup in followups:
            if followup.denunciation_id.state not in ("settled", "closed"):
                raise UserError(
                    self.env._(
                        "%s has no conclusion yet: its implementation is followed "
                        "up once it is concluded.",
                        followup.denunciation_id.number,
                    )
                )
        return followups

    def action_start(self):
        """The unit follows up the measures; each owner gets a to-do."""
        for followup in self:
            if not followup.unit_id or not followup.measure_ids:
                raise UserError(
                    self.env._(
                        "%s: give the follow-up unit and the measures to carry out.",
                        followup.name,
                    )
                )
            followup._transition("action_start")
            followup.measure_ids._schedule_owner_activity()
            followup.denunciation_id._log_event(
                "followup", followup.date_start, followup.assignment_reference
            )
        return True

    def action_close(self):
        """Closed when every measure is carried out, or with the reasons."""
        today = fields.Date.context_today(self)
        for followup in self:
            if not followup.closing_note:
                raise UserError(
                    self.env._("%s: state the result of the follow-up.", followup.name)
                )
            if followup.measure_ids.filtered(lambda m: m.state != "done"):
                raise UserError(
                    self.env._(
                        "%s: some measures are not carried out yet.", followup.name
                    )
                )
            if followup.report_ids.filtered(lambda r: r.state == "draft"):
                raise UserError(
                    self.env._("%s: send or delete the draft reports.", followup.name)
                )
            followup._transition("action_close", {"date_closed": today})
            followup.denunciation_id._log_event(
                "followup_closed", today, note=followup.closing_note
            )
        return True

    @api.model
    def _cron_warn_report_due(self):
        """Once per period: the officer in charge is warned of a report past
        its due day (TC-14)."""
        today = fields.Date.context_today(self)
        followups = self.sudo().search(
            [("state", "=", "ongoing"), ("date_next_report", "<", today)]
        )
        for followup in followups.filtered(
            lambda f: f.report_warned_for != f.date_next_report
        ):
            agency = followup._agency_env()
            followup.activity_schedule(
                "mail.mail_activity_data_warning",
                user_id=(followup.user_id or followup.denunciation_id.handler_id).id,
                summary=agency._(
                    "Follow-up report due since %s",
                    followup.date_next_report.strftime("%d/%m/%Y"),
                ),
            )
            followup.report_warned_for = followup.date_next_report
        return True
