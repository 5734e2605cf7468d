from odoo import api, fields, models


class DanvanDeadlineMixin(models.AbstractModel):
    """Legal deadlines watched by a daily cron (issue 5, item 7).

    The handler is warned a few working days before the deadline (a to-do and
    an e-mail), and the head of the handling unit is alerted once it is
    missed. Each record is warned and escalated once. A model using it stores
    ``date_deadline`` and ``state``.
    """

    _name = "danvan.deadline.mixin"
    _description = "Dân vận Legal Deadline"

    handler_id = fields.Many2one(
        "res.users",
        string="Handler",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Handling Unit",
        default=lambda self: self.env.company.danvan_handling_unit_id,
        tracking=True,
    )
    deadline_warned = fields.Boolean(copy=False, readonly=True)
    deadline_escalated = fields.Boolean(copy=False, readonly=True)
    working_days_left = fields.Integer(
        compute="_compute_working_days_left",
        help="Working days until the legal deadline; negative once it is missed.",
    )

    def _deadline_open_domain(self):
        """The records whose deadline still runs."""
        raise NotImplementedError

    @api.depends("date_deadline", "state")
    def _compute_working_days_left(self):
        today = fields.Date.context_today(self)
        calendar = self.env["danvan.holiday"]
        running = self.filtered_domain(self._deadline_open_domain())
        for record in self:
            deadline = record.date_deadline
            if not deadline or record not in running:
                record.working_days_left = 0
            elif deadline >= today:
                record.working_days_left = calendar.count_working_days(today, deadline)
            else:
                record.working_days_left = -calendar.count_working_days(deadline, today)

    @api.model
    def _deadline_warning_days(self):
        """How many working days before its deadline a record is warned."""
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("danvan_complaints.deadline_warning_days", 2)
        )

    @api.model
    def _cron_check_deadlines(self):
        today = fields.Date.context_today(self)
        calendar = self.env["danvan.holiday"]
        days = self._deadline_warning_days()
        open_domain = [*self._deadline_open_domain(), ("date_deadline", "!=", False)]
        coming = self.search(
            [
                *open_domain,
                ("deadline_warned", "=", False),
                ("date_deadline", ">=", today),
            ]
        ).filtered(
            lambda r: calendar.count_working_days(today, r.date_deadline) <= days
        )
        for record in coming:
            record._deadline_notify(record.handler_id, escalate=False)
        coming.write({"deadline_warned": True})
        missed = self.search(
            [
                *open_domain,
                ("deadline_escalated", "=", False),
                ("date_deadline", "<", today),
            ]
        )
        for record in missed:
            heads = record.department_id._danvan_unit_heads() or record.handler_id
            record._deadline_notify(heads, escalate=True)
        missed.write({"deadline_escalated": True})

    def _deadline_notify(self, users, escalate):
        """The to-do and the note are kept: written in the agency's language,
        not in the language of the cron's user."""
        self.ensure_one()
        record = self.with_context(lang=self.company_id._danvan_lang())
        deadline = self.date_deadline.strftime("%d/%m/%Y")
        summary = (
            record.env._("Deadline missed on %s", deadline)
            if escalate
            else record.env._("Deadline on %s", deadline)
        )
        for user in users:
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.date_deadline,
                summary=summary,
                user_id=user.id,
            )
        record.message_post(
            body=summary,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=users.partner_id.ids,
        )
