from odoo import fields, models

from .res_company import STAFF_CATEGORIES

# DC-15: who may not sit on the people's inspection board.
MANAGEMENT_ROLES = [
    ("head", "Head"),
    ("deputy", "Deputy Head"),
    ("chief_accountant", "Chief Accountant"),
]


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    danvan_staff_category = fields.Selection(
        STAFF_CATEGORIES,
        string="Staff Category",
        default="civil_servant",
        help="Cán bộ, công chức, viên chức or người lao động: the headcount of the "
        "staff conference counts them all (Article 51 of the Law on Grassroots "
        "Democracy).",
    )
    danvan_management_role = fields.Selection(
        MANAGEMENT_ROLES,
        string="Management Role",
        help="The head, the deputies and the chief accountant cannot sit on the "
        "people's inspection board (Article 60 of the Law on Grassroots "
        "Democracy).",
    )
