from contextlib import contextmanager

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class DanvanCommon(BaseCommon):
    """One user per common role of DESIGN.md, each an employee of a unit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_science = cls.env["hr.department"].create(
            {"name": "Phòng Quản lý Khoa học"}
        )
        cls.unit_office = cls.env["hr.department"].create({"name": "Văn phòng Sở"})
        roles = {
            "staff": ("group_danvan_staff", cls.unit_science),
            "unit_head": ("group_danvan_unit_head", cls.unit_science),
            "office": ("group_danvan_office", cls.unit_office),
            "leader": ("group_danvan_leadership", cls.unit_office),
            "dv_admin": ("group_danvan_admin", cls.unit_office),
        }
        cls.users = {}
        for login, (group, unit) in roles.items():
            cls._add_role_user(login, f"danvan_base.{group}", unit)
        cls.user_outsider = new_test_user(
            cls.env, login="dv_outsider", groups="base.group_user"
        )
        cls.Holiday = cls.env["danvan.holiday"]

    @classmethod
    def _add_role_user(cls, login, groups, unit):
        """``dv_<login>``, an employee of ``unit``, as ``cls.users[login]``."""
        user = new_test_user(cls.env, login=f"dv_{login}", groups=groups)
        cls.env["hr.employee"].create(
            {"name": user.name, "user_id": user.id, "department_id": unit.id}
        )
        cls.users[login] = user
        return user

    @contextmanager
    def assertRefused(self, pattern="1990 and 2100"):
        """A ValidationError matching ``pattern``, rolled back to the
        savepoint of Odoo's ``assertRaises`` (``assertRaisesRegex`` has none):
        what follows sees what a refused request leaves."""
        with self.assertRaises(ValidationError) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)
