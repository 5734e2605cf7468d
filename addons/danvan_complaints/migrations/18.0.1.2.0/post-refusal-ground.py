"""The case of refusal of a visit (a selection of the four cases of Article 9
of the Law on Citizen Reception 2013) becomes a ground of the visit's regime
(TCD-10): the grounds are data since the Decree 154/2026 regime. Run after
the grounds are loaded, while the old column still holds the cases; a case
the regime has no ground for stays in the visit's notes."""

from openupgradelib import openupgrade

from odoo import SUPERUSER_ID, api

CODES = {"incapable": "9.1", "disorder": "9.2", "settled": "9.3", "other": "9.4"}


def migrate(cr, version):
    if not openupgrade.column_exists(cr, "danvan_reception_visit", "refusal_case"):
        return
    for case, code in CODES.items():
        openupgrade.logged_query(
            cr,
            """
            UPDATE danvan_reception_visit visit
               SET refusal_ground_id = ground.id
              FROM danvan_reception_refusal_ground ground
             WHERE visit.refusal_case = %s
               AND visit.refusal_ground_id IS NULL
               AND ground.regime_id = visit.regime_id
               AND ground.code = %s
            """,
            [case, code],
        )
    # No ground of that code in the visit's regime: keep what was recorded.
    openupgrade.logged_query(
        cr,
        """
        UPDATE danvan_reception_visit
           SET note = concat_ws(E'\\n', note, 'Article 9 case: ' || refusal_case)
         WHERE refusal_case IS NOT NULL AND refusal_ground_id IS NULL
        """,
    )
    # The due date of the notice was computed before the visits had a ground.
    env = api.Environment(cr, SUPERUSER_ID, {})
    env.invalidate_all()  # the grounds were written in SQL
    Visit = env["danvan.reception.visit"].with_context(active_test=False)
    visits = Visit.search([("refusal_ground_id", "!=", False)])
    env.add_to_compute(Visit._fields["refusal_notice_due"], visits)
    env.flush_all()
