def migrate(cr, version):
    """The summary a denunciation case shows is computed for its reader
    (TC-13): the copy of the letter's summary it stored goes."""
    cr.execute("ALTER TABLE danvan_denunciation DROP COLUMN IF EXISTS summary")
