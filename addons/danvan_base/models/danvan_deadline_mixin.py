"""Legal and plan deadlines watched by a daily cron (issue 5, item 7).

Whoever the model names is warned a few working days before the deadline (a
to-do and a note), and whoever it escalates to is alerted once it is missed.
Each record is warned and escalated once. The deadline is one of the stored
dates that follow the calendar (danvan.calendar.dates.mixin). The cron works
by batches, each notified at once and committed by the cron runner (issue 15).
"""

from markupsafe import escape

from odoo import Command, api, fields, models
from odoo.tools.misc import clean_context

# Records warned or escalated per run of a deadline cron: the cron runner
# commits each run and runs again (up to 10 times) while some remain.
DEADLINE_BATCH = 1000


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

    def _deadline_warn_domain(self, today):
        """The records the cron may warn today: due before the working day
        that follows the model's warning days. The few models whose records
        warn each at their own distance return no bound."""
        horizon = self.env["danvan.holiday"].add_working_days(
            today, self._deadline_warning_days() + 1
        )
        return [(self._danvan_deadline_field, "<", horizon)]

    @api.model
    def _cron_check_deadlines(self, batch_size=DEADLINE_BATCH):
        """Warn and escalate at most ``batch_size`` records, then report what
        is left to the cron runner (ir.cron progress API): it commits the
        batch and runs the cron again at once while records remain, so a
        catch-up of many overdue records never outlasts the cron's time
        limit. Each batch writes its flags with its notifications, in the
        same transaction: nothing is notified twice."""
        today = fields.Date.context_today(self)
        calendar = self.env["danvan.holiday"]
        fname = self._danvan_deadline_field
        open_domain = [*self._deadline_open_domain(), (fname, "!=", False)]
        to_warn = self.search_fetch(
            [
                *open_domain,
                ("deadline_warned", "=", False),
                (fname, ">=", today),
                *self._deadline_warn_domain(today),
            ],
            [fname],
            order="id",
        ).filtered(
            lambda r: calendar.count_working_days(today, r._deadline())
            <= r._deadline_warning_days()
        )
        # The missed deadlines are the backlog of a first run: a batch of
        # them is read, the rest only counted.
        late_domain = [
            *open_domain,
            ("deadline_escalated", "=", False),
            (fname, "<", today),
        ]
        warn = to_warn[:batch_size]
        escalate, late = self._danvan_cron_batch(
            late_domain, "id", batch_size - len(warn)
        )
        warn._deadline_warn()
        escalate._deadline_escalate()
        done = len(warn) + len(escalate)
        self._danvan_cron_progress(done, len(to_warn) + late - done)

    @api.model
    def _danvan_cron_batch(self, domain, order, batch_size):
        """The first ``batch_size`` records of ``domain`` and how many match
        in all, read without loading every id of a large backlog."""
        batch = self.search(domain, order=order, limit=batch_size)
        if len(batch) < batch_size:
            return batch, len(batch)
        return batch, self.search_count(domain)

    @api.model
    def _danvan_cron_progress(self, done, remaining):
        """Report a batch to the cron runner, which runs the cron again at
        once while records remain. Run by hand (Run Manually), the cron is
        triggered for the rest instead of waiting for its next day."""
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        progress_id = self.env.context.get("ir_cron_progress_id")
        if remaining and progress_id and not self.env.context.get("cron_id"):
            self.env["ir.cron.progress"].sudo().browse(progress_id).cron_id._trigger()

    def _deadline_warn(self):
        """Warn, once, of the coming deadline."""
        self._deadline_notify(escalate=False)
        self.write({"deadline_warned": True})

    def _deadline_escalate(self):
        """Alert, once, that the deadline is missed."""
        self._deadline_notify(escalate=True)
        self.write({"deadline_escalated": True})

    def _deadline_notify(self, escalate):
        """A to-do for each user warned of each record, and a note on each
        record to them, written in the agency's language, not in the language
        of the cron's user. The whole batch costs a few queries per record:
        the to-dos are created at once (their note tells the same users, so
        the to-do's own 'assigned to you' message is not sent), and the notes
        too, with their inbox notifications and e-mails (_danvan_notes)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        activities, notes = [], []
        for record in self:
            users = (
                record._deadline_escalation_users()
                if escalate
                else record._deadline_warned_users()
            )
            lang = record.company_id._danvan_lang()
            env = record.with_context(lang=lang).env
            deadline = record._deadline()
            day = deadline.strftime("%d/%m/%Y")
            summary = (
                env._("Deadline missed on %s", day)
                if escalate
                else env._("Deadline on %s", day)
            )
            activities += record._danvan_activity_values(
                todo.with_env(env), users, summary, deadline
            )
            notes.append((record, lang, summary, users))
        self._danvan_create_activities(activities)
        self._danvan_notes(notes)

    def _danvan_activity_values(self, activity_type, users, summary, deadline):
        """The values of the to-dos of ``users`` on the record, as
        activity_schedule gives them; ``activity_type`` is read in the
        language of its note."""
        self.ensure_one()
        return [
            {
                "activity_type_id": activity_type.id,
                "automated": True,
                "date_deadline": deadline,
                "note": activity_type.default_note,
                "res_id": self.id,
                "res_model_id": self.env["ir.model"]._get_id(self._name),
                "summary": summary or activity_type.summary,
                "user_id": user.id,
            }
            for user in users
        ]

    @api.model
    def _danvan_create_activities(self, vals_list):
        """Create the to-dos of a batch at once. A cron's to-do comes with its
        own note, or stands alone in the assignee's to-dos: the 'assigned to
        you' message Odoo sends for each is not sent."""
        if self.env.context.get("mail_activity_automation_skip"):
            return self.env["mail.activity"]
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

    def _danvan_notes(self, notes):
        """Post each ``(record, lang, body, users)`` as a note to ``users``,
        as message_post(partner_ids=...) would, for the whole batch at once:
        one create of the messages, one of the e-mails of the users who take
        their notifications by e-mail (in Odoo's notification layout, in the
        agency's language), one of the inbox and e-mail notifications. The
        mail queue sends the e-mails; the chatter and the inbox show the
        notes when next opened (no live bus message per note)."""
        if not notes:
            return
        records = self.browse([note[0].id for note in notes])
        author_id, email_from = self._message_compute_author(raise_on_email=False)
        alias_domains = records.sudo()._mail_get_alias_domains(
            default_company=self.env.company
        )
        companies = records._mail_get_companies(default=self.env.company)
        reply_to = records._notify_get_reply_to(default=email_from)
        note_subtype = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        values_list = []
        for record, lang, body, users in notes:
            name = record.with_context(lang=lang).sudo().display_name
            by_email = any(user.notification_type == "email" for user in users)
            values_list.append(
                {
                    "author_id": author_id,
                    "body": escape(body),
                    "email_add_signature": True,
                    "email_from": email_from,
                    "message_type": "comment",
                    "model": self._name,
                    "partner_ids": users.partner_id.ids,
                    "record_alias_domain_id": alias_domains[record.id].id,
                    "record_company_id": companies[record.id].id,
                    "record_name": name,
                    "reply_to": reply_to[record.id],
                    "res_id": record.id,
                    # The subject Odoo's e-mail notification gives the message.
                    "subject": name if by_email else False,
                    "subtype_id": note_subtype,
                }
            )
        messages = self._message_create(values_list)
        notifications, mails = [], []
        for message, values, (record, lang, _body, users) in zip(
            messages, values_list, notes, strict=True
        ):
            for user in users:
                notifications.append(
                    {
                        "author_id": author_id,
                        "is_read": user.notification_type == "email",
                        "mail_message_id": message.id,
                        "notification_status": (
                            "ready" if user.notification_type == "email" else "sent"
                        ),
                        "notification_type": user.notification_type,
                        "res_partner_id": user.partner_id.id,
                    }
                )
            email_users = users.filtered(lambda u: u.notification_type == "email")
            if email_users:
                mails += record._danvan_note_mails(message, values, lang, email_users)
        if mails:
            # No default_* key of the cron's context reaches the e-mails.
            clean_env = self.env(context=clean_context(self.env.context), su=True)
            mails = clean_env["mail.mail"].create(mails)
            by_partner = {
                (mail.mail_message_id.id, partner.id): mail
                for mail in mails
                for partner in mail.recipient_ids
            }
            for notification in notifications:
                mail = by_partner.get(
                    (notification["mail_message_id"], notification["res_partner_id"])
                )
                if notification["notification_type"] == "email" and mail:
                    notification["mail_mail_id"] = mail.id
            self.env.ref("mail.ir_cron_mail_scheduler_action")._trigger()
        self.env["mail.notification"].sudo().create(notifications)

    def _danvan_note_mails(self, message, values, lang, users):
        """The e-mails of a note to ``users``, rendered as
        _notify_thread_by_email renders them."""
        self.ensure_one()
        record = self.with_context(lang=lang)
        msg_vals = {**values, "tracking_value_ids": []}
        recipients = [
            {
                "active": True,
                "groups": set(user.groups_id.ids),
                "id": user.partner_id.id,
                "is_follower": False,
                "lang": lang,
                "notif": "email",
                "share": user.share,
                "type": "portal" if user.share else "user",
                "uid": user.id,
                "ushare": user.share,
            }
            for user in users
        ]
        render_values = record._notify_by_email_prepare_rendering_context(
            message, msg_vals=msg_vals, force_email_lang=lang
        )
        headers = record._notify_by_email_get_headers()
        mails = []
        for group in record._notify_get_recipients_classify(
            message, recipients, render_values["model_description"], msg_vals=msg_vals
        ):
            body = record._notify_by_email_render_layout(
                message, group, msg_vals=msg_vals, render_values=render_values
            )
            mails.append(
                {
                    "auto_delete": True,
                    "body_html": body,
                    "headers": repr(headers),
                    "mail_message_id": message.id,
                    "recipient_ids": [Command.link(pid) for pid in group["recipients"]],
                    "references": message.message_id,
                }
            )
        return mails
