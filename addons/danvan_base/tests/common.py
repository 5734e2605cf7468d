from contextlib import contextmanager

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
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


class TwoAgenciesCommon(DanvanCommon):
    """Two agencies of one provincial install (issue 15, item 4): the main
    company with the users of DanvanCommon, and agency B with its own units
    and a user of every role; a provincial overseer allowed in both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create(
            {"name": "Sở Nội vụ thử", "danvan_agency_code": "SNV"}
        )
        Unit = cls.env["hr.department"]
        cls.unit_b = Unit.create(
            {"name": "Phòng Xây dựng chính quyền", "company_id": cls.company_b.id}
        )
        cls.unit_b_office = Unit.create(
            {"name": "Văn phòng Sở Nội vụ", "company_id": cls.company_b.id}
        )
        cls.users_b, cls.employees_b = {}, {}
        for login, group, unit in (
            ("staff", "group_danvan_staff", cls.unit_b),
            ("unit_head", "group_danvan_unit_head", cls.unit_b),
            ("office", "group_danvan_office", cls.unit_b_office),
            ("leader", "group_danvan_leadership", cls.unit_b_office),
        ):
            user = new_test_user(
                cls.env,
                login=f"dvb_{login}",
                groups=f"danvan_base.{group}",
                company_id=cls.company_b.id,
            )
            # Not read through ``user.employee_ids``: its domain is the current
            # company's, which is not B here.
            cls.employees_b[login] = cls.env["hr.employee"].create(
                {
                    "name": user.name,
                    "user_id": user.id,
                    "department_id": unit.id,
                    "company_id": cls.company_b.id,
                }
            )
            cls.users_b[login] = user
        cls.user_province = new_test_user(
            cls.env,
            login="dv_province",
            groups="danvan_base.group_danvan_provincial",
            company_id=cls.company_a.id,
            company_ids=[Command.set((cls.company_a | cls.company_b).ids)],
        )

    def _as_province(self, records):
        """``records`` as the provincial overseer, both agencies selected in
        the company switcher."""
        return records.with_user(self.user_province).with_context(
            allowed_company_ids=(self.company_a | self.company_b).ids
        )

    def assertOutOfReach(self, records, user):
        """``records`` of agency B are out of ``user``'s searches, groups and
        reads."""
        Model = records.with_user(user).browse()
        self.assertFalse(Model.search([("id", "in", records.ids)]))
        groups = Model._read_group([], ["company_id"], ["__count"])
        self.assertNotIn(self.company_b, [company for company, _count in groups])
        with self.assertRaises(AccessError):
            records.with_user(user).read(["display_name"])
