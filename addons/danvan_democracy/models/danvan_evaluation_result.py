"""The yearly classification of one staff member (DC-19, DC-20).

The classification is decided in the evaluation software of the province
(Nghị định 335/2025 and 233/2026): it is imported or entered here, never
scored. One result per employee and year; it is locked once the year's
results are published to staff (DC-2, Article 46 item 6).
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# DC-19: the four levels; DC-20: staff who worked less than six months in the
# year are not classified.
LEVELS = [
    ("excellent", "Excellent"),
    ("good", "Good"),
    ("completed", "Completed"),
    ("not_completed", "Not completed"),
    ("not_classified", "Not classified"),
]


def default_evaluation_year(record):
    """DC-19: the year is classified in December (before 15/12), its special
    cases until 15/01: from October on, the current year, before, the last."""
    today = fields.Date.context_today(record)
    return today.year if today.month >= 10 else today.year - 1


class DanvanEvaluationResult(models.Model):
    _name = "danvan.evaluation.result"
    _description = "Staff Evaluation Result"
    _check_company_auto = True
    _inherit = ["danvan.workflow.mixin"]
    _order = "year desc, employee_name, id"
    _locked_states = ("published",)
    _deletable_states = ("draft",)
    _rec_names_search = ["employee_id"]

    batch_id = fields.Many2one(
        "danvan.evaluation.batch",
        string="Results of the Year",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="batch_id.company_id", store=True, index=True, precompute=True
    )
    year = fields.Integer(
        related="batch_id.year", store=True, index=True, precompute=True
    )
    state = fields.Selection(
        related="batch_id.state", store=True, index=True, string="Status"
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    employee_name = fields.Char(
        related="employee_id.name", store=True, string="Staff Member"
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        compute="_compute_department_id",
        store=True,
        precompute=True,
        readonly=False,
        check_company=True,
    )
    level = fields.Selection(LEVELS, string="Classification", required=True)
    score = fields.Float(
        digits=(5, 2),
        help="The score of the evaluation software, out of 100, if it gives one.",
    )
    decision_ref = fields.Char(
        string="Decision",
        help="The number of the decision that classifies the staff member.",
    )
    decision_date = fields.Date(string="Date of the Decision")
    source = fields.Selection(
        [("import", "Imported file"), ("manual", "Entered")],
        required=True,
        default="manual",
        readonly=True,
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "employee_year_unique",
            "UNIQUE(employee_id, year)",
            "A staff member has one evaluation result per year.",
        ),
    ]

    @api.depends("employee_id")
    def _compute_department_id(self):
        for result in self:
            result.department_id = result.employee_id.department_id

    @api.depends("employee_id", "year")
    def _compute_display_name(self):
        for result in self:
            result.display_name = f"{result.employee_id.name or ''} ({result.year})"

    @api.constrains("score")
    def _check_score(self):
        for result in self:
            if not 0 <= result.score <= 100:
                raise ValidationError(
                    self.env._("The score is out of 100: from 0 to 100.")
                )

    @api.constrains("employee_id", "batch_id")
    def _check_employee_company(self):
        for result in self:
            company = result.employee_id.sudo().company_id
            if company and company != result.batch_id.company_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not a staff member of %(agency)s.",
                        name=result.employee_id.sudo().name,
                        agency=result.batch_id.company_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        batches = self.env["danvan.evaluation.batch"].browse(
            {vals["batch_id"] for vals in vals_list if vals.get("batch_id")}
        )
        batches._danvan_check_open()
        return super().create(vals_list)
