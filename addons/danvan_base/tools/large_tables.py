"""Queries that stay fast on a province's tables (issue 15).

A many2many in one branch of an OR becomes a subquery run for each row,
which no index serves: the lists that filter on "mine" or "my units" read
the few ids of the relation first, and the primary key serves them. Where
two columns go together (a handler and his agency, a unit and its agency),
PostgreSQL multiplies their selectivities unless told they depend on each
other, and then plans a sort of the whole list instead of reading its index
in order.
"""

from odoo.tools import SQL, create_index


def many2many_ids(model, fname, ids):
    """The ids of the records of ``model`` whose many2many ``fname`` holds
    one of ``ids``, read from the relation table alone. Record rules still
    apply to whatever domain these ids are put in."""
    if not ids:
        return []
    field = model._fields[fname]
    model.flush_model([fname])
    model.env.cr.execute(
        SQL(
            "SELECT DISTINCT %s FROM %s WHERE %s IN %s",
            SQL.identifier(field.column1),
            SQL.identifier(field.relation),
            SQL.identifier(field.column2),
            tuple(ids),
        )
    )
    return [row[0] for row in model.env.cr.fetchall()]


def create_agency_list_index(cr, table, name, owner, order, where):
    """The index of a list of one agency's records of one ``owner`` (a
    handler, a unit) in the list's ``order``, restricted by ``where``, and
    the statistics that tell the planner an owner works for one agency
    (taken into account from the table's next ANALYZE)."""
    create_index(
        cr, f"{table}_{name}_index", table, ["company_id", owner, *order], where=where
    )
    cr.execute(
        SQL(
            "CREATE STATISTICS IF NOT EXISTS %s (dependencies) "
            "ON company_id, %s FROM %s",
            SQL.identifier(f"{table}_{name}_stat"),
            SQL.identifier(owner),
            SQL.identifier(table),
        )
    )
