from datetime import date

from odoo.modules.migration import load_script
from odoo.tests import TransactionCase, tagged
from odoo.tools.sql import column_exists

from .common import CaseCommon

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


@tagged("post_install", "-at_install")
class TestMigrationWithdrawal(CaseCommon):
    """The upgrade to 18.0.1.0.3 moves what a denouncer withdrew, as a case
    stored it, to the field no user reads (TC-13)."""

    def test_tc13_upgrade_keeps_what_was_withdrawn_from_the_team(self):
        case = self._case("denunciation", received=date(2026, 7, 6))
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("ALTER TABLE danvan_denunciation ADD COLUMN withdrawn_content text")
        cr.execute(
            "UPDATE danvan_denunciation SET withdrawn_content = %s WHERE id = %s",
            [f"{self.DENOUNCER} rút một phần", case.id],
        )
        migration = load_script(
            "danvan_complaints/migrations/18.0.1.0.3/post-migrate.py",
            "danvan_complaints_post_migrate_18_0_1_0_3",
        )
        migration.migrate(cr, "18.0.1.0.2")
        self.assertFalse(column_exists(cr, "danvan_denunciation", "withdrawn_content"))
        self.env.invalidate_all()
        self.assertEqual(case.sudo().withdrawn_note, f"{self.DENOUNCER} rút một phần")
        self.assertEqual(
            case.with_user(self.officer).withdrawn_content,
            f"{self.DENOUNCER} rút một phần",
        )


# The settlement fields and state of each kind as 18.0.1.0.3 named them.
OLD_SETTLEMENT = {
    "danvan.complaint": (
        {
            "date_settled": "decision_date",
            "settlement_number": "decision_number",
            "settled_late": "decided_late",
        },
        "decided",
    ),
    "danvan.denunciation": (
        {
            "date_settled": "conclusion_date",
            "settlement_number": "conclusion_number",
            "settled_late": "concluded_late",
        },
        "concluded",
    ),
}


@tagged("post_install", "-at_install")
class TestMigrationSettlement(CaseCommon):
    """The upgrade to 18.0.1.1.0 renames the decision's and the conclusion's
    fields and states to the settlement's: existing cases keep their dates,
    numbers, lateness and tracked history (KN-9, TC-10)."""

    def _settled_case(self, kind):
        case = self._case(kind, received=date(2026, 7, 6))
        case.sudo().write(
            {
                "date_accepted": date(2026, 7, 7),
                "settlement_number": "12/QĐ-SKHCN",
                "date_settled": date(2026, 11, 30),
            }
        )
        case.sudo()._transition("action_accept")
        case.sudo()._transition("action_settle")
        self.env.flush_all()
        return case

    def _back_to_old_names(self, model, renamed, state):
        """The database as 18.0.1.0.3 left it."""
        cr = self.env.cr
        table = model.replace(".", "_")
        for new, old in renamed.items():
            cr.execute(f'ALTER TABLE {table} RENAME COLUMN "{new}" TO "{old}"')
            cr.execute(
                "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s",
                [old, model, new],
            )
            cr.execute(
                "UPDATE ir_model_data SET name = %s "
                "WHERE module = 'danvan_complaints' AND name = %s",
                [f"field_{table}__{old}", f"field_{table}__{new}"],
            )
        cr.execute(f"UPDATE {table} SET state = %s WHERE state = 'settled'", [state])
        cr.execute(
            "UPDATE ir_model_fields_selection s SET value = %s "
            "FROM ir_model_fields f WHERE s.field_id = f.id AND f.model = %s "
            "AND f.name = 'state' AND s.value = 'settled'",
            [state, model],
        )
        cr.execute(
            "UPDATE ir_model_data SET name = %s "
            "WHERE module = 'danvan_complaints' AND name = %s",
            [
                f"selection__{table}__state__{state}",
                f"selection__{table}__state__settled",
            ],
        )

    def test_kn9_tc10_upgrade_keeps_the_settlement_of_existing_cases(self):
        cases = {
            model: self._settled_case(model.split(".")[1]) for model in OLD_SETTLEMENT
        }
        for model, (renamed, state) in OLD_SETTLEMENT.items():
            self._back_to_old_names(model, renamed, state)
        migration = load_script(
            "danvan_complaints/migrations/18.0.1.1.0/pre-migrate.py",
            "danvan_complaints_pre_migrate_18_0_1_1_0",
        )
        migration.migrate(self.env.cr, "18.0.1.0.3")
        self.env.invalidate_all()
        for model, case in cases.items():
            with self.subTest(model=model):
                self.assertEqual(case.state, "settled")
                self.assertEqual(case.settlement_number, "12/QĐ-SKHCN")
                self.assertEqual(case.date_settled, date(2026, 11, 30))
                self.assertTrue(case.settled_late)
                table = model.replace(".", "_")
                for new in OLD_SETTLEMENT[model][0]:
                    field = self.env.ref(f"danvan_complaints.field_{table}__{new}")
                    self.assertEqual((field.model, field.name), (model, new))
                selection = self.env.ref(
                    f"danvan_complaints.selection__{table}__state__settled"
                )
                self.assertEqual(selection.value, "settled")

    def test_kn9_tc10_upgrade_renames_the_state_in_saved_favourites(self):
        """A favourite or a default saved with "decided" or "concluded" would
        find nothing after the upgrade: it asks for "settled"."""
        migration = load_script(
            "danvan_complaints/migrations/18.0.1.1.0/pre-migrate.py",
            "danvan_complaints_pre_migrate_18_0_1_1_0",
        )
        for model, (_renamed, state) in OLD_SETTLEMENT.items():
            with self.subTest(model=model):
                favourite = self.env["ir.filters"].create(
                    {
                        "name": "Đã giải quyết",
                        "model_id": model,
                        "domain": f"[('state', 'in', ['draft', '{state}']), "
                        f"('summary', 'ilike', '{state}s')]",
                    }
                )
                other = self.env["ir.filters"].create(
                    {
                        "name": "Khác",
                        "model_id": "danvan.petition",
                        "domain": f"[('state', '=', '{state}')]",
                    }
                )
                self.env["ir.default"].set(model, "state", "draft")
                default = self.env["ir.default"].search(
                    [("field_id.model", "=", model), ("field_id.name", "=", "state")]
                )
                self.env.cr.execute(
                    "UPDATE ir_default SET json_value = %s WHERE id = %s",
                    [f'"{state}"', default.id],
                )
                self.env.flush_all()
                migration.rename_saved_state(self.env.cr, model, state)
                self.env.invalidate_all()
                self.assertEqual(
                    favourite.domain,
                    "[('state', 'in', ['draft', 'settled']), "
                    f"('summary', 'ilike', '{state}s')]",
                )
                self.assertEqual(other.domain, f"[('state', '=', '{state}')]")
                self.assertEqual(default.json_value, '"settled"')
