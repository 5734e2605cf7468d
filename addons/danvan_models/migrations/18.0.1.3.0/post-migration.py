"""The criteria that were copied into the rounds point to the default they
were copied from, found by its name, or else by its sequence. A text that is
still one of the default's, in every language of the copy, is dropped so that the
criterion reads the default's again; a text the Office reworded stays as the
round's own."""

from openupgradelib import openupgrade


def _same_text(copy, default):
    """The copy's text is the default's: each language of the copy holds one
    of the default's texts (the copy took the English one where it was made
    before the language was loaded, the Vietnamese one where it was made in
    Vietnamese)."""
    return not copy or set(copy.values()) <= set((default or {}).values())


def _find_default(copy, defaults, taken):
    """The default the copy comes from, among those not yet taken by another
    criterion of its round: one with a name of the copy in one of its
    languages, else the only one of the same sequence."""
    free = [d for d in defaults if d["id"] not in taken]
    texts = set((copy["own_name"] or {}).values())
    named = [d for d in free if texts & set((d["own_name"] or {}).values())]
    if named:
        return named[0]
    numbered = [d for d in free if d["sequence"] == copy["sequence"]]
    return numbered[0] if len(numbered) == 1 else None


def link_copies(cr):
    cr.execute(
        "SELECT id, sequence, own_name, own_guidance FROM danvan_model_criterion "
        "WHERE round_id IS NULL ORDER BY sequence, id"
    )
    defaults = cr.dictfetchall()
    cr.execute(
        "SELECT id, round_id, sequence, own_name, own_guidance "
        "FROM danvan_model_criterion "
        "WHERE round_id IS NOT NULL AND template_id IS NULL "
        "ORDER BY round_id, sequence, id"
    )
    taken = {}
    for copy in cr.dictfetchall():
        round_taken = taken.setdefault(copy["round_id"], set())
        default = _find_default(copy, defaults, round_taken)
        if not default:
            continue
        round_taken.add(default["id"])
        openupgrade.logged_query(
            cr,
            """
            UPDATE danvan_model_criterion
               SET template_id = %s,
                   own_name = CASE WHEN %s THEN NULL ELSE own_name END,
                   own_guidance = CASE WHEN %s THEN NULL ELSE own_guidance END
             WHERE id = %s
            """,
            [
                default["id"],
                _same_text(copy["own_name"], default["own_name"]),
                _same_text(copy["own_guidance"], default["own_guidance"]),
                copy["id"],
            ],
        )


@openupgrade.migrate()
def migrate(env, version):
    link_copies(env.cr)
