from odoo import fields, models


class DanvanModelScoreSheetLine(models.TransientModel):
    _name = "danvan.model.score.sheet.line"
    _description = "Score Sheet Line"

    sheet_id = fields.Many2one(
        "danvan.model.score.sheet", required=True, ondelete="cascade"
    )
    criterion_id = fields.Many2one(
        "danvan.model.criterion", string="Criterion", required=True, readonly=True
    )
    guidance = fields.Text(related="criterion_id.guidance")
    max_score = fields.Float(related="criterion_id.max_score")
    score = fields.Float()
    comment = fields.Char()
