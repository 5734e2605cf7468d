from odoo import fields, models


class DanvanPlanRoundConfirm(models.TransientModel):
    """The warning before a round's draft is compiled or issued while units
    have not reported or placeholders are left in its text."""

    _name = "danvan.plan.round.confirm"
    _description = "Confirm a Report Round Step"

    round_id = fields.Many2one("danvan.plan.round", required=True, ondelete="cascade")
    step = fields.Selection(
        [
            ("action_compile", "Compile the draft"),
            ("action_submit", "Submit for approval"),
            ("action_approve", "Approve and issue"),
        ],
        required=True,
    )
    missing_unit_ids = fields.Many2many("hr.department", string="Units Not Reported")
    placeholders = fields.Text(string="Placeholders Left")

    def _action_open(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Before you continue"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_continue(self):
        """Take the step anyway: the round checks rights and status again."""
        self.ensure_one()
        round_ = self.round_id.with_context(danvan_warn=False)
        return getattr(round_, self.step)()
