from odoo import api, models
from odoo.osv import expression

# The prefetch group of the logged fields: loaded, and so logged, when they
# are asked for, not whenever another field of the record is read.
LOGGED_PREFETCH = "danvan_logged"


def _leaves(domain):
    """The conditions of ``domain``, without its operators."""
    return [
        leaf
        for leaf in domain
        if isinstance(leaf, (list, tuple)) and isinstance(leaf[0], str)
    ]


def _searches_logged(model, leaf):
    """Whether the domain's ``leaf`` on ``model`` searches a logged field: of
    ``model`` or of a model along its path, a condition of an ``any`` or, for
    a text compared with a relation, the name of the related records."""
    path, operator, value = leaf
    for name in path.split("."):
        if name in _searched_fields(model):
            return True
        field = model._fields.get(name)
        if not field or not field.relational:
            return False
        model = model.env[field.comodel_name]
    if operator in ("any", "not any") and isinstance(value, (list, tuple)):
        return any(_searches_logged(model, sub) for sub in _leaves(value))
    texts = value if isinstance(value, (list, tuple)) else [value]
    return any(isinstance(text, str) for text in texts) and (
        "display_name" in _searched_fields(model)
    )


def _searched_fields(model):
    """The fields whose search is logged on ``model``; none on a model that
    logs nothing."""
    if hasattr(model, "_danvan_searched_fields"):
        return model._danvan_searched_fields()
    return frozenset()


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

    def _danvan_searches_logged(self, domain):
        """Whether ``domain`` searches the logged fields of this model, or of
        a model it reaches (``petition_id.summary``, ``any``, a name)."""
        return any(_searches_logged(self, leaf) for leaf in _leaves(domain))

    @api.model
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        """Log a search on logged fields (TC-13): which records it finds tells
        what they hold, even when nothing else of them is read.

        The records logged are those returned to the caller, at most his
        ``limit``, once: their logged fields loaded by the same search are
        not logged again as a read. For a path (``petition_id.summary``)
        they are the records returned, not those of the path that match.

        A count (``search_count``, as the list's pager asks it) is not logged:
        it ties the letter or the identity to no record, and the records the
        user may count are those he may open, whose opening or listing is
        logged."""
        if self.env.su or not self._danvan_searches_logged(domain):
            return super().search_fetch(
                domain, field_names, offset=offset, limit=limit, order=order
            )
        Log = self.env["danvan.identity.access"]
        with Log._channel("search"):
            records = super().search_fetch(
                domain, field_names, offset=offset, limit=limit, order=order
            )
        fetched = self._determine_fields_to_fetch(field_names)
        if not any(field.name in self._danvan_logged_fields for field in fetched):
            Log._log(records, "search")
        return records

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
        for every record of the groups returned, all of ``domain`` unless the
        caller asked for a page of groups.

        Groups past an offset, without a limit nor an aggregate, are those
        ``web_read_group`` counts past its page for the pager: a count, not
        logged, as a search's is not."""
        result = super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )
        if (
            result
            and not self.env.su
            and (aggregates or limit or not offset)
            and any(
                spec.split(":")[0].split(".")[0] in self._danvan_logged_fields
                for spec in (*groupby, *aggregates)
            )
        ):
            domains = [self._danvan_confidential_domain(), domain]
            if limit or offset:
                domains.append(self._danvan_groups_domain(groupby, result))
            found = super()._search(expression.AND(domains))
            self.env["danvan.identity.access"]._log(self.browse(found), "group")
        return result

    def _danvan_groups_domain(self, groupby, rows):
        """The records of the groups ``rows`` at most: of their values of each
        field grouped by as is (a date by month stays unrestricted)."""
        domain = []
        for index, spec in enumerate(groupby):
            if ":" in spec or "." in spec:
                continue
            values = {
                value.id if isinstance(value, models.BaseModel) else value
                for value in (row[index] for row in rows)
            }
            domain.append([(spec, "in", list(values))])
        return expression.AND(domain) if domain else []
