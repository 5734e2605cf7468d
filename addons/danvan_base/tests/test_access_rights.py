from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestAccessRights(DanvanCommon):
    """Each role can do what DESIGN.md gives it, and no more."""

    def _holiday_vals(self, day=date(2030, 3, 5)):
        return {"name": "Nghỉ thử", "date_from": day}

    def test_groups_imply_upward(self):
        """leadership ⊇ office ⊇ unit head ⊇ staff; admin ⊇ leadership."""
        has = lambda login, group: self.users[login].has_group(f"danvan_base.{group}")  # noqa: E731
        self.assertTrue(has("leader", "group_danvan_office"))
        self.assertTrue(has("leader", "group_danvan_unit_head"))
        self.assertTrue(has("office", "group_danvan_staff"))
        self.assertFalse(has("office", "group_danvan_leadership"))
        self.assertFalse(has("unit_head", "group_danvan_office"))
        self.assertTrue(has("dv_admin", "group_danvan_leadership"))

    def test_groups_share_one_category(self):
        """All roles hang on the one 'Dân vận' category."""
        category = self.env.ref("danvan_base.module_category_danvan")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        roles = self.env["ir.model.data"].search(
            [("module", "=", "danvan_base"), ("model", "=", "res.groups")]
        )
        self.assertEqual(len(roles), 6)
        self.assertLessEqual(set(roles.mapped("res_id")), set(groups.ids))

    def test_every_role_reads_the_calendar(self):
        """Staff, unit heads and the rest read the calendar."""
        for login in self.users:
            holidays = self.Holiday.with_user(self.users[login]).search(
                [("year", "=", 2026)]
            )
            self.assertTrue(holidays, login)
            self.assertFalse(
                self.Holiday.with_user(self.users[login]).is_working_day(
                    date(2026, 2, 16)
                )
            )

    def test_staff_and_unit_head_cannot_edit_the_calendar(self):
        """Only the Office and above change the calendar."""
        entry = self.env.ref("danvan_base.danvan_holiday_2026_tet")
        for login in ("staff", "unit_head"):
            user = self.users[login]
            with self.assertRaises(AccessError, msg=login):
                self.Holiday.with_user(user).create(self._holiday_vals())
            with self.assertRaises(AccessError, msg=login):
                entry.with_user(user).write({"name": "Đổi"})
            with self.assertRaises(AccessError, msg=login):
                self.env["danvan.holiday.generate"].with_user(user).create(
                    {"year": 2030}
                )

    def test_office_and_leadership_edit_but_do_not_delete(self):
        """The Office and leadership add and confirm days; only the admin deletes."""
        for login in ("office", "leader"):
            entry = self.Holiday.with_user(self.users[login]).create(
                self._holiday_vals()
            )
            entry.action_confirm()
            self.assertEqual(entry.state, "confirmed")
            with self.assertRaises(AccessError, msg=login):
                entry.unlink()
            entry.sudo().unlink()

    def test_administrator_deletes_and_configures_units(self):
        """The administrator deletes calendar entries and edits units."""
        admin = self.users["dv_admin"]
        entry = self.Holiday.with_user(admin).create(self._holiday_vals())
        entry.unlink()
        self.assertFalse(entry.exists())
        self.unit_science.with_user(admin).write({"name": "Phòng QLKH"})
        self.assertEqual(self.unit_science.name, "Phòng QLKH")
        unit = self.env["hr.department"].with_user(admin).create({"name": "Phòng mới"})
        self.assertTrue(unit)

    def test_staff_cannot_create_or_delete_units(self):
        """A staff member reads the units but neither creates nor deletes one."""
        staff = self.users["staff"]
        self.assertTrue(self.unit_science.with_user(staff).name)
        with self.assertRaises(AccessError):
            self.env["hr.department"].with_user(staff).create({"name": "Khác"})
        with self.assertRaises(AccessError):
            self.unit_science.with_user(staff).unlink()

    def test_outsider_sees_nothing(self):
        """An internal user without a Dân vận role sees no calendar, no menu."""
        with self.assertRaises(AccessError):
            self.Holiday.with_user(self.user_outsider).search([])
        root = self.env.ref("danvan_base.menu_danvan_root")
        visible = (
            self.env["ir.ui.menu"].with_user(self.user_outsider)._visible_menu_ids()
        )
        self.assertNotIn(root.id, visible)

    def test_menus_per_role(self):
        """Staff see the app; the Office also sees 'Generate a Year'."""
        Menu = self.env["ir.ui.menu"]
        root = self.env.ref("danvan_base.menu_danvan_root")
        generate = self.env.ref("danvan_base.danvan_holiday_generate_menu")
        settings = self.env.ref("danvan_base.menu_danvan_settings")
        staff_menus = Menu.with_user(self.users["staff"])._visible_menu_ids()
        office_menus = Menu.with_user(self.users["office"])._visible_menu_ids()
        self.assertIn(root.id, staff_menus)
        self.assertNotIn(generate.id, staff_menus)
        self.assertIn(generate.id, office_menus)
        self.assertNotIn(settings.id, office_menus)

    def test_demo_users_cover_every_role_with_a_unit(self):
        """Each role has a demo user who is an employee of a unit."""
        if not self.env.ref(
            "danvan_base.user_danvan_staff_demo", raise_if_not_found=False
        ):
            self.skipTest("installed without demo data")
        for xmlid, group in (
            ("staff", "group_danvan_staff"),
            ("unit_head", "group_danvan_unit_head"),
            ("office", "group_danvan_office"),
            ("leader", "group_danvan_leadership"),
            ("admin", "group_danvan_admin"),
        ):
            user = self.env.ref(f"danvan_base.user_danvan_{xmlid}_demo")
            self.assertTrue(user.has_group(f"danvan_base.{group}"), xmlid)
            self.assertTrue(user.employee_id.department_id, xmlid)
