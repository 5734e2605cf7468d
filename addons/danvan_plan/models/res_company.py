from odoo import api, fields, models


class ResCompany(models.Model):
    """Where the agency's report rounds go (VB-12)."""

    _inherit = "res.company"

    danvan_round_recipients = fields.Text(
        string="Recipients of Report Rounds",
        default=lambda self: self._danvan_default_round_recipients(),
        help="One recipient per line, printed under 'Nơi nhận' of every new "
        "report round (Decree 30/2020).",
    )

    @api.model
    def _danvan_default_round_recipients(self):
        """The bodies a Sở reports its mass mobilization work to."""
        env = self._danvan_new_agency_env()
        return "\n".join(
            [
                env._(
                    "Provincial Party Committee's Propaganda and Mass "
                    "Mobilization Board"
                ),
                env._("Party Committee of the provincial agencies"),
                env._("Board of Directors"),
            ]
        )
