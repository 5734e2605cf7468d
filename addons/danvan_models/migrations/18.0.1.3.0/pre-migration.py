"""A round's reminder is the deadline mixin's since 18.0.1.3.0: a round
already reminded is marked warned, so that the units are not reminded twice."""

from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if column_exists(cr, "danvan_model_round", "deadline_warned"):
        return
    create_column(cr, "danvan_model_round", "deadline_warned", "boolean")
    cr.execute(
        "UPDATE danvan_model_round SET deadline_warned = date_reminded IS NOT NULL"
    )
