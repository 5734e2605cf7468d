from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        """Members added or removed here get or lose the Dân vận home action."""
        if "users" not in vals and "implied_ids" not in vals:
            return super().write(vals)
        before = self.users
        result = super().write(vals)
        (before | self.users)._danvan_sync_home_action()
        return result
