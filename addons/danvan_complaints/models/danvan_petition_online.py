from odoo import api, models


class DanvanPetition(models.Model):
    _inherit = "danvan.petition"

    @api.constrains("protection_requested", "petition_type")
    def _check_online_protection(self):
        """TCD-16: a denouncer received online who asks for protection is
        received in person instead."""
        self.env["danvan.reception.visit"].sudo().search(
            [("petition_id", "in", self.ids)]
        )._check_online_protection()
