from odoo import api, fields, models
from odoo.exceptions import UserError


class DanvanReceptionPlace(models.Model):
    """Where the agency receives citizens (TCD-2): an office, a location, or
    an online channel since 01/7/2026 (§0.1)."""

    _name = "danvan.reception.place"
    _description = "Citizen Reception Place"
    _order = "sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    channel = fields.Selection(
        [("direct", "In person"), ("online", "Online")],
        required=True,
        default="direct",
    )
    address = fields.Char(help="The address, or the link of an online session.")
    regular_hours = fields.Char(
        help="Hours of regular reception, as published (Article 24 of the Law on "
        "Citizen Reception 2013), e.g. "
        "'Thứ Hai đến thứ Sáu, 7h30 - 11h00'."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        """The sessions held there are kept: archive the place instead."""
        if (
            self.env["danvan.reception.session"]
            .with_context(active_test=False)
            .search_count([("place_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                self.env._("Sessions were planned at this place: archive it instead.")
            )
