from odoo import api, models
from odoo.exceptions import ValidationError


class DanvanReceptionVisit(models.Model):
    _inherit = "danvan.reception.visit"

    @api.constrains("session_id", "petition_id", "petition_type")
    def _check_online_protection_constraint(self):
        self._check_online_protection()

    def _check_online_protection(self):
        """TCD-16: a denunciation is received online only when the denouncer
        does not ask for protection of their identity."""
        for visit in self.sudo():
            if visit.session_id.reception_form != "online":
                continue
            denunciation = visit.was_denunciation or visit.petition_type in (
                "denunciation",
                "mixed",
            )
            if denunciation and visit.petition_id.protection_requested:
                raise ValidationError(
                    self.env._(
                        "%(visit)s: the denouncer asked for the protection of their "
                        "identity; such a denunciation is not received online "
                        "(Article 20 of Decree 154/2026/NĐ-CP). Receive the "
                        "denouncer in person.",
                        visit=visit.number,
                    )
                )
