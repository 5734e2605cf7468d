from odoo import fields, models


class DanvanPersonMixin(models.AbstractModel):
    """Who a citizen is, as a petition or the reception register records it.

    Kept in models of their own, apart from the petition or the visit, so that
    record rules can hide a denouncer's identity (TC-12): each model says when
    its person is confidential in ``is_confidential``.
    """

    _name = "danvan.person.mixin"
    _description = "Citizen Identity"
    _identity_fields = frozenset(
        {"name", "address", "identity_number", "phone", "email"}
    )

    is_confidential = fields.Boolean(
        compute="_compute_is_confidential",
        store=True,
        help="A denouncer, whose identity is kept confidential (Article 47 of the Law "
        "on Denunciations 2018).",
    )
    name = fields.Char(required=True)
    address = fields.Char()
    identity_number = fields.Char(string="Identity Document")

    def _compute_is_confidential(self):
        raise NotImplementedError

    def _identity_case_name(self):
        """The petition or visit the person belongs to, for the access log."""
        raise NotImplementedError

    def _fetch_query(self, query, fields):
        """Log each load of a denouncer's identity for a user (TC-13).

        Loads under sudo are the code's own (a redacted copy, the access log's
        own label) and show the identity to nobody.
        """
        records = super()._fetch_query(query, fields)
        if (
            records
            and not self.env.su
            and any(field.name in self._identity_fields for field in fields)
        ):
            # Fetch the flag alone: a prefetch of the identity would log twice.
            records.fetch(["is_confidential"])
            confidential = records.filtered("is_confidential")
            if confidential:
                self.env["danvan.identity.access"]._log(confidential)
        return records
