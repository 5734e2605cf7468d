from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    danvan_head_user_id = fields.Many2one(
        "res.users",
        string="Head of the Agency",
        help="Receives citizens at least one day a month in person (Article 18 of the "
        "Law on Citizen Reception 2013); "
        "sessions presided by anyone else are flagged (Article 18 of the Law on "
        "Citizen Reception 2013).",
    )
    danvan_reception_day = fields.Integer(
        string="Monthly Reception Day",
        default=15,
        help="Day of the month of the head's periodic reception; a day off moves "
        "it to the next working day (Article 18 of the Law on Citizen Reception 2013, "
        "Articles 144 to 148 of the Civil Code 2015).",
    )
    danvan_reception_place_id = fields.Many2one(
        "danvan.reception.place", string="Default Reception Place"
    )
    danvan_handling_unit_id = fields.Many2one(
        "hr.department",
        string="Handling Unit",
        help="The unit that staffs reception and processes petitions, now that "
        "the Sở has no inspectorate of its own (§0.2).",
    )

    danvan_reception_rules = fields.Html(
        string="Reception Rules",
        help="The rules of citizen reception the head issues (Article 18 of the Law on "
        "Citizen Reception 2013) and the "
        "guidance on how citizens are received, published on the website "
        "with the schedule (Article 24 of the Law on Citizen Reception 2013).",
    )

    @api.constrains("danvan_reception_day")
    def _check_danvan_reception_day(self):
        if any(not 1 <= company.danvan_reception_day <= 31 for company in self):
            raise ValidationError(
                self.env._("The monthly reception day is a day of the month, 1 to 31.")
            )
