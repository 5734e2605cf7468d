from datetime import date

from odoo import Command

from odoo.addons.danvan_base.tests.common import DanvanCommon


class DemocracyCommon(DanvanCommon):
    """The roles of danvan_base, a member of the union executive committee and
    a member of the people's inspection board, in one agency whose headcount
    is only the test's employees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._add_role_user(
            "union", "danvan_democracy.group_danvan_union", cls.unit_office
        )
        cls._add_role_user(
            "board", "danvan_democracy.group_danvan_inspection_board", cls.unit_science
        )
        cls.company = cls.env.company
        # The demo's employees are not the test's agency.
        mine = cls.env["hr.employee"].search(
            [("user_id", "in", [u.id for u in cls.users.values()])]
        )
        (cls.env["hr.employee"].search([]) - mine).write({"active": False})
        # The demo's conferences belong to another agency than the test's: a
        # year holds one annual conference of an agency (DC-6).
        demo_agency = cls.env["res.company"].create({"name": "Sở của dữ liệu mẫu"})
        conferences = cls.env["danvan.conference"].search([])
        # Whoever the demo's conferences name is of that agency too.
        conferences.union_opinion_user_id.company_ids = [Command.link(demo_agency.id)]
        conferences.write({"company_id": demo_agency.id})
        cls.Publication = cls.env["danvan.publication"]
        cls.category_salary = cls.env.ref(
            "danvan_democracy.danvan_publication_category_art46_6"
        )
        cls.form_intranet = cls.env.ref(
            "danvan_democracy.danvan_publication_form_intranet"
        )
        cls.form_notice = cls.env.ref(
            "danvan_democracy.danvan_publication_form_written_notice"
        )

    @classmethod
    def _add_staff(cls, count, unit=None, **values):
        """``count`` more employees without a login, in ``unit``."""
        return cls.env["hr.employee"].create(
            [
                dict(
                    {
                        "name": f"Nhân viên {n}",
                        "department_id": (unit or cls.unit_science).id,
                    },
                    **values,
                )
                for n in range(count)
            ]
        )

    def _publication(self, user=None, **values):
        vals = {
            "name": "Nâng bậc lương quý IV",
            "category_id": self.category_salary.id,
            "decision_date": date(2026, 12, 1),
            "content": "<p>Danh sách nâng bậc lương.</p>",
            "form_ids": [(6, 0, self.form_intranet.ids)],
        }
        vals.update(values)
        return self.Publication.with_user(user or self.users["office"]).create(vals)
