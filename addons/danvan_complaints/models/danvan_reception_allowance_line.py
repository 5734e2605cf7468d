"""A line of the monthly allowance sheet: one officer's days on duty and what
they are paid (TCD-22). Kept as counted once the sheet is submitted."""

from odoo import api, fields, models


class DanvanReceptionAllowanceLine(models.Model):
    _name = "danvan.reception.allowance.line"
    _description = "Citizen Reception Allowance Line"
    _order = "sheet_id, sequence, id"

    sheet_id = fields.Many2one(
        "danvan.reception.allowance.sheet",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(string="No.")
    user_id = fields.Many2one(
        "res.users", string="Officer", required=True, ondelete="restrict"
    )
    unit_name = fields.Char(string="Unit", compute="_compute_unit_name")
    dates = fields.Char(string="Days of the Month on Duty")
    days = fields.Float(string="Days on Duty", digits=(4, 1))
    currency_id = fields.Many2one(related="sheet_id.currency_id")
    amount = fields.Monetary(currency_field="currency_id")
    company_id = fields.Many2one(related="sheet_id.company_id", store=True, index=True)

    @api.depends("user_id")
    def _compute_unit_name(self):
        employees = (
            self.env["hr.employee"].sudo().search([("user_id", "in", self.user_id.ids)])
        )
        units = {
            employee.user_id.id: employee.department_id.name
            for employee in employees
            if employee.department_id
        }
        for line in self:
            line.unit_name = units.get(line.user_id.id, False)
