from odoo import models
from odoo.tools.translate import LazyTranslate

from odoo.addons.danvan_base.tools.recipients import recipients_field

_lt = LazyTranslate(__name__)


class ResCompany(models.Model):
    """Where the documents of a registration round go (VB-12)."""

    _inherit = "res.company"

    danvan_model_round_recipients = recipients_field(
        "Recipients of the Lists of Models",
        "One recipient per line, printed under 'Nơi nhận' of the list and the "
        "results of a registration round (Decree 30/2020).",
        (_lt("Board of Directors"),),
    )
