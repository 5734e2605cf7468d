from odoo import models
from odoo.osv import expression

# The prefetch group of the logged fields: loaded, and so logged, when they
# are asked for, not whenever another field of the record is read.
LOGGED_PREFETCH = "danvan_logged"


class DanvanIdentityLogMixin(models.AbstractModel):
    """A record whose reading shows a citizen to a user: each way the fields
    of ``_danvan_logged_fields`` leave the database for a user is logged in
    ``danvan.identity.access`` (TC-13), a load of them (a form or a list, an
    export, a printed document), a search or a grouping on them.

    The persons log their identity (see ``danvan.person.mixin``); the
    petition, the visit and the cases log their letter, which names the
    citizen as real letters do. A model with ``is_confidential`` logs only
    the records it flags. The code's own reads under sudo are not logged.

    ``_danvan_logs_identity`` marks the models whose reads may write a line:
    the requests that may read them get a read-write cursor.
    """

    _name = "danvan.identity.log.mixin"
    _description = "Record Whose Reading Is Logged"
    _danvan_logs_identity = True
    _danvan_logged_fields = frozenset()

    def _identity_persons(self):
        """The persons whose identity the record and its attachments carry,
        for the access log."""
        raise NotImplementedError

    def _identity_case_name(self):
        """The petition, visit or case a line of the log names, never the
        person."""
        return self.sudo().display_name

    def _danvan_confidential_domain(self):
        if "is_confidential" in self._fields:
            return [("is_confidential", "=", True)]
        return []

    def _danvan_searched_fields(self):
        """The logged fields, and the name when it is one of them."""
        if self._rec_name in self._danvan_logged_fields:
            return self._danvan_logged_fields | {"display_name"}
        return self._danvan_logged_fields

    def _fetch_query(self, query, fields):
        """Log each load of logged fields for a user, with the channel it goes
        out by."""
        records = super()._fetch_query(query, fields)
        if (
            records
            and not self.env.su
            and any(field.name in self._danvan_logged_fields for field in fields)
        ):
            self.env["danvan.identity.access"]._log(records)
        return records

    def _search(self, domain, offset=0, limit=None, order=None):
        """Log a search on logged fields: which records it finds tells what
        they hold, even when nothing else of them is read."""
        query = super()._search(domain, offset=offset, limit=limit, order=order)
        searched = self._danvan_searched_fields()
        if (
            not self.env.su
            and searched
            and not query.is_empty()
            and any(
                isinstance(leaf, (list, tuple))
                and isinstance(leaf[0], str)
                and leaf[0].split(".")[0] in searched
                for leaf in domain
            )
        ):
            found = super()._search(
                expression.AND(
                    [self._danvan_confidential_domain(), [("id", "in", query)]]
                )
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
        """Log a grouping or a total on logged fields: its groups show them
        for every record in ``domain``."""
        result = super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )
        if (
            result
            and not self.env.su
            and any(
                spec.split(":")[0].split(".")[0] in self._danvan_logged_fields
                for spec in (*groupby, *aggregates)
            )
        ):
            found = super()._search(
                expression.AND([self._danvan_confidential_domain(), domain])
            )
            self.env["danvan.identity.access"]._log(self.browse(found), "group")
        return result
