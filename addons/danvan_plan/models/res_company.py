from odoo import models
from odoo.tools.translate import LazyTranslate

from odoo.addons.danvan_base.tools.recipients import recipients_field

_lt = LazyTranslate(__name__)


class ResCompany(models.Model):
    """Where the agency's report rounds go (VB-12)."""

    _inherit = "res.company"

    # The bodies a Sở reports its mass mobilization work to.
    danvan_round_recipients = recipients_field(
        "Recipients of Report Rounds",
        "One recipient per line, printed under 'Nơi nhận' of every new "
        "report round (Decree 30/2020).",
        (
            _lt("Provincial Party Committee's Propaganda and Mass Mobilization Board"),
            _lt("Party Committee of the provincial agencies"),
            _lt("Board of Directors"),
        ),
    )
