from odoo import models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    def _danvan_unit_heads(self):
        """Who answers for each unit: its manager, else its members who hold
        the unit head role."""
        heads = self.env["res.users"]
        for unit in self:
            unit_heads = unit.manager_id.user_id
            if not unit_heads:
                unit_heads = unit.member_ids.user_id.filtered(
                    lambda user: user.has_group("danvan_base.group_danvan_unit_head")
                )
            heads |= unit_heads
        return heads
