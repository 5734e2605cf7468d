import json

from odoo.modules.migration import load_script
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL
from odoo.tools.sql import index_exists, make_index_name

from .common import ModelsCommon

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


@tagged("post_install", "-at_install")
class TestCriteriaLinkedToTheirDefault(ModelsCommon):
    """The criteria copied into the rounds before 18.0.1.3.0 point to their
    default after the upgrade (issue 12, item 7)."""

    freeze_time = "2025-03-10"

    def test_upgrade_links_the_copies_and_keeps_the_rewordings(self):
        spread = self.env.ref("danvan_models.danvan_model_criterion_spread")
        registered = self.env.ref("danvan_models.danvan_model_criterion_registered")
        copy, edited = (
            self.model_round.criterion_ids.filtered(lambda c, d=d: c.template_id == d)
            for d in (spread, registered)
        )
        self.env.flush_all()
        # The rows as the copies of the old release left them.
        old_rows = {
            copy: {"en_US": spread.with_context(lang="en_US").name},
            edited: {
                "en_US": registered.with_context(lang="en_US").name,
                "vi_VN": "Tiêu chí riêng của đợt",
            },
        }
        for criterion, name in old_rows.items():
            self.env.cr.execute(
                "UPDATE danvan_model_criterion SET template_id = NULL, "
                "own_name = %s, sequence = sequence + 1 WHERE id = %s",
                [json.dumps(name), criterion.id],
            )
        migration = load_script(
            "danvan_models/migrations/18.0.1.3.0/post-migration.py",
            "danvan_models_post_migration_18_0_1_3_0",
        )
        migration.link_copies(self.env.cr)
        self.env.invalidate_all()
        self.assertEqual(copy.template_id, spread)
        self.assertFalse(copy.own_name, "an untouched copy follows its default")
        self.assertEqual(
            copy.with_context(lang="vi_VN").name,
            spread.with_context(lang="vi_VN").name,
        )
        self.assertEqual(edited.template_id, registered)
        self.assertEqual(
            edited.with_context(lang="vi_VN").name, "Tiêu chí riêng của đợt"
        )


@tagged("post_install", "-at_install")
class TestDoneRoundsFrozen(ModelsCommon):
    """The criteria of a round done before 18.0.1.4.0 stop following their
    default after the upgrade (issue 12, DVK-6)."""

    def test_upgrade_freezes_the_criteria_of_done_rounds(self):
        criterion = self.model_round.criterion_ids[0]
        name = criterion.with_context(lang="vi_VN").name
        self.env.flush_all()
        # Done by the old release: the criteria still read their default.
        self.env.cr.execute(
            "UPDATE danvan_model_round SET state = 'done' WHERE id = %s",
            [self.model_round.id],
        )
        self.env.invalidate_all()
        self.assertFalse(criterion.own_name)
        migration = load_script(
            "danvan_models/migrations/18.0.1.4.0/post-migration.py",
            "danvan_models_post_migration_18_0_1_4_0",
        )
        migration.freeze_done_rounds(self.env)
        criterion.template_id.with_context(lang="vi_VN").name = "Tiêu chí mới"
        self.env.invalidate_all()
        self.assertEqual(criterion.with_context(lang="vi_VN").name, name)
