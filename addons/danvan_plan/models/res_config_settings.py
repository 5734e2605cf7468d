from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    danvan_round_recipients = fields.Text(
        related="company_id.danvan_round_recipients", readonly=False
    )
