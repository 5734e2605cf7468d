from odoo import fields, models

from .res_company import STAFF_CATEGORIES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    danvan_staff_category = fields.Selection(
        STAFF_CATEGORIES,
        string="Staff Category",
        default="civil_servant",
        groups="hr.group_hr_user,danvan_base.group_danvan_office",
        help="Cán bộ, công chức, viên chức or người lao động: the headcount of the "
        "staff conference counts them all (Article 51 of the Law on Grassroots "
        "Democracy).",
    )
    danvan_management_role = fields.Selection(
        [
            ("head", "Head"),
            ("deputy", "Deputy Head"),
            ("chief_accountant", "Chief Accountant"),
        ],
        string="Management Role",
        groups="hr.group_hr_user,danvan_base.group_danvan_office",
        help="The head, the deputies and the chief accountant cannot sit on the "
        "people's inspection board (Article 60 of the Law on Grassroots "
        "Democracy).",
    )
