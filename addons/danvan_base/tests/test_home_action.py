from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestHomeAction(DanvanCommon):
    """After login, a Dân vận user lands on "My Work", not in Discuss (issue 10)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A home action reads as an ir.actions.actions record.
        Actions = cls.env["ir.actions.actions"]
        cls.my_work = Actions.browse(
            cls.env.ref("danvan_base.danvan_my_work_action").id
        )
        cls.discuss = Actions.browse(cls.env.ref("mail.action_discuss").id)
        cls.staff = cls.env.ref("danvan_base.group_danvan_staff")

    def test_every_role_starts_on_my_work(self):
        for login, user in self.users.items():
            self.assertEqual(user.action_id, self.my_work, login)
        self.assertFalse(self.user_outsider.action_id)

    def test_a_user_given_a_role_later_starts_on_my_work(self):
        """By the user form (its groups) or by the group form (its users)."""
        user = new_test_user(self.env, login="dv_later", groups="base.group_user")
        self.assertFalse(user.action_id)
        user.groups_id = [Command.link(self.staff.id)]
        self.assertEqual(user.action_id, self.my_work)
        other = new_test_user(self.env, login="dv_later_2", groups="base.group_user")
        self.env.ref("danvan_base.group_danvan_unit_head").users = [
            Command.link(other.id)
        ]
        self.assertEqual(other.action_id, self.my_work)

    def test_the_administrators_choice_is_kept(self):
        user = new_test_user(self.env, login="dv_discuss", groups="base.group_user")
        user.action_id = self.discuss
        user.groups_id = [Command.link(self.staff.id)]
        self.assertEqual(user.action_id, self.discuss)
        self.env["res.users"]._danvan_sync_all_home_actions()
        self.assertEqual(user.action_id, self.discuss)

    def test_a_user_who_leaves_the_roles_no_longer_starts_there(self):
        user = new_test_user(self.env, login="dv_leaves", groups="base.group_user")
        user.groups_id = [Command.link(self.staff.id)]
        user.groups_id = [Command.unlink(self.staff.id)]
        self.assertFalse(user.action_id)
        kept = new_test_user(
            self.env, login="dv_leaves_2", groups="danvan_base.group_danvan_staff"
        )
        kept.action_id = self.discuss
        kept.groups_id = [Command.unlink(self.staff.id)]
        self.assertEqual(kept.action_id, self.discuss)

    def test_existing_users_start_there_after_an_update(self):
        """The update of danvan_base gives the home action to the users who
        had a Dân vận role before it existed, demo users included."""
        user = self.users["staff"]
        self.env.cr.execute(
            "UPDATE res_users SET action_id = NULL WHERE id = %s", [user.id]
        )
        user.invalidate_recordset(["action_id"])
        self.env["res.users"]._danvan_sync_all_home_actions()
        self.assertEqual(user.action_id, self.my_work)
        demo = self.env.ref("danvan_base.user_danvan_staff_demo", False)
        if demo:
            self.assertEqual(demo.action_id, self.my_work)

    def test_my_work_is_the_first_menu_of_dan_van(self):
        """The web client shows the app of the menu that opens the home action."""
        menu = self.env.ref("danvan_base.danvan_my_work_menu")
        self.assertEqual(menu.parent_id, self.env.ref("danvan_base.menu_danvan_root"))
        self.assertEqual(menu.action.id, self.my_work.id)
        for login in ("staff", "unit_head", "office"):
            Menu = self.env["ir.ui.menu"].with_user(self.users[login])
            menus = Menu.load_web_menus(False)
            root = menus[self.env.ref("danvan_base.menu_danvan_root").id]
            self.assertEqual(root["children"][0], menu.id, login)
            self.assertEqual(root["actionID"], self.my_work.id, login)


@tagged("post_install", "-at_install")
class TestHomeActionSession(HttpCase):
    """The web client gets the home action from the session."""

    def test_the_session_names_my_work_as_home(self):
        new_test_user(
            self.env, login="dv_home", groups="danvan_base.group_danvan_staff"
        )
        self.authenticate("dv_home", "dv_home")
        session = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(
            session["home_action_id"],
            self.env.ref("danvan_base.danvan_my_work_action").id,
        )
