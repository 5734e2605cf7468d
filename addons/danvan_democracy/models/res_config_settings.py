from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    danvan_inspection_board = fields.Boolean(
        related="company_id.danvan_inspection_board", readonly=False
    )
    danvan_secret_vote = fields.Boolean(
        related="company_id.danvan_secret_vote", readonly=False
    )
    danvan_information_answer_days = fields.Integer(
        related="company_id.danvan_information_answer_days", readonly=False
    )
    danvan_briefing_frequency = fields.Selection(
        related="company_id.danvan_briefing_frequency", readonly=False
    )
