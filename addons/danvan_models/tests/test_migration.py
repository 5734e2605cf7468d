from odoo.modules.migration import load_script
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL
from odoo.tools.sql import index_exists, make_index_name

TABLE = "danvan_model_registration"
HAND_MADE = "danvan_model_registration_name_trgm"


@tagged("post_install", "-at_install")
class TestNameTrigramIndex(TransactionCase):
    """The duplicate check's trigram index is the one Odoo builds for
    index="trigram" on the name, and only that one (issue 12, item 7)."""

    def _name_trigram_indexes(self):
        self.env.cr.execute(
            """
            SELECT indexname FROM pg_indexes
             WHERE tablename = %s AND indexdef ILIKE %s
            """,
            [TABLE, "%USING gin (name gin_trgm_ops)%"],
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def test_the_name_has_odoo_trigram_index(self):
        self.assertEqual(self._name_trigram_indexes(), [make_index_name(TABLE, "name")])

    def test_upgrade_drops_the_hand_made_index(self):
        self.env.cr.execute(
            SQL(
                "CREATE INDEX %s ON %s USING gin (name gin_trgm_ops)",
                SQL.identifier(HAND_MADE),
                SQL.identifier(TABLE),
            )
        )
        migration = load_script(
            "danvan_models/migrations/18.0.1.2.0/pre-migration.py",
            "danvan_models_pre_migration_18_0_1_2_0",
        )
        migration.migrate(self.env.cr, "18.0.1.1.0")
        self.assertFalse(index_exists(self.env.cr, HAND_MADE))
        self.assertEqual(self._name_trigram_indexes(), [make_index_name(TABLE, "name")])
