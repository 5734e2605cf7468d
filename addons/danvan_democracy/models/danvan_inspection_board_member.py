from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DanvanInspectionBoardMember(models.Model):
    """A member of the people's inspection board and their role on it
    (DC-15)."""

    _name = "danvan.inspection.board.member"
    _description = "People's Inspection Board Member"
    _check_company_auto = True
    _inherit = ["danvan.kept.line.mixin"]
    _order = "board_id, role_sequence, id"
    _danvan_kept_parent = "board_id"

    board_id = fields.Many2one(
        "danvan.inspection.board", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="board_id.company_id", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Member",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index="btree_not_null"
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Unit", store=True
    )
    role = fields.Selection(
        [("chair", "Chair"), ("deputy", "Deputy Chair"), ("member", "Member")],
        required=True,
        default="member",
    )
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {"chair": 1, "deputy": 2, "member": 3}
        for member in self:
            member.role_sequence = order.get(member.role, 9)

    @api.constrains("employee_id")
    def _check_eligible(self):
        """DC-15: the head, the deputies and the chief accountant may not sit
        on the board."""
        for member in self.sudo():
            role = member.employee_id.danvan_management_role
            if role:
                label = dict(
                    member.employee_id._fields[
                        "danvan_management_role"
                    ]._description_selection(self.env)
                )[role]
                raise ValidationError(
                    self.env._(
                        "%(person)s is the agency's %(role)s and may not sit on "
                        "the people's inspection board (Article 60 of the Law on "
                        "Grassroots Democracy).",
                        person=member.employee_id.name,
                        role=label.lower(),
                    )
                )

    @api.constrains("role", "employee_id", "board_id")
    def _check_board_composition(self):
        self.board_id._check_composition()
