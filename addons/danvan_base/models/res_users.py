from odoo import api, models

HOME_ACTION = "danvan_base.danvan_my_work_action"
GROUP_KEYS = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._danvan_sync_home_action()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(key.startswith(GROUP_KEYS) for key in vals):
            self._danvan_sync_home_action()
        return result

    @api.model
    def _danvan_sync_all_home_actions(self):
        self.search([("share", "=", False)])._danvan_sync_home_action()

    def _danvan_sync_home_action(self):
        """A Dân vận user starts on "My Work" instead of Discuss, unless the
        administrator chose another home action; a user who leaves the Dân
        vận roles no longer starts there."""
        action = self.env.ref(HOME_ACTION, raise_if_not_found=False)
        if not action:  # while danvan_base installs, before its views
            return
        staff = self.env.ref("danvan_base.group_danvan_staff")
        users = self.sudo()
        members = users.filtered(
            lambda user: not user.share and staff in user.groups_id
        )
        members.filtered(lambda user: not user.action_id).write(
            {"action_id": action.id}
        )
        (users - members).filtered(lambda user: user.action_id.id == action.id).write(
            {"action_id": False}
        )
