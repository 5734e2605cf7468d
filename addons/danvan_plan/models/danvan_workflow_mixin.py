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
