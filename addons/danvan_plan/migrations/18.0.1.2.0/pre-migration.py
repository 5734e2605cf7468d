"""A round's cut-off follows the calendar since 18.0.1.2.0: the day set is
kept in its own column and the cut-off is that day rolled forward. The day
set of an existing round is its cut-off as it stands, not the default of its
type, which the Office may have changed."""

from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if column_exists(cr, "danvan_plan_round", "date_cutoff_set"):
        return
    create_column(cr, "danvan_plan_round", "date_cutoff_set", "date")
    cr.execute("UPDATE danvan_plan_round SET date_cutoff_set = date_cutoff")
