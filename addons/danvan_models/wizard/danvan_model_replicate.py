from odoo import fields, models


class DanvanModelReplicate(models.TransientModel):
    """Replicate a model to other units (nhân rộng)."""

    _name = "danvan.model.replicate"
    _description = "Replicate a Dân vận khéo Model"

    registration_id = fields.Many2one(
        "danvan.model.registration",
        required=True,
        readonly=True,
        default=lambda self: self.env.context.get("active_id"),
    )
    department_ids = fields.Many2many("hr.department", string="Units", required=True)

    def action_replicate(self):
        copies = self.registration_id.action_replicate(self.department_ids)
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.model.registration",
            "view_mode": "list,form",
            "domain": [("id", "in", copies.ids)],
            "name": self.env._("Replications"),
        }
