from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ComplaintsTwoAgenciesCommon


@tagged("post_install", "-at_install")
class TestComplaintsMultiCompany(ComplaintsTwoAgenciesCommon):
    """One install for a province (issue 15, item 4): each agency its
    petitions, receptions, cases and the citizens' identities they hold
    (TC-13, TCD-11); the provincial overseer reads the statistics alone."""

    def test_tc13_agency_a_never_reaches_the_records_of_agency_b(self):
        """TC-13, TCD-11: the officer and the leadership of A find none of
        B's petitions, cases, visits and their citizens, by search, grouping
        or read."""
        for user in (self.officer_a, self.leader_a):
            for records in self.records_b:
                Model = records.with_user(user).browse()
                with self.subTest(user=user.login, model=records._name):
                    self.assertTrue(records)
                    self.assertFalse(Model.search([("id", "in", records.ids)]))
                    groups = Model._read_group([], ["company_id"], ["__count"])
                    self.assertNotIn(self.company_b, [c for c, _n in groups])
                    with self.assertRaises(AccessError):
                        records.with_user(user).read(["company_id"])

    def test_agency_b_sees_its_own_and_not_those_of_agency_a(self):
        for user in (self.officer_b, self.leader_b):
            Petition = self.env["danvan.petition"].with_user(user)
            with self.subTest(user=user.login):
                self.assertEqual(Petition.search([]), self.petition_b)
                with self.assertRaises(AccessError):
                    self.petition_a.with_user(user).read(["number"])
                with self.assertRaises(AccessError):
                    self.petition_a.sender_ids.with_user(user).read(["company_id"])

    def test_the_statistics_of_an_agency_are_its_own(self):
        Statistic = self.env["danvan.complaints.statistic"]
        for user, own, other in (
            (self.leader_a, self.petition_a, self.petition_b),
            (self.leader_b, self.petition_b, self.petition_a),
        ):
            with self.subTest(user=user.login):
                found = Statistic.with_user(user).search([]).petition_id
                self.assertIn(own, found)
                self.assertNotIn(other, found)

    def test_a_petition_of_agency_a_stays_with_agency_a(self):
        """Its handler, its unit, its cases and visits are of its agency."""
        with self.assertRaises(UserError):
            self.petition_a.handler_id = self.officer_b
        with self.assertRaises(UserError):
            self.petition_a.department_id = self.unit_b
        with self.assertRaises(UserError):
            self.visit_b.petition_id = self.petition_a
        with self.assertRaises(UserError):
            self.env["danvan.reception.visit"].create(
                {
                    "date": date(2026, 3, 2),
                    "summary": "Nhầm cơ quan",
                    "officer_id": self.officer_b.id,
                    "company_id": self.company_a.id,
                }
            )

    def test_the_children_take_the_agency_of_their_parent(self):
        self.assertEqual(self.petition_b.sender_ids.company_id, self.company_b)
        self.assertEqual(self.visit_b.visitor_ids.company_id, self.company_b)
        self.assertEqual(self.case_b.company_id, self.company_b)
        self.case_b._log_event("acceptance", date(2026, 3, 5))
        self.assertEqual(self.case_b.event_ids.company_id, self.company_b)

    def test_a_case_takes_the_agency_of_its_petition(self):
        """An officer of both agencies, working in A, processes a letter of
        B: the case opened for it is B's, not of the company he works in."""
        officer = new_test_user(
            self.env,
            login="dv_both_reception",
            groups="danvan_complaints.group_danvan_reception",
            company_id=self.company_a.id,
            company_ids=[Command.set((self.company_a | self.company_b).ids)],
        )
        both = (self.company_a | self.company_b).ids
        petition = (
            self.env["danvan.petition"]
            .with_user(officer)
            .with_context(allowed_company_ids=both)
            .create(
                {
                    "summary": "Tố cáo gửi nhầm nơi làm việc",
                    "date_received": date(2026, 3, 2),
                    "petition_type": "denunciation",
                    "qualified": "yes",
                    "outcome": "accept",
                    "company_id": self.company_b.id,
                    "department_id": self.unit_b_office.id,
                    "sender_ids": [Command.create({"name": "Đỗ Văn Hai"})],
                }
            )
        )
        self.assertEqual(petition.env.company, self.company_a)
        petition.action_classify()
        petition.action_process()
        case = self.env["danvan.denunciation"].search(
            [("petition_id", "=", petition.id)]
        )
        self.assertEqual(case.company_id, self.company_b)
        visit = (
            self.env["danvan.reception.visit"]
            .with_user(officer)
            .with_context(allowed_company_ids=both)
            .create(
                {
                    "date": date(2026, 3, 2),
                    "summary": "Nộp đơn tại nơi tiếp của Sở Nội vụ",
                    "petition_type": "petition",
                    "company_id": self.company_b.id,
                    "visitor_ids": [Command.create({"name": "Đỗ Văn Ba"})],
                }
            )
        )
        visit.action_create_petition()
        self.assertEqual(visit.petition_id.company_id, self.company_b)

    def test_each_agency_numbers_from_one(self):
        """B's first petition, visit and case take number 1 of B's own
        sequences, while A goes on with the shared ones of the install."""
        for record, first in (
            (self.petition_b, "/0001"),
            (self.visit_b, "/0001"),
            (self.case_b, "/001"),
        ):
            with self.subTest(model=record._name):
                self.assertTrue(record.number.endswith(first), record.number)
        own = self.company_b._danvan_document_sequence("danvan.petition")
        self.assertEqual(own.company_id, self.company_b)
        shared = self.env.ref("danvan_complaints.seq_danvan_petition")
        self.assertEqual(
            self.company_a._danvan_document_sequence("danvan.petition"), shared
        )
        next_a = self._petition(self.officer_a, self.company_a, self.unit_office)
        next_b = self._petition(self.officer_b, self.company_b, self.unit_b_office)
        self.assertTrue(next_b.number.endswith("/0002"), next_b.number)
        serial = lambda petition: int(petition.number.split("/")[1])  # noqa: E731
        self.assertEqual(serial(next_a), serial(self.petition_a) + 1)

    def test_tcd11_the_overseer_reads_the_statistics_of_both_and_no_citizen(self):
        """The provincial overseer follows the petitions of both agencies in
        the statistics, and never reaches a letter or a citizen (TC-13,
        TCD-11)."""
        Statistic = self._as_province(self.env["danvan.complaints.statistic"])
        rows = Statistic.search([("petition_id", "in", self._petitions().ids)])
        self.assertEqual(rows.company_id, self.company_a | self.company_b)
        groups = Statistic._read_group(
            [("petition_id", "in", self._petitions().ids)],
            ["company_id"],
            ["__count"],
        )
        self.assertEqual(dict(groups), {self.company_a: 1, self.company_b: 1})
        self.assertEqual(len(rows.read(["state", "date_received"])), 2)
        for records in (
            self._petitions(),
            self._petitions().sender_ids,
            self.visit_b,
            self.visit_b.visitor_ids,
            self.case_b,
        ):
            with self.subTest(model=records._name):
                with self.assertRaises(AccessError):
                    self._as_province(records).read(["company_id"])
        only_b = Statistic.with_context(allowed_company_ids=self.company_b.ids)
        self.assertEqual(
            only_b.search([("petition_id", "in", self._petitions().ids)]).petition_id,
            self.petition_b,
        )

    def _petitions(self):
        return self.petition_a | self.petition_b
