from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import DanvanCommon

# What the web client calls to show a client action of the Dân vận menus.
CLIENT_ACTIONS = {
    "danvan_base.my_work": ("danvan.my.work", "get_my_work"),
    "danvan_plan.office_dashboard": ("danvan.plan.dashboard", "get_dashboard_data"),
}


@tagged("post_install", "-at_install")
class TestMenus(DanvanCommon):
    """Each role sees the menus it can use, and each of them opens (issue 10)."""

    def _visible(self, login):
        """The xmlids of the Dân vận menus ``login`` sees, with their menus."""
        Menu = self.env["ir.ui.menu"].with_user(self.users[login])
        root = self.env.ref("danvan_base.menu_danvan_root")
        menus = Menu.browse(Menu._visible_menu_ids()).filtered(
            lambda menu: menu.parent_path.startswith(root.parent_path)
        )
        return {menu.get_external_id()[menu.id]: menu.sudo() for menu in menus}

    def _open(self, user, action):
        """Open ``action`` as the web client does: its views, then its records."""
        if action._name == "ir.actions.client":
            model, method = CLIENT_ACTIONS[action.tag]
            getattr(self.env[model].with_user(user), method)()
            return
        if action._name == "ir.actions.server":
            # The server action picks the window action the user starts on.
            values = action.with_user(user).run()
        else:
            values = action._get_action_dict()
        evaluation = {"uid": user.id, "context": {}, "active_id": False}
        context, domain = values.get("context") or {}, values.get("domain") or []
        if isinstance(context, str):
            context = safe_eval(context, evaluation)
        if isinstance(domain, str):
            domain = safe_eval(domain, evaluation)
        Model = self.env[values["res_model"]].with_user(user).with_context(**context)
        view_id, view_type = values["views"][0]
        search = (values.get("search_view_id") or [False])[0]
        views = Model.get_views([(view_id, view_type), (search, "search")])["views"]
        if view_type == "form":
            Model.onchange({}, [], {"display_name": {}})
        else:
            # The fields the view shows, not those of its sub-views.
            arch = etree.fromstring(views[view_type]["arch"])
            names = arch.xpath("//field[not(ancestor::field)]/@name")
            Model.web_search_read(domain, dict.fromkeys(names, {}), limit=80)

    def test_every_visible_menu_opens_without_access_error(self):
        for login, user in self.users.items():
            for xmlid, menu in self._visible(login).items():
                if menu.action:
                    with self.subTest(login=login, menu=xmlid):
                        self._open(user, menu.action.sudo())

    def test_staff_and_unit_heads_start_on_my_work_without_the_dashboard(self):
        for login in ("staff", "unit_head"):
            visible = self._visible(login)
            self.assertIn("danvan_base.danvan_my_work_menu", visible, login)
            self.assertNotIn("danvan_plan.danvan_plan_dashboard_menu", visible, login)
            self.assertNotIn("danvan_base.menu_danvan_units", visible, login)
            self.assertNotIn("danvan_base.menu_danvan_calendar", visible, login)
        for login in ("staff", "unit_head"):
            self.assertNotIn(
                "danvan_base.menu_danvan_configuration", self._visible(login), login
            )

    def test_the_dashboard_is_the_offices(self):
        for login in ("office", "leader", "dv_admin"):
            self.assertIn(
                "danvan_plan.danvan_plan_dashboard_menu", self._visible(login), login
            )

    def test_configuration_belongs_to_who_keeps_it(self):
        """Units for the administrator; the calendar for the Office that owns it."""
        office = self._visible("office")
        self.assertIn("danvan_base.danvan_holiday_menu", office)
        self.assertNotIn("danvan_base.menu_danvan_units", office)
        self.assertIn("danvan_base.menu_danvan_units", self._visible("dv_admin"))
