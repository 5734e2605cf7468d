from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # NDB-4: the database is updated "kịp thời" (ND154 Art. 27(1)); the Office
    # is warned of what waits longer than this.
    danvan_national_wait_days = fields.Integer(
        string="Warn of Entries Waiting (days)",
        config_parameter="danvan_complaints.national_wait_days",
        default=3,
        help="The Office is warned of the entries of the national database "
        "outbox not reported after this many days.",
    )
