from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.danvan_base.tests.common import TwoAgenciesCommon

from .common import FULL_REGISTRATION

ROLES = ("staff", "unit_head", "office", "leader")


@tagged("post_install", "-at_install")
class TestModelsMultiCompany(TwoAgenciesCommon):
    """One install for a province (issue 15, item 4): each agency its rounds
    and Dân vận khéo models; the default criteria and the fields of activity
    are shared; the provincial overseer reads every agency's models."""

    freeze_time = "2025-03-10"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Round = cls.env["danvan.model.round"]
        # One round a year per agency: the demo's are moved out of the way.
        rounds = cls.Round.with_context(active_test=False).search([])
        for offset, other in enumerate(rounds):
            other.year = 1990 + offset
        cls.env.flush_all()
        cls.field = cls.env.ref("danvan_models.danvan_model_field_digital")
        head_a = cls.users["unit_head"]
        cls.round_a, cls.registration_a = cls._agency_model(
            cls.company_a,
            cls.users["office"],
            head_a,
            cls.env["hr.employee"].search([("user_id", "=", head_a.id)]),
        )
        cls.round_b, cls.registration_b = cls._agency_model(
            cls.company_b,
            cls.users_b["office"],
            cls.users_b["unit_head"],
            cls.employees_b["unit_head"],
        )

    @classmethod
    def _agency_model(cls, company, office, head, leader):
        """An open 2025 round of ``company`` and a model of the unit of
        ``leader`` its head submitted."""
        unit = leader.department_id
        round_ = cls.Round.with_user(office).create(
            {
                "year": 2025,
                "date_deadline": date(2025, 3, 31),
                "department_ids": [(6, 0, unit.ids)],
                "company_id": company.id,
            }
        )
        round_.with_user(office).action_open()
        registration = (
            cls.env["danvan.model.registration"]
            .with_user(head)
            .create(
                dict(
                    FULL_REGISTRATION,
                    name=f"Mô hình {company.name}",
                    round_id=round_.id,
                    department_id=unit.id,
                    field_id=cls.field.id,
                    leader_id=leader.id,
                )
            )
        )
        registration.with_user(head).action_submit()
        return round_, registration

    def test_agency_a_never_sees_the_models_of_agency_b(self):
        """Every role of agency A: B's round, its criteria and B's models are
        out of its searches, groups and reads."""
        for role in ROLES:
            user = self.users[role]
            for records in (
                self.round_b,
                self.round_b.criterion_ids,
                self.registration_b,
            ):
                with self.subTest(role=role, model=records._name):
                    self.assertOutOfReach(records, user)

    def test_the_catalogues_are_the_province_s(self):
        """The fields of activity and the default criteria serve every agency."""
        for user in (self.users["staff"], self.users_b["staff"]):
            Criterion = self.env["danvan.model.criterion"].with_user(user)
            self.assertTrue(Criterion.search([("round_id", "=", False)]), user.login)
            self.assertTrue(self.field.with_user(user).read(["name"]))
        self.assertTrue(self.round_b.criterion_ids)
        self.assertEqual(self.round_b.criterion_ids.company_id, self.company_b)

    def test_a_model_of_agency_a_takes_nobody_of_agency_b(self):
        """A model's round, unit, leader and reviewers are of one agency."""
        Registration = self.env["danvan.model.registration"]
        values = dict(
            FULL_REGISTRATION,
            name="Mô hình lẫn cơ quan",
            round_id=self.round_a.id,
            department_id=self.unit_science.id,
            field_id=self.field.id,
        )
        with self.assertRaises(UserError):
            Registration.create(dict(values, department_id=self.unit_b.id))
        with self.assertRaises(UserError):
            Registration.create(
                dict(values, leader_id=self.employees_b["unit_head"].id)
            )
        with self.assertRaises(UserError):
            self.registration_a.reviewer_ids = self.users_b["staff"]
        with self.assertRaises(UserError):
            self.round_a.department_ids = [(4, self.unit_b.id)]

    def test_my_work_counts_the_agency_of_its_reader(self):
        """The Office of each agency has its own registrations to review."""
        for office, mine, theirs in (
            (self.users["office"], self.registration_a, self.registration_b),
            (self.users_b["office"], self.registration_b, self.registration_a),
        ):
            blocks = {
                block["key"]: block
                for block in self.env["danvan.my.work"]
                .with_user(office)
                .get_my_work()["blocks"]
            }
            ids = (
                self.env["danvan.model.registration"]
                .with_user(office)
                .search(blocks["registrations_to_review"]["domain"])
                .ids
            )
            self.assertIn(mine.id, ids)
            self.assertNotIn(theirs.id, ids)
        block_b = {
            block["key"]: block
            for block in self.env["danvan.my.work"]
            .with_user(self.users_b["office"])
            .get_my_work()["blocks"]
        }["registrations_to_review"]
        self.assertEqual(block_b["count"], 1)

    def test_the_overseer_reads_both_agencies_and_writes_nothing(self):
        registrations = self.registration_a | self.registration_b
        Registration = self._as_province(self.env["danvan.model.registration"])
        self.assertLessEqual(registrations, Registration.search([]))
        self.assertEqual(len(self._as_province(registrations).read(["name"])), 2)
        for records in (self.registration_b, self.round_a, self.round_b.criterion_ids):
            with self.assertRaises(AccessError, msg=records._name):
                self._as_province(records).check_access("write")
        with self.assertRaises(AccessError):
            self._as_province(self.round_a).write({"threshold_good": 70})

    def test_emulation_scores_stay_with_their_agency(self):
        """The emulation scores of B's units are B's."""
        plan = self.env["danvan.plan"].create(
            {
                "name": "Kế hoạch 2025 Sở Nội vụ",
                "year": 2025,
                "plan_type": "other",
                "company_id": self.company_b.id,
                "user_id": self.users_b["office"].id,
            }
        )
        item = self.env["danvan.plan.item"].create(
            {"plan_id": plan.id, "mark": "I", "name": "NỘI DUNG"}
        )
        self.env["danvan.plan.task"].create(
            {
                "name": "Hội nghị",
                "item_id": item.id,
                "lead_department_id": self.unit_b.id,
                "recurrence": "ongoing",
            }
        )
        self.env.flush_all()
        domain = [("department_id", "=", self.unit_b.id)]
        Emulation = self.env["danvan.model.emulation"]
        rows = Emulation.search(domain)
        self.assertEqual(rows.company_id, self.company_b)
        self.assertFalse(Emulation.with_user(self.users["office"]).search(domain))
        self.assertEqual(
            Emulation.with_user(self.users_b["office"]).search(domain), rows
        )
        self.assertEqual(self._as_province(Emulation).search(domain), rows)
