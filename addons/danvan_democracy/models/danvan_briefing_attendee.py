from odoo import fields, models


class DanvanBriefingAttendee(models.Model):
    """A staff member invited to a briefing, and whether they came (DC-18)."""

    _name = "danvan.briefing.attendee"
    _description = "Briefing Attendee"
    _check_company_auto = True
    _inherit = ["danvan.kept.line.mixin"]
    _order = "briefing_id, department_id, employee_id"
    _danvan_kept_parent = "briefing_id"

    briefing_id = fields.Many2one(
        "danvan.briefing", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="briefing_id.company_id", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Unit", store=True
    )
    present = fields.Boolean()
    note = fields.Char(help="Excused, late, represented by...")

    _sql_constraints = [
        (
            "employee_unique",
            "unique(briefing_id, employee_id)",
            "A staff member is invited once to a briefing.",
        ),
    ]
