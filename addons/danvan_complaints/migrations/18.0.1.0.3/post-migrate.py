from odoo.tools.sql import column_exists


def migrate(cr, version):
    """What a denunciation case shows of its letter is computed for its
    reader (TC-13): the copy of the letter's summary it stored goes, and what
    the denouncer withdrew moves to the field no user reads."""
    cr.execute("ALTER TABLE danvan_denunciation DROP COLUMN IF EXISTS summary")
    if column_exists(cr, "danvan_denunciation", "withdrawn_content"):
        cr.execute(
            "UPDATE danvan_denunciation SET withdrawn_note = withdrawn_content"
            " WHERE withdrawn_content IS NOT NULL"
        )
        cr.execute("ALTER TABLE danvan_denunciation DROP COLUMN withdrawn_content")
