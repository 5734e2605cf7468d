from openupgradelib import openupgrade
from psycopg2 import sql


def migrate(cr, version):
    """Every citizen received is confidential since 01/7/2026 (TCD-11), and a
    petition or a visit classified as a denunciation stays marked as one."""
    for table in ("danvan_petition_sender", "danvan_reception_visitor"):
        openupgrade.logged_query(
            cr,
            sql.SQL(
                "UPDATE {} SET is_confidential = TRUE WHERE is_confidential IS NOT TRUE"
            ).format(sql.Identifier(table)),
        )
    for table in ("danvan_petition", "danvan_reception_visit"):
        openupgrade.logged_query(
            cr,
            sql.SQL(
                "UPDATE {} SET was_denunciation = TRUE "
                "WHERE petition_type = 'denunciation'"
            ).format(sql.Identifier(table)),
        )
