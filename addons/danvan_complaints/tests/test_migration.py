from odoo.modules.migration import load_script
from odoo.tests import TransactionCase, tagged

# The reception rules as 18.0.1.0.1 shipped them: a branch for a person who
# is not confidential, which no person is any longer (TCD-11).
OLD_RULES = {
    "danvan_petition_sender_rule_reception": (
        "Petition senders: not confidential, or the petition or its case handled by me",
        "['|', '|', ('is_confidential', '=', False), ('petition_id.handler_id', "
        "'=', user.id), ('petition_id.denunciation_ids.handler_id', '=', user.id)]",
    ),
    "danvan_reception_visitor_rule_reception": (
        "Citizens received: not confidential, or received by me",
        "['|', ('is_confidential', '=', False), ('visit_id.officer_id', '=', user.id)]",
    ),
}


@tagged("post_install", "-at_install")
class TestMigration(TransactionCase):
    """The upgrade to 18.0.1.0.2 rewrites the noupdate rules of a database
    installed before (TCD-11)."""

    def test_tcd11_upgrade_drops_the_branch_for_a_person_not_confidential(self):
        rules = {
            xmlid: self.env.ref(f"danvan_complaints.{xmlid}") for xmlid in OLD_RULES
        }
        shipped = {xmlid: rule.domain_force for xmlid, rule in rules.items()}
        for xmlid, (name, domain) in OLD_RULES.items():
            rules[xmlid].write({"name": name, "domain_force": domain})
        migration = load_script(
            "danvan_complaints/migrations/18.0.1.0.2/post-migration.py",
            "danvan_complaints_post_migration_18_0_1_0_2",
        )
        migration.migrate(self.env.cr, "18.0.1.0.1")
        for xmlid, rule in rules.items():
            with self.subTest(rule=xmlid):
                self.assertEqual(rule.domain_force, shipped[xmlid])
                self.assertNotIn("is_confidential", rule.domain_force)
                self.assertNotIn("not confidential", rule.name)
