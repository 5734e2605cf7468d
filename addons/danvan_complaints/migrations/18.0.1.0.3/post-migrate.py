from openupgradelib import openupgrade

TABLE = "danvan_denunciation"


def migrate(cr, version):
    """What a denunciation case shows of its letter is computed for its
    reader (TC-13): the copy of the letter's summary it stored goes, and what
    the denouncer withdrew moves to the field no user reads."""
    # drop_columns warns about a missing column: only existing ones are given.
    if openupgrade.column_exists(cr, TABLE, "summary"):
        openupgrade.drop_columns(cr, [(TABLE, "summary")])
    if openupgrade.column_exists(cr, TABLE, "withdrawn_content"):
        openupgrade.logged_query(
            cr,
            f"UPDATE {TABLE} SET withdrawn_note = withdrawn_content"
            " WHERE withdrawn_content IS NOT NULL",
        )
        openupgrade.drop_columns(cr, [(TABLE, "withdrawn_content")])
