from odoo import fields, models

from .hr_employee import MANAGEMENT_ROLES
from .res_company import STAFF_CATEGORIES


class HrEmployeePublic(models.Model):
    """What every colleague may know of a staff member: the category counted in
    the conference's headcount (DC-7) and the management role that bars them
    from the inspection board (DC-15). Odoo reads employees through this model
    for users without HR rights, such as the Office and the union."""

    _inherit = "hr.employee.public"

    danvan_staff_category = fields.Selection(
        STAFF_CATEGORIES, string="Staff Category", readonly=True
    )
    danvan_management_role = fields.Selection(
        MANAGEMENT_ROLES, string="Management Role", readonly=True
    )
