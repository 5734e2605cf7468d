from odoo import fields, models

from ..models.danvan_evaluation_result import LEVELS


class DanvanEvaluationImportLine(models.TransientModel):
    """One row of the file, as it will be imported (the preview)."""

    _name = "danvan.evaluation.import.line"
    _description = "Evaluation Result to Import"
    _order = "row"

    wizard_id = fields.Many2one(
        "danvan.evaluation.import", required=True, ondelete="cascade"
    )
    row = fields.Integer(readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Staff Member", readonly=True)
    level = fields.Selection(LEVELS, string="Classification", readonly=True)
    score = fields.Float(digits=(5, 2), readonly=True)
    result_id = fields.Many2one(
        "danvan.evaluation.result",
        string="Replaces",
        readonly=True,
        help="The result of the year already recorded, which the import updates.",
    )
