from odoo import fields, models


class DanvanHandlerMixin(models.AbstractModel):
    """A petition or a case and its legal deadlines (issue 5, item 7).

    Its handler is warned a few working days before the deadline, and the
    head of the handling unit is alerted once it is missed
    (danvan.deadline.mixin).
    """

    _name = "danvan.handler.mixin"
    _description = "Dân vận Legal Deadline"
    _inherit = ["danvan.deadline.mixin"]

    handler_id = fields.Many2one(
        "res.users",
        string="Handler",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Handling Unit",
        default=lambda self: self.env.company.danvan_handling_unit_id,
        tracking=True,
        check_company=True,
    )

    def _deadline_warned_users(self):
        return self.handler_id

    def _deadline_escalation_users(self):
        return self.department_id._danvan_unit_heads() or self.handler_id

    def _deadline_warning_days(self):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("danvan_complaints.deadline_warning_days", 2)
        )
