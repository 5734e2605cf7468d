"""The officers' open cases are read from a new index, in order, once the
planner knows that a handler works for one agency: the statistics created
with the index (the models' ``init``) are filled now rather than at the
next automatic ANALYZE of a large table (issue 15)."""

from odoo.tools import SQL


def migrate(cr, version):
    for table in ("danvan_complaint", "danvan_denunciation"):
        cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
