from odoo import fields, models


class DanvanLegalRegime(models.Model):
    _inherit = "danvan.legal.regime"

    # TCD-17: the connections are up at least one hour before the start; a
    # duration in minutes, as the time-limit table counts only days.
    online_connection_minutes = fields.Integer(
        string="Connections Ready Before (minutes)",
        tracking=True,
        help="How long before the start of an online reception session all "
        "connections must be up (Article 23 of Decree 154/2026/NĐ-CP: at least one "
        "hour).",
    )
    online_case_ids = fields.One2many(
        "danvan.reception.online.case",
        "regime_id",
        string="Cases Eligible for Online Reception",
    )
