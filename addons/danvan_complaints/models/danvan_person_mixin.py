from odoo import fields, models


class DanvanPersonMixin(models.AbstractModel):
    """Who a citizen is, as a petition or the reception register records it.

    Kept in models of their own, apart from the petition or the visit, so that
    record rules can hide a denouncer's identity (TC-12): each model says when
    its person is confidential in ``is_confidential``.
    """

    _name = "danvan.person.mixin"
    _description = "Citizen Identity"

    is_confidential = fields.Boolean(
        compute="_compute_is_confidential",
        store=True,
        help="A denouncer, whose identity is kept confidential (TC-12).",
    )
    name = fields.Char(required=True)
    address = fields.Char()
    identity_number = fields.Char(string="Identity Document")

    def _compute_is_confidential(self):
        raise NotImplementedError
