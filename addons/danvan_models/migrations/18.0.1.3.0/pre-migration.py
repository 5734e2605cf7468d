"""18.0.1.3.0: a round's criteria point to their default, and a round's
reminder is the deadline mixin's.

The stored, translated texts of a criterion become its own wording
(``own_name``, ``own_guidance``); ``name`` and ``guidance`` are read from the
default unless the round rewords them. A round already reminded is marked
warned, so that the units are not reminded twice."""

from openupgradelib import openupgrade

from odoo import SUPERUSER_ID, api
from odoo.tools.sql import column_exists, create_column


def mark_reminded_rounds_warned(cr):
    if column_exists(cr, "danvan_model_round", "deadline_warned"):
        return
    create_column(cr, "danvan_model_round", "deadline_warned", "boolean")
    openupgrade.logged_query(
        cr, "UPDATE danvan_model_round SET deadline_warned = date_reminded IS NOT NULL"
    )


def migrate(cr, version):
    # Not @openupgrade.migrate(): its wrapper logs an error when the script
    # runs outside Odoo's migration manager, as the tests run it.
    env = api.Environment(cr, SUPERUSER_ID, {})
    openupgrade.rename_fields(
        env,
        [
            ("danvan.model.criterion", "danvan_model_criterion", old, f"own_{old}")
            for old in ("name", "guidance")
        ],
    )
    mark_reminded_rounds_warned(cr)
