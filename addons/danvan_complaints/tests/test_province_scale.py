from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo.modules.migration import load_script
from odoo.tests import tagged
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

from .common import CaseCommon

OPEN_FILTERS = ("filter_open", "filter_due_soon", "filter_late")


@tagged("post_install", "-at_install")
class TestProvinceScale(CaseCommon):
    """What keeps the register's lists fast at a province's size (issue 15):
    domains that indexes serve, and record rules through stored fields."""

    def _plan(self, model, domain, user):
        """The plan of the list's count as ``user`` runs it, sequential scans
        disallowed: which index, if any, serves the domain."""
        query = self.env[model].with_user(user)._search(domain)
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.env.cr.execute(SQL("EXPLAIN %s", query.select(SQL("COUNT(*)"))))
        plan = "\n".join(row[0] for row in self.env.cr.fetchall())
        self.env.cr.execute("SET LOCAL enable_seqscan = on")
        return plan

    def _filter(self, name):
        """The domain text of a filter of the petitions' search view."""
        arch = self.env["danvan.petition"].get_views([(False, "search")])["views"]
        node = etree.fromstring(arch["search"]["arch"]).find(
            f".//filter[@name='{name}']"
        )
        return node.get("domain")

    def test_xld1_open_filters_name_the_open_states(self):
        """XLD-1: "to process", "due within a week" and "past the deadline"
        name the open states, which an index can serve, and never "not
        processed", which SQL makes "!= OR IS NULL"."""
        for name in OPEN_FILTERS:
            with self.subTest(filter=name):
                self.assertIn(
                    "('state', 'in', ('received', 'classified'))", self._filter(name)
                )
        self.assertEqual(
            self.env["danvan.petition"]._deadline_open_domain(),
            [("state", "in", ("received", "classified"))],
        )

    def test_xld1_open_petitions_are_served_by_their_partial_indexes(self):
        """XLD-1: the officer's list of open petitions and the overdue count
        go through the partial indexes of the open petitions."""
        today = date(2026, 3, 2)
        for domain in (
            [
                ("handler_id", "=", self.officer.id),
                ("state", "in", ("received", "classified")),
            ],
            [
                ("state", "in", ("received", "classified")),
                ("date_deadline", "<", today),
            ],
        ):
            with self.subTest(domain=domain):
                plan = self._plan("danvan.petition", domain, self.officer)
                self.assertRegex(plan, r"danvan_petition_open_(handler|deadline)_index")

    def test_kn_tc_open_cases_are_served_by_their_partial_index(self):
        """KN, TC: the open cases of the lists go through their own index."""
        for model in ("danvan.complaint", "danvan.denunciation"):
            with self.subTest(model=model):
                plan = self._plan(
                    model,
                    [("state", "in", ("draft", "accepted", "suspended", "settled"))],
                    self.officer,
                )
                self.assertRegex(
                    plan, rf"{self.env[model]._table}_(handler_)?open_index"
                )

    def test_kn_tc_my_open_cases_are_read_from_the_handler_index(self):
        """KN, TC: "My Cases" among the open ones, as the menus open them, is
        a condition on the handler that the handler's index serves (no
        subquery on the team for each case), the team's cases by their
        ids."""
        open_states = ("draft", "accepted", "suspended", "settled")
        for model in ("danvan.complaint", "danvan.denunciation"):
            with self.subTest(model=model):
                Model = self.env[model]
                arch = Model.get_views([(False, "search")])["views"]["search"]["arch"]
                mine = etree.fromstring(arch).find(".//filter[@name='filter_mine']")
                domain = [
                    *safe_eval(mine.get("domain"), {"uid": self.officer.id}),
                    ("state", "in", open_states),
                ]
                plan = self._plan(model, domain, self.officer)
                self.assertIn(f"{Model._table}_handler_open_index", plan)
                self.assertRegex(plan, r"Index Cond: .*handler_id = ")
                self.assertNotIn("SubPlan", plan.split("Filter:")[0])

    def test_tc13_case_rule_follows_the_petition_handler(self):
        """TC-13: the reception officers' rule reads the case's stored
        handler of its petition; when leadership reassigns the petition, the
        new handler sees the case and the former one no longer does."""
        case = self._case("denunciation")
        case.write({"handler_id": self.users["leader"].id})
        Case = self.env["danvan.denunciation"]
        self.assertEqual(case.petition_handler_id, self.officer)
        self.assertIn(case, Case.with_user(self.officer).search([]))
        self.assertNotIn(case, Case.with_user(self.other_officer).search([]))
        case.petition_id.with_user(self.users["leader"]).write(
            {"handler_id": self.other_officer.id}
        )
        self.assertEqual(case.petition_handler_id, self.other_officer)
        self.assertIn(case, Case.with_user(self.other_officer).search([]))
        self.assertNotIn(case, Case.with_user(self.officer).search([]))

    def test_tc13_letter_readable_checks_the_cases_at_hand(self):
        """TC-13: the letter of a denunciation is read by the handler of its
        petition, not by its verification team, whatever the number of cases
        asked at once; the check reads the petitions of those cases only."""
        case = self._case("denunciation")
        member = self._team_member("dvc_team_scale")
        case.write({"team_member_ids": [(4, member.id)]})
        self.assertEqual(case.with_user(self.officer)._danvan_letter_readable(), case)
        self.assertFalse(case.with_user(member)._danvan_letter_readable())
        cases = case | self._case("denunciation") | self._case("denunciation")
        counts = []
        for records in (case, cases, case, cases):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            self.assertEqual(
                records.with_user(self.officer)._danvan_letter_readable(), records
            )
            counts.append(self.env.cr.sql_log_count - start)
        # Warm (the rules' caches loaded by the first two), one case costs
        # what three do.
        self.assertEqual(counts[2], counts[3])
        self.assertLessEqual(counts[3], 6)

    def test_tc13_upgrade_moves_the_case_rules_to_the_stored_handler(self):
        """TC-13: the upgrade to 18.0.1.3.0 rewrites the noupdate case rules
        as shipped before, and leaves a rule the agency edited as it is."""
        old = (
            "['|', ('handler_id', '=', user.id), "
            "('petition_id.handler_id', '=', user.id)]"
        )
        complaint = self.env.ref("danvan_complaints.danvan_complaint_rule_reception")
        denunciation = self.env.ref(
            "danvan_complaints.danvan_denunciation_rule_reception"
        )
        shipped = denunciation.domain_force
        edited = "[('handler_id', '=', user.id)]"
        denunciation.domain_force = old
        complaint.domain_force = edited
        migration = load_script(
            "danvan_complaints/migrations/18.0.1.3.0/post-case-rules.py",
            "danvan_complaints_post_case_rules_18_0_1_3_0",
        )
        migration.migrate(self.env.cr, "18.0.1.2.0")
        self.assertEqual(denunciation.domain_force, shipped)
        self.assertIn("petition_handler_id", shipped)
        self.assertEqual(complaint.domain_force, edited)

    @freeze_time("2026-03-05")
    def test_xld1_overdue_count_as_the_list_filter_counts(self):
        """XLD-1: the "past the deadline" filter counts the open petitions
        past their deadline, not the processed ones."""
        Petition = self.env["danvan.petition"].with_user(self.officer)
        late = Petition.create(
            {
                "summary": "Đơn quá hạn",
                "date_received": date(2026, 2, 2),
                "petition_type": "petition",
            }
        )
        processed = self.env["danvan.petition"].create(
            {
                "summary": "Đơn đã xử lý",
                "date_received": date(2026, 2, 2),
                "petition_type": "petition",
                "handler_id": self.officer.id,
                "qualified": "yes",
                "outcome": "file",
                "state": "processed",
            }
        )
        self.assertTrue(processed.date_deadline < date(2026, 3, 5))
        domain = safe_eval(
            self._filter("filter_late"),
            {"context_today": lambda: date(2026, 3, 5), "relativedelta": relativedelta},
        )
        found = Petition.search(
            [("summary", "in", ["Đơn quá hạn", "Đơn đã xử lý"]), *domain]
        )
        self.assertEqual(found, late)
