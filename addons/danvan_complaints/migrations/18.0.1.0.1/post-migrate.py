def migrate(cr, version):
    """Every citizen received is confidential since 01/7/2026 (TCD-11), and a
    petition or a visit classified as a denunciation stays marked as one."""
    for table in ("danvan_petition_sender", "danvan_reception_visitor"):
        cr.execute(
            f"UPDATE {table} SET is_confidential = TRUE "  # noqa: S608
            "WHERE is_confidential IS NOT TRUE"
        )
    for table in ("danvan_petition", "danvan_reception_visit"):
        cr.execute(
            f"UPDATE {table} SET was_denunciation = TRUE "  # noqa: S608
            "WHERE petition_type = 'denunciation'"
        )
