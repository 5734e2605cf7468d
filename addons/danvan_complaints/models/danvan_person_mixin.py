from odoo import api, fields, models
from odoo.exceptions import AccessError


class DanvanPersonMixin(models.AbstractModel):
    """Who a citizen is, as a petition or the reception register records it.

    Kept in models of their own, apart from the petition or the visit, so that
    record rules can hide the identity (TC-12). Since 01/7/2026 the officer
    keeps secret the identity of every citizen received, not only of a
    denouncer (TCD-11): every person is confidential. Every way the identity
    leaves the database for a user is logged (TC-13, see
    ``danvan.identity.log.mixin``).
    """

    _name = "danvan.person.mixin"
    _description = "Citizen Identity"
    _inherit = ["danvan.identity.log.mixin"]
    _identity_case_field = None  # the petition or the visit
    _danvan_logged_fields = frozenset(
        {"name", "address", "identity_number", "phone", "email"}
    )

    is_confidential = fields.Boolean(
        compute="_compute_is_confidential",
        store=True,
        help="Identity kept secret: seen by the officers the record is assigned "
        "to and by leadership only (Article 12 of Decree 154/2026/NĐ-CP, Article "
        "47 of the Law on Denunciations 2018).",
    )
    name = fields.Char(required=True)
    address = fields.Char()
    identity_number = fields.Char(string="Identity Document")

    @api.depends(
        lambda self: [self._identity_case_field] if self._identity_case_field else []
    )
    def _compute_is_confidential(self):
        # TCD-11: whatever the content type, known, mixed or not yet given.
        self.is_confidential = True

    def write(self, vals):
        """Confidentiality is not lifted by hand: it would show the person to
        every officer."""
        if "is_confidential" in vals and not self.env.su:
            raise AccessError(
                self.env._(
                    "The identity of a citizen received is kept secret; it is not "
                    "made public by hand (Article 12 of Decree 154/2026/NĐ-CP)."
                )
            )
        return super().write(vals)

    def _identity_case_name(self):
        """The petition or visit the person belongs to, for the access log."""
        raise NotImplementedError

    def _identity_persons(self):
        """The persons whose identity the record shows: itself (see the
        petition, the visit and the cases)."""
        return self
