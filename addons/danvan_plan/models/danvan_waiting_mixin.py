from odoo import api, fields, models
from odoo.exceptions import UserError


class DanvanWaitingMixin(models.AbstractModel):
    """What waits for the current user, by role: the filter the lists open with.

    A model words it in ``_danvan_waiting_domain`` from the user's groups, so
    that one menu serves the unit head (what his unit has to send) and the
    Office or leadership (what they have to review or approve).
    """

    _name = "danvan.waiting.mixin"
    _description = "Dân vận Waiting for Me"

    danvan_waiting = fields.Boolean(
        string="Waiting for Me",
        compute="_compute_danvan_waiting",
        search="_search_danvan_waiting",
    )

    def _danvan_waiting_domain(self):
        raise NotImplementedError

    def _danvan_user_units(self):
        """The ids of the user's units in the agencies selected, as the
        units' record rules name them. A list of ids rather than a join
        through the employees, which the database would plan again for each
        page, and read under sudo: hr checks each field of an employee the
        user reads (issue 15)."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search_fetch(
                [
                    ("user_id", "=", self.env.uid),
                    ("company_id", "in", self.env.companies.ids),
                ],
                ["department_id"],
            )
        )
        return employees.department_id.ids

    @api.depends_context("uid")
    def _compute_danvan_waiting(self):
        waiting = self.filtered_domain(self._danvan_waiting_domain())
        for record in self:
            record.danvan_waiting = record in waiting

    def _search_danvan_waiting(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on what waits for you."))
        domain = self._danvan_waiting_domain()
        return domain if (operator == "=") == value else ["!", *domain]
