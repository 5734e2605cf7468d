from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL


class DanvanWorkflowMixin(models.AbstractModel):
    """State changes that check their source state under a row lock.

    A model lists its moves in ``_transitions``: {action: (sources, target)}.
    The rows are locked and their state read again from the database, so a
    double click or two users at once never skip or repeat a state.
    """

    _name = "danvan.workflow.mixin"
    _description = "Dân vận Workflow"
    _transitions = {}

    def _transition(self, action, values=None):
        sources, target = self._transitions[action]
        self.flush_recordset(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT state FROM %s WHERE id IN %s FOR UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        if len(self.ids) != self.env.cr.rowcount or any(
            state not in sources for (state,) in self.env.cr.fetchall()
        ):
            raise UserError(
                self.env._(
                    "This action is not possible in the current status of %s. "
                    "Reload the page: someone may have changed it.",
                    ", ".join(self.mapped("display_name")),
                )
            )
        self.write(dict(values or {}, state=target))
        return True

    def _agency_env(self):
        """The environment in the agency's language, for what the record
        stores or issues once for every reader (names, summaries, to-dos,
        file names), whoever's language the user works in."""
        company = self[:1]["company_id"] if "company_id" in self._fields else False
        return self.with_context(lang=(company or self.env.company)._danvan_lang()).env

    def _danvan_approvers(self):
        """Leadership, without those who hold it only as administrators."""
        leaders = self.env.ref("danvan_base.group_danvan_leadership").sudo().users
        leaders = leaders.filtered(lambda user: user.active and not user.share)
        admins = self.env.ref("danvan_base.group_danvan_admin").sudo().users
        return (leaders - admins) or leaders

    def _danvan_ask_approval(self, summary):
        """A to-do for every approver: the record waits for leadership."""
        approvers = self._danvan_approvers()
        for record in self.sudo():
            for user in approvers:
                record.activity_schedule(
                    "danvan_base.mail_activity_danvan_approval",
                    summary=summary,
                    user_id=user.id,
                )

    def _danvan_approval_done(self, feedback=None):
        """The approval to-dos are done once one approver has decided."""
        self._danvan_activities_done(
            "danvan_base.mail_activity_danvan_approval", feedback
        )

    def _danvan_approval_cancel(self):
        """The approval to-dos go when the record goes back to its author."""
        self.sudo().activity_unlink(["danvan_base.mail_activity_danvan_approval"])

    def _danvan_activities_done(self, activity_type, feedback=None):
        """Mark the to-dos done; the chatter's note says so in the agency's
        language, as everything the agency stores once for every reader."""
        lang = self._agency_env().lang
        self.sudo().with_context(lang=lang).activity_feedback(
            [activity_type], feedback=feedback
        )
