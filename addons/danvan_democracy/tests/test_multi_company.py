import base64
from datetime import date, datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.danvan_base.tests.common import TwoAgenciesCommon

from .common import DemocracyCommon

ROLES = ("staff", "unit_head", "office", "leader", "union", "board")


class DemocracyTwoAgenciesCommon(DemocracyCommon, TwoAgenciesCommon):
    """The democracy roles of the main agency, and agency B of
    TwoAgenciesCommon with a conference, a consultation, a publication, a
    recognised inspection board, a briefing and the evaluation results of its
    year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        # DemocracyCommon set aside every employee but its users': B's are
        # B's staff, with four more so that B may keep a board (DC-15).
        cls.staff_b = Employee.browse(
            [employee.id for employee in cls.employees_b.values()]
        )
        cls.staff_b.active = True
        cls.staff_b |= cls._add_staff(4, unit=cls.unit_b, company_id=cls.company_b.id)
        cls.company_b.danvan_inspection_board = True
        office_b = cls.users_b["office"]
        cls.records_b = cls._plant_agency_b(office_b)

    @classmethod
    def _plant_agency_b(cls, office_b):
        env = cls.env
        cls.publication_b = cls.Publication.with_user(office_b).create(
            {
                "name": "Nâng bậc lương Sở Nội vụ",
                "category_id": cls.category_salary.id,
                "decision_date": date(2026, 12, 1),
                "content": "<p>Danh sách của Sở Nội vụ.</p>",
                "form_ids": [Command.set(cls.form_intranet.ids)],
            }
        )
        cls.conference_b = (
            env["danvan.conference"].with_user(office_b).create({"work_year": 2025})
        )
        cls.conference_b.sudo().write(
            {
                "attendee_ids": [
                    Command.create({"employee_id": employee.id, "present": True})
                    for employee in cls.staff_b
                ],
                "headcount": len(cls.staff_b),
                "state": "in_session",
            }
        )
        cls.motion_b = (
            env["danvan.conference.motion"]
            .with_user(office_b)
            .create(
                {
                    "conference_id": cls.conference_b.id,
                    "name": "Đóng góp Quỹ phúc lợi",
                    "text": "Mỗi người đóng góp 200.000 đồng/năm.",
                    "proposer": "head",
                }
            )
        )
        today = fields.Date.context_today(cls.Publication)
        cls.consultation_b = (
            env["danvan.consultation"]
            .with_user(office_b)
            .create(
                {
                    "name": "Dự thảo Quy chế chi tiêu nội bộ Sở Nội vụ",
                    "subject_kind": "spending_rules",
                    "date_open": today - timedelta(days=1),
                    "date_close": today + timedelta(days=14),
                    "channel_ids": [Command.set(cls.form_intranet.ids)],
                    "article_ids": [
                        Command.create({"number": "Điều 1", "title": "Công tác phí"})
                    ],
                    "version_ids": [
                        Command.create(
                            {
                                "file": base64.b64encode(b"Du thao"),
                                "file_name": "du-thao.txt",
                            }
                        )
                    ],
                }
            )
        )
        cls.consultation_b.action_open()
        assert cls.consultation_b.state == "open", cls.consultation_b.state
        cls.opinion_b = (
            env["danvan.consultation.opinion"]
            .with_user(cls.users_b["staff"])
            .create(
                {
                    "consultation_id": cls.consultation_b.id,
                    "content": "Đề nghị nâng mức phụ cấp lưu trú.",
                }
            )
        )
        roles = ["chair", "member", "member"]
        cls.board_b = (
            env["danvan.inspection.board"]
            .with_user(office_b)
            .create(
                {
                    "date_election": date(2026, 4, 24),
                    "member_ids": [
                        Command.create({"employee_id": employee.id, "role": role})
                        for employee, role in zip(cls.staff_b[-3:], roles, strict=True)
                    ],
                }
            )
        )
        cls.board_b.sudo().write({"state": "recognised"})
        cls.inspection_b = (
            env["danvan.inspection"]
            .sudo()
            .create(
                {
                    "name": "Việc mua sắm tài sản",
                    "board_id": cls.board_b.id,
                    "date_planned": date(2026, 6, 1),
                    "inspected_department_id": cls.unit_b.id,
                }
            )
        )
        cls.briefing_b = (
            env["danvan.briefing"]
            .with_user(office_b)
            .create(
                {
                    "date_briefing": datetime(2026, 6, 1, 2, 0),
                    "chair_id": cls.employees_b["leader"].id,
                    "attendee_ids": [
                        Command.create({"employee_id": cls.employees_b["staff"].id})
                    ],
                }
            )
        )
        cls.batch_b = (
            env["danvan.evaluation.batch"].with_user(office_b).create({"year": 2025})
        )
        cls.result_b = (
            env["danvan.evaluation.result"]
            .with_user(office_b)
            .create(
                {
                    "batch_id": cls.batch_b.id,
                    "employee_id": cls.employees_b["staff"].id,
                    "level": "good",
                }
            )
        )
        return [
            cls.publication_b,
            cls.conference_b,
            cls.conference_b.attendee_ids,
            cls.conference_b.agenda_item_ids,
            cls.motion_b,
            cls.consultation_b,
            cls.consultation_b.article_ids,
            cls.consultation_b.version_ids,
            cls.opinion_b,
            cls.board_b,
            cls.board_b.member_ids,
            cls.inspection_b,
            cls.briefing_b,
            cls.briefing_b.attendee_ids,
            cls.batch_b,
            cls.result_b,
        ]


@tagged("post_install", "-at_install")
class TestDemocracyMultiCompany(DemocracyTwoAgenciesCommon):
    """One install for a province (issue 15, item 4): each agency its
    conferences, consultations, publications, board, briefings and evaluation
    results; nothing of one agency is linked to a record of another."""

    def test_dc1_agency_a_never_reaches_the_records_of_agency_b(self):
        """Every role of agency A, the union and the board included: B's
        records are out of its searches, groups and reads."""
        for role in ROLES:
            user = self.users[role]
            for records in self.records_b:
                self.assertTrue(records, records._name)
                self.assertEqual(records.company_id, self.company_b, records._name)
                with self.subTest(user=user.login, model=records._name):
                    if not records.with_user(user).browse().has_access("read"):
                        # No access right to the model at all.
                        with self.assertRaises(AccessError):
                            records.with_user(user).search([])
                        continue
                    # Nothing read before is served from the cache.
                    self.env.invalidate_all()
                    self.assertOutOfReach(records, user)

    def test_agency_b_sees_its_own_and_not_those_of_agency_a(self):
        office_a = self.users["office"]
        publication_a = self._publication()
        conference_a = (
            self.env["danvan.conference"]
            .with_user(office_a)
            .create({"work_year": 2025})
        )
        office_b = self.users_b["office"]
        Publication = self.Publication.with_user(office_b)
        self.assertEqual(Publication.search([]), self.publication_b)
        Conference = self.env["danvan.conference"].with_user(office_b)
        self.assertEqual(Conference.search([]), self.conference_b)
        for records in (publication_a, conference_a):
            with self.assertRaises(AccessError):
                records.with_user(office_b).read(["display_name"])
        Opinion = self.env["danvan.consultation.opinion"]
        self.assertEqual(
            Opinion.with_user(self.users_b["staff"]).search([]), self.opinion_b
        )
        Batch = self.env["danvan.evaluation.batch"].with_user(office_b)
        self.assertEqual(Batch.search([]), self.batch_b)
        Briefing = self.env["danvan.briefing"].with_user(office_b)
        self.assertEqual(Briefing.search([]), self.briefing_b)

    def test_records_of_agency_a_take_no_one_of_agency_b(self):
        """Employees, units and users of agency B are refused on records of
        agency A, whoever asks (check_company)."""
        office_a = self.users["office"]
        employee_b = self.employees_b["staff"]
        user_b = self.users_b["staff"]
        conference = (
            self.env["danvan.conference"]
            .with_user(office_a)
            .create({"work_year": 2025})
        )
        consultation = self.env["danvan.consultation"].create(
            {
                "name": "Dự thảo Quy chế dân chủ",
                "subject_kind": "spending_rules",
                "date_open": date(2026, 6, 1),
                "date_close": date(2026, 6, 15),
                "channel_ids": [Command.set(self.form_intranet.ids)],
            }
        )
        briefing = self.env["danvan.briefing"].create({})
        refused = [
            lambda: conference.write({"delegate_ids": [Command.set(employee_b.ids)]}),
            lambda: self.env["danvan.conference.attendee"].create(
                {"conference_id": conference.id, "employee_id": employee_b.id}
            ),
            lambda: consultation.write(
                {"department_ids": [Command.set(self.unit_b.ids)]}
            ),
            lambda: consultation.write({"user_id": user_b.id}),
            lambda: self.env["danvan.consultation.opinion"].create(
                {
                    "consultation_id": consultation.id,
                    "employee_id": employee_b.id,
                    "content": "Nhầm cơ quan.",
                }
            ),
            lambda: self._publication(
                audience="units", department_ids=[Command.set(self.unit_b.ids)]
            ),
            lambda: briefing.write({"chair_id": employee_b.id}),
            lambda: self.env["danvan.briefing.attendee"].create(
                {"briefing_id": briefing.id, "employee_id": employee_b.id}
            ),
            lambda: briefing.write(
                {"publication_ids": [Command.set(self.publication_b.ids)]}
            ),
            lambda: self.env["danvan.evaluation.batch"].create(
                {"year": 2020, "conference_id": self.conference_b.id}
            ),
            lambda: self.env["danvan.conference.motion.signature"].create(
                {
                    "motion_id": self.motion_b.id,
                    "employee_id": self.users["staff"].employee_ids.id,
                }
            ),
            lambda: self.env["danvan.inspection"].create(
                {
                    "name": "Nhầm cơ quan",
                    "board_id": self.board_b.id,
                    "company_id": self.company_a.id,
                    "date_planned": date(2026, 6, 1),
                }
            ),
        ]
        for number, action in enumerate(refused):
            with self.subTest(number=number), self.assertRaises(UserError):
                action()

    def test_a_user_of_both_agencies_acting_on_b_writes_in_b(self):
        """An officer of both agencies, working in A, acts on B's records:
        what follows from them is B's."""
        both = (self.company_a | self.company_b).ids
        officer = new_test_user(
            self.env,
            login="dv_both_office",
            groups="danvan_base.group_danvan_office,"
            "danvan_democracy.group_danvan_inspection_board",
            company_id=self.company_a.id,
            company_ids=[Command.set(both)],
        )
        self.company_b.danvan_signer_name = "Nguyễn Văn Bê"
        as_officer = self.env(user=officer, context={"allowed_company_ids": both})
        self.assertEqual(as_officer.company, self.company_a)
        following = self.briefing_b.with_env(as_officer)._create_next()
        self.assertEqual(following.company_id, self.company_b)
        self.assertEqual(following.attendee_ids.company_id, self.company_b)
        inspection = as_officer["danvan.inspection"].create(
            {
                "name": "Việc chi quỹ phúc lợi",
                "board_id": self.board_b.id,
                "date_planned": date(2026, 7, 1),
            }
        )
        self.assertEqual(inspection.company_id, self.company_b)
        # Of B, the board of B by default.
        report = as_officer["danvan.inspection.report"].create(
            {"company_id": self.company_b.id}
        )
        self.assertEqual(report.board_id, self.board_b)
        conference = as_officer["danvan.conference"].create(
            {"work_year": 2024, "company_id": self.company_b.id}
        )
        self.assertEqual(conference.signer_name, "Nguyễn Văn Bê")
        self.assertEqual(conference.agenda_item_ids.company_id, self.company_b)
        motion = as_officer["danvan.conference.motion"].create(
            {
                "conference_id": self.conference_b.id,
                "name": "Tham quan nghỉ mát",
                "text": "Tổ chức tham quan cho toàn cơ quan.",
                "proposer": "head",
            }
        )
        self.assertEqual(motion.company_id, self.company_b)
