from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression


class DanvanPersonMixin(models.AbstractModel):
    """Who a citizen is, as a petition or the reception register records it.

    Kept in models of their own, apart from the petition or the visit, so that
    record rules can hide the identity (TC-12). Since 01/7/2026 the officer
    keeps secret the identity of every citizen received, not only of a
    denouncer (TCD-11): every person is confidential. Every way the identity
    leaves the database for a user is logged in ``danvan.identity.access``
    (TC-13): a load of its fields, a search or a grouping on them.
    """

    _name = "danvan.person.mixin"
    _description = "Citizen Identity"
    _identity_case_field = None  # the petition or the visit
    _identity_fields = frozenset(
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

    def _fetch_query(self, query, fields):
        """Log each load of a confidential identity for a user (TC-13), with
        the channel it goes out by (a form or list, an export, a document)."""
        records = super()._fetch_query(query, fields)
        if (
            records
            and not self.env.su
            and any(field.name in self._identity_fields for field in fields)
        ):
            self.env["danvan.identity.access"]._log(records)
        return records

    def _search(self, domain, offset=0, limit=None, order=None):
        """Log a search on the identity: which persons it found tells who
        they are, even when nothing else of them is read (TC-13)."""
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        searched = self._identity_fields | {"display_name"}
        if (
            not self.env.su
            and not query.is_empty()
            and any(
                isinstance(leaf, (list, tuple))
                and isinstance(leaf[0], str)
                and leaf[0].split(".")[0] in searched
                for leaf in domain
            )
        ):
            found = super()._search(
                [("is_confidential", "=", True), ("id", "in", query)]
            )
            self.env["danvan.identity.access"]._log(self.browse(found), "search")
        return query

    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        """Log a grouping or a total on the identity (TC-13): its groups show
        the identities of every confidential person in ``domain``."""
        result = super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )
        if (
            result
            and not self.env.su
            and any(
                spec.split(":")[0].split(".")[0] in self._identity_fields
                for spec in (*groupby, *aggregates)
            )
        ):
            found = super()._search(
                expression.AND([[("is_confidential", "=", True)], domain])
            )
            self.env["danvan.identity.access"]._log(self.browse(found), "group")
        return result
