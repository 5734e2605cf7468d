"""Legal and plan deadlines watched by a daily cron (issue 5, item 7).

Whoever the model names is warned a few working days before the deadline (a
to-do and a note), and whoever it escalates to is alerted once it is missed.
Each record is warned and escalated once. The deadline is one of the stored
dates that follow the calendar (danvan.calendar.dates.mixin).
"""

from odoo import api, fields, models


class DanvanDeadlineMixin(models.AbstractModel):
    _name = "danvan.deadline.mixin"
    _description = "Dân vận Deadline"
    _inherit = ["danvan.calendar.dates.mixin"]

    # The deadline warned about; the model also stores ``state`` and
    # ``company_id`` and inherits mail.activity.mixin.
    _danvan_deadline_field = "date_deadline"

    deadline_warned = fields.Boolean(copy=False, readonly=True)
    deadline_escalated = fields.Boolean(copy=False, readonly=True)
    working_days_left = fields.Integer(
        compute="_compute_working_days_left",
        help="Working days until the deadline; negative once it is missed.",
    )

    def _deadline_open_domain(self):
        """The records whose deadline still runs."""
        raise NotImplementedError

    def _deadline_recompute_domain(self, fname=None):
        return self._deadline_open_domain()

    def _deadline_warned_users(self):
        """Who is warned before the deadline."""
        raise NotImplementedError

    def _deadline_escalation_users(self):
        """Who is alerted once the deadline is missed."""
        raise NotImplementedError

    def _deadline(self):
        return self[self._danvan_deadline_field]

    @api.depends(lambda self: [self._danvan_deadline_field, "state"])
    def _compute_working_days_left(self):
        today = fields.Date.context_today(self)
        calendar = self.env["danvan.holiday"]
        running = self.filtered_domain(self._deadline_open_domain())
        for record in self:
            deadline = record._deadline()
            if not deadline or record not in running:
                record.working_days_left = 0
            elif deadline >= today:
                record.working_days_left = calendar.count_working_days(today, deadline)
            else:
                record.working_days_left = -calendar.count_working_days(deadline, today)

    def _deadline_warning_days(self):
        """How many working days before its deadline a record is warned."""
        return 2

    @api.model
    def _cron_check_deadlines(self):
        today = fields.Date.context_today(self)
        calendar = self.env["danvan.holiday"]
        fname = self._danvan_deadline_field
        open_domain = [*self._deadline_open_domain(), (fname, "!=", False)]
        self.search(
            [*open_domain, ("deadline_warned", "=", False), (fname, ">=", today)]
        ).filtered(
            lambda r: calendar.count_working_days(today, r._deadline())
            <= r._deadline_warning_days()
        )._deadline_warn()
        self.search(
            [*open_domain, ("deadline_escalated", "=", False), (fname, "<", today)]
        )._deadline_escalate()

    def _deadline_warn(self):
        """Warn, once, of the coming deadline."""
        for record in self:
            record._deadline_notify(record._deadline_warned_users(), escalate=False)
        self.write({"deadline_warned": True})

    def _deadline_escalate(self):
        """Alert, once, that the deadline is missed."""
        for record in self:
            record._deadline_notify(record._deadline_escalation_users(), escalate=True)
        self.write({"deadline_escalated": True})

    def _deadline_notify(self, users, escalate):
        """The to-do and the note are kept: written in the agency's language,
        not in the language of the cron's user."""
        self.ensure_one()
        record = self.with_context(lang=self.company_id._danvan_lang())
        deadline = self._deadline()
        day = deadline.strftime("%d/%m/%Y")
        summary = (
            record.env._("Deadline missed on %s", day)
            if escalate
            else record.env._("Deadline on %s", day)
        )
        for user in users:
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=deadline,
                summary=summary,
                user_id=user.id,
            )
        record.message_post(
            body=summary,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=users.partner_id.ids,
        )
