"""Complaint and denunciation cases share one settlement vocabulary: the
decision's and the conclusion's number, date and lateness become the case's
settlement fields, and their state "decided" or "concluded" becomes
"settled". Renamed in place, so that existing cases keep their dates,
numbers and tracked history."""

from openupgradelib import openupgrade

from odoo import SUPERUSER_ID, api

FIELDS = {
    "danvan.complaint": (
        ("decision_date", "date_settled"),
        ("decision_number", "settlement_number"),
        ("decided_late", "settled_late"),
    ),
    "danvan.denunciation": (
        ("conclusion_date", "date_settled"),
        ("conclusion_number", "settlement_number"),
        ("concluded_late", "settled_late"),
    ),
}
STATES = {"danvan.complaint": "decided", "danvan.denunciation": "concluded"}


def rename_saved_state(cr, model, old):
    """The favourites and the defaults that a user saved with the old state
    value: a filter's domain holds it quoted, a default as JSON."""
    openupgrade.logged_query(
        cr,
        "UPDATE ir_filters SET domain = regexp_replace(domain, %s, %s, 'g') "
        "WHERE model_id = %s AND domain ~ %s",
        [f"(['\"]){old}\\1", "\\1settled\\1", model, f"['\"]{old}['\"]"],
    )
    openupgrade.logged_query(
        cr,
        "UPDATE ir_default d SET json_value = %s FROM ir_model_fields f "
        "WHERE d.field_id = f.id AND f.model = %s AND f.name = 'state' "
        "AND d.json_value = %s",
        ['"settled"', model, f'"{old}"'],
    )


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    openupgrade.rename_fields(
        env,
        [
            (model, model.replace(".", "_"), old, new)
            for model, pairs in FIELDS.items()
            for old, new in pairs
        ],
    )
    # The fields' own xml ids, or the update would drop them as obsolete.
    openupgrade.rename_xmlids(
        env.cr,
        [
            (
                f"danvan_complaints.field_{model.replace('.', '_')}__{old}",
                f"danvan_complaints.field_{model.replace('.', '_')}__{new}",
            )
            for model, pairs in FIELDS.items()
            for old, new in pairs
        ],
    )
    for model, old in STATES.items():
        table = model.replace(".", "_")
        openupgrade.logged_query(
            env.cr,
            f"UPDATE {table} SET state = 'settled' WHERE state = %s",
            [old],
        )
        openupgrade.logged_query(
            env.cr,
            "UPDATE ir_model_fields_selection s SET value = 'settled' "
            "FROM ir_model_fields f WHERE s.field_id = f.id "
            "AND f.model = %s AND f.name = 'state' AND s.value = %s",
            [model, old],
        )
        rename_saved_state(env.cr, model, old)
        openupgrade.rename_xmlids(
            env.cr,
            [
                (
                    f"danvan_complaints.selection__{table}__state__{old}",
                    f"danvan_complaints.selection__{table}__state__settled",
                )
            ],
        )
