"""What waits for a unit is read from a new index, in order, once the
planner knows that a unit belongs to one agency: the statistics created
with the index (the model's ``init``) are filled now rather than at the
next automatic ANALYZE of a large table (issue 15)."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(SQL("ANALYZE %s", SQL.identifier("danvan_plan_task")))
