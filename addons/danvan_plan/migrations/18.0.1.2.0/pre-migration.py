"""Since 18.0.1.2.0 a round's cut-off follows the calendar, and tasks are
warned before their due date and escalated once it is missed.

The day set of an existing round is kept in its own column, as its cut-off
stands, not the default of its type, which the Office may have changed. The
open tasks already late are marked escalated: the first run of the warnings
does not alert the unit heads of every late task at once."""

from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if not column_exists(cr, "danvan_plan_round", "date_cutoff_set"):
        create_column(cr, "danvan_plan_round", "date_cutoff_set", "date")
        cr.execute("UPDATE danvan_plan_round SET date_cutoff_set = date_cutoff")
    if not column_exists(cr, "danvan_plan_task", "deadline_escalated"):
        create_column(cr, "danvan_plan_task", "deadline_escalated", "boolean")
        cr.execute(
            "UPDATE danvan_plan_task SET deadline_escalated = date_due < CURRENT_DATE"
        )
