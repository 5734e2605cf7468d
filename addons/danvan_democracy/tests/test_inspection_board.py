import ast
from contextlib import contextmanager
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from odoo.addons.danvan_base.tests.deadline_common import FollowsCalendarCase

from .common import DemocracyCommon

BOARD_GROUP = "danvan_democracy.group_danvan_inspection_board"
# Friday; the 5 working days after it skip Giỗ Tổ (Sunday 26/4), its day off
# in lieu (Monday 27/4), 30/4, 1/5 and two weekends: Tue 28/4, Wed 29/4,
# Mon 4/5, Tue 5/5, Wed 6/5.
ELECTION = date(2026, 4, 24)
FIFTH_WORKING_DAY = date(2026, 5, 6)


class RefusalCase:
    """``assertRaisesRegex`` inside the savepoint of Odoo's ``assertRaises``:
    what follows sees what the refused request left, nothing."""

    @contextmanager
    def assertRaisesRegex(self, exception, pattern):
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)


class BoardCommon(RefusalCase, FollowsCalendarCase, DemocracyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The agency has 7 employees (the role users): one more, 8, may form a
        # board (DC-15).
        cls.extra_staff = cls._add_staff(1)
        cls.Board = cls.env["danvan.inspection.board"]
        cls.member_users = [
            new_test_user(
                cls.env, login=f"dv_member_{n}", groups="danvan_base.group_danvan_staff"
            )
            for n in range(5)
        ]
        cls.member_employees = cls.env["hr.employee"].create(
            [
                {
                    "name": user.name,
                    "user_id": user.id,
                    "department_id": cls.unit_science.id,
                }
                for user in cls.member_users
            ]
        )
        cls.more_employees = cls._add_staff(6)

    def _members(self, count, deputies=0, chairs=1):
        employees = (self.member_employees | self.more_employees)[:count]
        roles = ["chair"] * chairs + ["deputy"] * deputies
        roles += ["member"] * (count - len(roles))
        return [
            (0, 0, {"employee_id": employee.id, "role": role})
            for employee, role in zip(employees, roles, strict=True)
        ]

    def _board(self, count=5, user=None, **values):
        vals = {"date_election": ELECTION, "member_ids": self._members(count)}
        vals.update(values)
        return self.Board.with_user(user or self.users["office"]).create(vals)

    def _recognised_board(self, **values):
        board = self._board(**values)
        with freeze_time(board.date_election + relativedelta(days=1)):
            board.with_user(self.users["union"]).action_recognise()
        return board


@tagged("post_install", "-at_install")
class TestInspectionBoard(BoardCommon):
    """DC-15: who forms the board, how many, the union's recognition within
    5 working days, the 2-year term, and the role of the board."""

    def test_dc15_three_to_nine_members(self):
        self.assertEqual(len(self._board(3).member_ids), 3)
        self.assertEqual(len(self._board(9).member_ids), 9)
        for count in (2, 10):
            with self.assertRaisesRegex(ValidationError, "3 to 9 members"):
                self._board(count)

    def test_dc15_more_than_nine_with_a_special_reason(self):
        board = self._board(10, special_reason="Cơ quan có nhiều đơn vị trực thuộc.")
        self.assertEqual(len(board.member_ids), 10)
        with self.assertRaisesRegex(ValidationError, "3 to 9 members"):
            board.special_reason = " "

    def test_dc15_exactly_one_chair(self):
        for chairs in (0, 2):
            with self.assertRaisesRegex(ValidationError, "exactly one chair"):
                self._board(member_ids=self._members(5, chairs=chairs))

    def test_dc15_at_most_two_deputies_with_nine_members(self):
        self._board(member_ids=self._members(9, deputies=2))
        self._board(member_ids=self._members(8, deputies=3))
        with self.assertRaisesRegex(ValidationError, "at most 2 deputy chairs"):
            self._board(member_ids=self._members(9, deputies=3))

    def test_dc15_seven_staff_form_no_board_eight_do(self):
        # Only the 7 role users stay.
        (self.more_employees | self.member_employees | self.extra_staff).write(
            {"active": False}
        )
        self.assertEqual(sum(self.company._danvan_headcount().values()), 7)
        with self.assertRaisesRegex(ValidationError, "7 staff or fewer"):
            self.Board.with_user(self.users["office"]).create(
                {"date_election": ELECTION, "member_ids": []}
            )
        self.extra_staff.active = True
        self.assertEqual(sum(self.company._danvan_headcount().values()), 8)
        employees = self.env["hr.employee"].search(
            [("user_id", "in", [self.users[r].id for r in ("staff", "union", "board")])]
        )
        board = self.Board.with_user(self.users["office"]).create(
            {
                "date_election": ELECTION,
                "member_ids": [
                    (0, 0, {"employee_id": e.id, "role": r})
                    for e, r in zip(
                        employees, ["chair", "member", "member"], strict=True
                    )
                ],
            }
        )
        self.assertEqual(board.state, "elected")

    def test_dc15_board_switched_off_is_refused(self):
        self.company.danvan_inspection_board = False
        with self.assertRaisesRegex(UserError, "keeps no people's inspection board"):
            self._board()

    def test_dc15_head_deputy_chief_accountant_not_eligible(self):
        for role in ("head", "deputy", "chief_accountant"):
            employee = self.more_employees[0]
            employee.danvan_management_role = role
            with self.assertRaisesRegex(ValidationError, employee.name) as caught:
                self._board(6)
            self.assertIn("may not sit", str(caught.exception))
        self.more_employees[0].danvan_management_role = False
        self._board(6)

    def test_dc15_same_person_twice_refused(self):
        members = self._members(4)
        members.append(
            (0, 0, {"employee_id": self.member_employees[1].id, "role": "member"})
        )
        with self.assertRaisesRegex(ValidationError, "elected once"):
            self._board(member_ids=members)

    def test_dc15_term_of_two_years(self):
        board = self._board()
        self.assertEqual(board.date_term_end, date(2028, 4, 24))

    def test_dc15_recognition_on_the_fifth_working_day_across_holidays(self):
        board = self._board()
        self.assertEqual(board.date_recognition_due, FIFTH_WORKING_DAY)
        with freeze_time(FIFTH_WORKING_DAY):
            board.with_user(self.users["union"]).action_recognise()
        self.assertEqual(board.state, "recognised")
        self.assertEqual(board.date_recognition, FIFTH_WORKING_DAY)
        self.assertEqual(board.recognised_by_id, self.users["union"])
        self.assertFalse(board.recognised_late)

    def test_dc15_recognition_on_the_sixth_working_day_is_late(self):
        board = self._board()
        with freeze_time(FIFTH_WORKING_DAY + relativedelta(days=1)):
            board.with_user(self.users["union"]).action_recognise()
        self.assertTrue(board.recognised_late)

    def test_dc15_recognition_deadline_follows_the_calendar(self):
        board = self._board()
        self._day_off(date(2026, 5, 5))
        board.invalidate_recordset()
        self.assertEqual(board.date_recognition_due, date(2026, 5, 7))

    def test_dc15_the_union_gets_the_recognition_todo(self):
        board = self._board()
        todo = board.activity_ids.filtered(lambda a: a.user_id == self.users["union"])
        self.assertEqual(todo.date_deadline, FIFTH_WORKING_DAY)
        with freeze_time(FIFTH_WORKING_DAY):
            board.with_user(self.users["union"]).action_recognise()
        self.assertFalse(board.activity_ids)

    def test_dc15_only_the_union_recognises(self):
        board = self._board()
        for role in ("staff", "office", "leader", "board"):
            with self.assertRaises(AccessError):
                board.with_user(self.users[role]).action_recognise()
        self.assertEqual(board.state, "elected")

    def test_dc15_recognition_deadline_warns_the_union(self):
        today = fields.Date.today()
        # An election whose recognition is due in 1 or 2 working days.
        election = today
        while (
            self.Holiday.count_working_days(
                today,
                max(today, self.Holiday.add_working_days(election, 5)),
            )
            > 2
        ):
            election -= relativedelta(days=1)
        board = self._board(date_election=election)
        self.assertGreaterEqual(board.date_recognition_due, today)
        self.Board._cron_check_deadlines()
        self.assertTrue(board.deadline_warned)
        todos = board.activity_ids.filtered(lambda a: a.user_id == self.users["union"])
        self.assertEqual(len(todos), 2, "the union's to-do and the warning")

    def test_dc15_members_hold_the_role_while_recognised(self):
        member = self.member_users[0]
        self.assertFalse(member.has_group(BOARD_GROUP))
        board = self._recognised_board()
        self.assertTrue(member.has_group(BOARD_GROUP))
        board.with_user(self.users["office"]).action_expire()
        self.assertEqual(board.state, "expired")
        self.assertFalse(member.has_group(BOARD_GROUP))

    def test_dc15_a_new_board_replaces_the_previous(self):
        old = self._recognised_board()
        self.assertTrue(self.member_users[0].has_group(BOARD_GROUP))
        # The new board keeps member 1 to 4 and not member 0.
        employees = self.member_employees[1:] | self.more_employees[:1]
        new = self.Board.with_user(self.users["office"]).create(
            {
                "date_election": ELECTION + relativedelta(years=2),
                "member_ids": [
                    (
                        0,
                        0,
                        {"employee_id": e.id, "role": "chair" if i == 0 else "member"},
                    )
                    for i, e in enumerate(employees)
                ],
            }
        )
        with freeze_time(new.date_election):
            new.with_user(self.users["union"]).action_recognise()
        self.assertEqual(old.state, "replaced")
        self.assertFalse(self.member_users[0].has_group(BOARD_GROUP))
        self.assertTrue(self.member_users[1].has_group(BOARD_GROUP))

    def test_dc15_term_end_reminder_and_expiry(self):
        today = fields.Date.today()
        board = self._recognised_board(
            date_election=today - relativedelta(years=2) + relativedelta(weeks=3)
        )
        self.Board._cron_end_terms()
        self.assertTrue(board.term_reminded)
        users = board.activity_ids.user_id
        self.assertIn(self.users["office"], users)
        self.assertIn(self.users["union"], users)
        self.assertEqual(board.state, "recognised")
        self.Board._cron_end_terms()
        self.assertEqual(len(board.activity_ids.user_id), len(users), "reminded once")
        with freeze_time(board.date_term_end + relativedelta(days=1)):
            self.Board._cron_end_terms()
        self.assertEqual(board.state, "expired")
        self.assertFalse(self.member_users[0].has_group(BOARD_GROUP))

    def test_dc15_staff_see_the_composition(self):
        board = self._recognised_board()
        as_staff = board.with_user(self.users["staff"])
        self.assertEqual(len(as_staff.member_ids), 5)
        self.assertTrue(as_staff.member_ids[0].employee_id.name)
        with self.assertRaises(AccessError):
            self._board().with_user(self.users["staff"]).write({"special_reason": "x"})
        with self.assertRaises(AccessError):
            self._board(user=self.users["staff"])
        with self.assertRaises(AccessError):
            board.with_user(self.user_outsider).read(["name"])


@tagged("post_install", "-at_install")
class TestInspectionBoardIntegrity(BoardCommon):
    """What a careless or hostile user tries on a board: each refused."""

    def test_plain_write_of_state_refused(self):
        board = self._board()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            board.with_user(self.users["union"]).write({"state": "recognised"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self.Board.with_user(self.users["office"]).create(
                {
                    "date_election": ELECTION,
                    "member_ids": self._members(5),
                    "state": "recognised",
                }
            )
        self.assertEqual(board.state, "elected")

    def test_recognised_board_is_locked_and_kept(self):
        board = self._recognised_board()
        with self.assertRaisesRegex(UserError, "locked"):
            board.with_user(self.users["office"]).write({"date_election": ELECTION})
        with self.assertRaisesRegex(UserError, "locked"):
            board.member_ids[1].with_user(self.users["office"]).role = "deputy"
        with self.assertRaisesRegex(UserError, "locked"):
            board.member_ids[1].with_user(self.users["union"]).unlink()
        with self.assertRaisesRegex(UserError, "kept by law"):
            board.with_user(self.users["office"]).unlink()
        self.assertEqual(len(board.member_ids), 5)

    def test_double_click_on_recognise(self):
        board = self._board()
        with freeze_time(FIFTH_WORKING_DAY):
            board.with_user(self.users["union"]).action_recognise()
            with self.assertRaisesRegex(
                UserError, "not possible in the current status"
            ):
                board.with_user(self.users["union"]).action_recognise()
        self.assertEqual(board.date_recognition, FIFTH_WORKING_DAY)

    def test_recognition_before_the_election_refused(self):
        board = self._board(date_election=fields.Date.today() + relativedelta(days=3))
        with self.assertRaisesRegex(UserError, "recognised after its election"):
            board.with_user(self.users["union"]).action_recognise()
        self.assertEqual(board.state, "elected")

    def test_absurd_election_date_refused(self):
        with self.assertRaisesRegex(UserError, "outside the years"):
            self._board(date_election=date(1890, 1, 1))

    def test_draft_board_can_be_deleted(self):
        board = self._board()
        board.with_user(self.users["office"]).unlink()
        self.assertFalse(board.exists())


@tagged("post_install", "-at_install")
class TestInspectionBoardAgencies(BoardCommon):
    """DC-15: each agency its own board; switched off, nothing to do."""

    def test_dc15_other_agency_does_not_see_the_board(self):
        board = self._board()
        other = self.env["res.company"].create({"name": "Sở khác"})
        self.users["union"].write(
            {"company_ids": [(4, other.id)], "company_id": other.id}
        )
        Board = self.Board.with_user(self.users["union"]).with_context(
            allowed_company_ids=[other.id]
        )
        self.assertNotIn(board, Board.search([]))
        with self.assertRaises(AccessError):
            board.with_user(self.users["union"]).with_context(
                allowed_company_ids=[other.id]
            ).read(["name"])

    def test_dc15_switched_off_the_menu_lists_nothing(self):
        board = self._board()
        action = self.env.ref("danvan_democracy.danvan_inspection_board_action")
        domain = ast.literal_eval(action.domain)
        Board = self.Board.with_user(self.users["office"])
        self.assertIn(board, Board.search(domain))
        self.company.danvan_inspection_board = False
        self.assertNotIn(board, Board.search(domain))


@tagged("post_install", "-at_install")
class TestInspectionBoardForms(BoardCommon):
    """The forms as their roles fill them in."""

    def test_dc15_office_records_the_election_in_the_form(self):
        form = Form(self.Board.with_user(self.users["office"]))
        form.date_election = ELECTION
        for index, employee in enumerate(self.member_employees[:3]):
            with form.member_ids.new() as line:
                line.employee_id = employee
                line.role = "chair" if index == 0 else "member"
        board = form.save()
        self.assertEqual(board.member_count, 3)
        self.assertEqual(board.date_recognition_due, FIFTH_WORKING_DAY)

    def test_dc16_board_member_plans_an_inspection_in_the_form(self):
        board = self._recognised_board()
        member = self.member_users[0]
        self.assertTrue(member.has_group(BOARD_GROUP))
        form = Form(self.env["danvan.inspection"].with_user(member))
        self.assertEqual(form.board_id, board)
        form.name = "Việc sử dụng quỹ phúc lợi"
        form.inspected_department_id = self.unit_office
        form.date_planned = date(2026, 5, 6)
        form.date_notice = date(2026, 4, 24)
        inspection = form.save()
        self.assertEqual(inspection.date_notice_latest, date(2026, 4, 27))
        form = Form(self.env["danvan.inspection.recommendation"].with_user(member))
        form.name = "Công khai quỹ phúc lợi"
        form.inspection_id = inspection
        form.content = "<p>Đề nghị công khai hằng quý.</p>"
        recommendation = form.save()
        recommendation.action_send()
        self.assertEqual(recommendation.state, "sent")


@tagged("post_install", "-at_install")
class TestInspectionBoardTermBanner(BoardCommon):
    """DC-15: the form of the board warns when its term of 2 years ends
    within 6 weeks."""

    def test_dc15_term_ending_banner_six_weeks_before(self):
        board = self._recognised_board()
        end = board.date_term_end

        def ending(day):
            with freeze_time(day):
                self.env.invalidate_all()
                return board.with_user(self.users["staff"]).term_ending

        self.assertFalse(ending(end - relativedelta(weeks=6, days=1)))
        self.assertTrue(ending(end - relativedelta(weeks=6)))
        self.assertTrue(ending(end + relativedelta(days=1)))
        board.action_expire()
        self.assertFalse(ending(end))

    def test_dc15_elected_board_shows_no_banner(self):
        board = self._board()
        with freeze_time(board.date_term_end):
            self.assertFalse(board.term_ending)
