from odoo import api, fields, models

from odoo.addons.danvan_base.tools.date_checks import check_dates


class DanvanReceptionGenerate(models.TransientModel):
    """Plan the head's monthly reception sessions of a year (TCD-5)."""

    _name = "danvan.reception.generate"
    _description = "Plan the Head's Reception Sessions"

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )

    @api.constrains("year")
    def _check_year(self):
        check_dates(self, ["year"])

    def action_generate(self):
        sessions = self.env["danvan.reception.session"]._generate_periodic(self.year)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reception Schedule %s", self.year),
            "res_model": "danvan.reception.session",
            "view_mode": "list,calendar,form",
            "domain": [("id", "in", sessions.ids)],
        }
