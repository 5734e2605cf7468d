from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    danvan_head_user_id = fields.Many2one(
        related="company_id.danvan_head_user_id", readonly=False
    )
    danvan_reception_day = fields.Integer(
        related="company_id.danvan_reception_day", readonly=False
    )
    danvan_reception_place_id = fields.Many2one(
        related="company_id.danvan_reception_place_id", readonly=False
    )
    danvan_handling_unit_id = fields.Many2one(
        related="company_id.danvan_handling_unit_id", readonly=False
    )
    danvan_hotline = fields.Char(related="company_id.danvan_hotline", readonly=False)
    danvan_reception_rules = fields.Html(
        related="company_id.danvan_reception_rules", readonly=False
    )
    danvan_complaints_report_recipients = fields.Text(
        related="company_id.danvan_complaints_report_recipients", readonly=False
    )
    danvan_deadline_warning_days = fields.Integer(
        string="Warn Before a Deadline (working days)",
        config_parameter="danvan_complaints.deadline_warning_days",
        default=2,
    )

    # NDB-4: the database is updated "kịp thời" (ND154 Art. 27(1)); the Office
    # is warned of what waits longer than this.
    danvan_national_wait_days = fields.Integer(
        string="Warn of Entries Waiting (days)",
        config_parameter="danvan_complaints.national_wait_days",
        default=3,
        help="The Office is warned of the entries of the national database "
        "outbox not reported after this many days.",
    )
