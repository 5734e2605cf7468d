from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_order


class DanvanDenunciationFollowupMeasure(models.Model):
    """A measure of a conclusion to carry out, with its owner and deadline
    (TC-14); its owner gets a to-do, and a warning once it is late."""

    _name = "danvan.denunciation.followup.measure"
    _description = "Measure to Carry Out after a Denunciation Conclusion"
    _inherit = ["mail.thread", "mail.activity.mixin", "danvan.workflow.mixin"]
    _order = "date_deadline, id"
    _transitions = {"action_done": ({"todo"}, "done", False)}
    _locked_states = ("done",)
    _deletable_states = ("todo",)

    followup_id = fields.Many2one(
        "danvan.denunciation.followup",
        string="Follow-up",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="followup_id.company_id", store=True, index=True
    )
    denunciation_id = fields.Many2one(
        related="followup_id.denunciation_id", store=True, index=True
    )
    name = fields.Char(string="Measure", required=True, tracking=True)
    owner_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_deadline = fields.Date(string="Deadline", required=True, tracking=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Carried Out")],
        string="Status",
        required=True,
        default="todo",
        copy=False,
        tracking=True,
    )
    date_done = fields.Date(string="Carried Out On", copy=False, tracking=True)
    result = fields.Text(tracking=True)
    is_overdue = fields.Boolean(
        string="Late", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    overdue_warned = fields.Boolean(readonly=True, copy=False)

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for measure in self:
            measure.is_overdue = (
                measure.state == "todo"
                and measure.date_deadline
                and measure.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [("state", "=", "todo"), ("date_deadline", "<", today)]
        if (operator == "=") == bool(value):
            return domain
        return [
            "|",
            ("state", "!=", "todo"),
            "|",
            ("date_deadline", ">=", today),
            ("date_deadline", "=", False),
        ]

    @api.constrains("date_deadline", "date_done")
    def _check_dates(self):
        check_dates(self, ["date_deadline", "date_done"])
        for measure in self:
            start = measure.followup_id.date_start
            check_order(
                self.env,
                measure.followup_id._fields["date_start"]._description_string(self.env),
                start,
                measure._fields["date_deadline"]._description_string(self.env),
                measure.date_deadline,
            )

    @api.model_create_multi
    def create(self, vals_list):
        measures = super().create(vals_list)
        measures._check_followup_open()
        measures.filtered(
            lambda m: m.followup_id.state == "ongoing" and m.state == "todo"
        )._schedule_owner_activity()
        return measures

    def write(self, vals):
        if vals.get("followup_id"):
            self._check_followup_open(
                self.env["danvan.denunciation.followup"].browse(vals["followup_id"])
            )
        return super().write(vals)

    def _check_followup_open(self, followups=None):
        """A closed follow-up takes no new measure, nor one moved into it."""
        if followups is None:
            followups = self.followup_id
        if followups.filtered(lambda f: f.state == "closed"):
            raise UserError(self.env._("A closed follow-up takes no new measure."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        """The measures of a follow-up under way are kept with it (TC-14)."""
        started = self.sudo().filtered(lambda m: m.followup_id.state != "draft")
        if started:
            raise UserError(
                self.env._(
                    "%s is kept by law and cannot be deleted.",
                    ", ".join(started.mapped("name")),
                )
            )

    def _schedule_owner_activity(self):
        agency = self._agency_env()
        for measure in self.sudo():
            measure.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=measure.date_deadline,
                user_id=measure.owner_id.id,
                summary=agency._(
                    "Carry out the measure of conclusion %s",
                    measure.denunciation_id.number,
                ),
            )

    def action_done(self):
        """Carried out, with its result; the owner's to-do is done."""
        for measure in self:
            if not measure.result:
                raise UserError(self.env._("%s: state what was done.", measure.name))
            if measure.followup_id.state != "ongoing":
                raise UserError(
                    self.env._("The follow-up of %s is not under way.", measure.name)
                )
            measure._transition(
                "action_done",
                {"date_done": measure.date_done or fields.Date.context_today(self)},
            )
        self._danvan_activities_done("mail.mail_activity_data_todo")
        return True

    @api.model
    def _cron_warn_overdue(self):
        """Once per late measure: its owner and the officer in charge of the
        follow-up are warned (TC-14); so is the officer of a report past its
        due day."""
        late = self.sudo().search(
            [
                ("is_overdue", "=", True),
                ("overdue_warned", "=", False),
                ("followup_id.state", "=", "ongoing"),
            ]
        )
        for measure in late:
            agency = measure._agency_env()
            users = measure.owner_id | measure.followup_id.user_id
            for user in users:
                measure.activity_schedule(
                    "mail.mail_activity_data_warning",
                    user_id=user.id,
                    summary=agency._(
                        "Measure past its deadline of %s",
                        measure.date_deadline.strftime("%d/%m/%Y"),
                    ),
                )
        late.write({"overdue_warned": True})
        self.env["danvan.denunciation.followup"]._cron_warn_report_due()
        return True
