from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .test_inspection_board import BoardCommon

SECRET = "BIMAT-THANHTRA-7Q4Z"


class InspectionCommon(BoardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.board = cls.Board.create(
            {"date_election": date(2026, 4, 24), "member_ids": cls._members_of(cls)}
        )
        cls.board.action_recognise()
        # The role user "board" sits on it as well as holding the role.
        cls.board_user = cls.users["board"]
        cls.Inspection = cls.env["danvan.inspection"]
        cls.Recommendation = cls.env["danvan.inspection.recommendation"]
        cls.unit_office.manager_id = cls._unit_office_head()

    @staticmethod
    def _members_of(cls):
        employees = cls.member_employees[:4] | cls.env["hr.employee"].search(
            [("user_id", "=", cls.users["board"].id)]
        )
        return [
            (0, 0, {"employee_id": e.id, "role": "chair" if i == 0 else "member"})
            for i, e in enumerate(employees)
        ]

    @classmethod
    def _unit_office_head(cls):
        return cls.env["hr.employee"].search(
            [("user_id", "=", cls.users["unit_head"].id)]
        )

    def _inspection(self, user=None, **values):
        vals = {
            "name": "Việc sử dụng quỹ phúc lợi",
            "inspected_department_id": self.unit_office.id,
            "raised_by_id": self.users["staff"].id,
            "date_planned": fields.Date.today() + relativedelta(days=30),
        }
        vals.update(values)
        return self.Inspection.with_user(user or self.board_user).create(vals)

    def _recommendation(self, user=None, **values):
        vals = {
            "name": "Công khai quỹ phúc lợi hằng quý",
            "content": "<p>Đề nghị công khai hằng quý.</p>",
        }
        vals.update(values)
        return self.Recommendation.with_user(user or self.board_user).create(vals)


@tagged("post_install", "-at_install")
class TestInspection(InspectionCommon):
    """DC-16: the board's inspections, notified at least 5 working days
    before, and their results."""

    def test_dc16_notice_exactly_five_working_days_before(self):
        # Friday 24/4 to Wednesday 6/5: 5 working days past Giỗ Tổ, 30/4 and 1/5.
        inspection = self._inspection(date_planned=date(2026, 5, 6))
        inspection.date_notice = date(2026, 4, 24)
        self.assertEqual(inspection.date_notice_latest, date(2026, 4, 27))
        # Monday 27/4, a day off in lieu: still 5 working days before.
        inspection.date_notice = date(2026, 4, 27)

    def test_dc16_notice_four_working_days_before_refused(self):
        inspection = self._inspection(date_planned=date(2026, 5, 6))
        with self.assertRaisesRegex(ValidationError, "at least 5 working days"):
            inspection.date_notice = date(2026, 4, 28)
        with self.assertRaisesRegex(ValidationError, "at least 5 working days"):
            inspection.date_notice = date(2026, 5, 7)
        inspection.invalidate_recordset()
        self.assertFalse(inspection.date_notice)

    def test_dc16_the_flow_to_the_result(self):
        inspection = self._inspection()
        inspection.action_send_union()
        self.assertEqual(inspection.state, "sent")
        self.assertIn(self.users["union"], inspection.activity_ids.user_id)
        inspection.action_notify()
        self.assertEqual(inspection.state, "notified")
        self.assertEqual(inspection.date_notice, fields.Date.today())
        notice = inspection.message_ids.filtered(
            lambda m: self.users["unit_head"].partner_id in m.partner_ids
        )
        self.assertTrue(notice, "the head of the unit inspected is notified")
        with self.assertRaisesRegex(UserError, "Write the result"):
            inspection.action_send_result()
        inspection.result = "<p>Đúng quy chế.</p>"
        inspection.action_send_result()
        self.assertEqual(inspection.state, "done")
        message = inspection.message_ids.filtered(
            lambda m: self.users["staff"].partner_id in m.partner_ids
        )
        self.assertTrue(message, "the result is sent to whoever raised the matter")
        with self.assertRaisesRegex(UserError, "locked"):
            inspection.result = "<p>Khác.</p>"

    def test_dc16_notice_too_late_is_refused_on_notify(self):
        inspection = self._inspection(
            date_planned=fields.Date.today() + relativedelta(days=2)
        )
        inspection.action_send_union()
        with self.assertRaisesRegex(ValidationError, "at least 5 working days"):
            inspection.action_notify()
        inspection.invalidate_recordset()
        self.assertEqual(inspection.state, "sent")

    def test_dc16_only_board_members_create_inspections(self):
        for role in ("staff", "union", "office", "leader"):
            with self.assertRaises(AccessError):
                self._inspection(user=self.users[role])
        self.assertEqual(self._inspection().board_id, self.board)

    def test_dc16_the_union_and_leadership_read_staff_do_not(self):
        inspection = self._inspection()
        self.assertTrue(inspection.with_user(self.users["union"]).name)
        self.assertTrue(inspection.with_user(self.users["leader"]).name)
        with self.assertRaises(AccessError):
            inspection.with_user(self.users["union"]).write({"name": "x"})
        for user in (self.users["staff"], self.users["unit_head"], self.user_outsider):
            with self.assertRaises(AccessError):
                inspection.with_user(user).read(["name"])

    def test_dc16_an_ended_board_does_not_inspect(self):
        self.board.action_expire()
        with self.assertRaisesRegex(UserError, "not a recognised board"):
            self.Inspection.create(
                {
                    "name": "x",
                    "board_id": self.board.id,
                    "inspected_department_id": self.unit_office.id,
                    "date_planned": fields.Date.today(),
                }
            )

    def test_dc16_person_or_unit_required(self):
        with self.assertRaisesRegex(ValidationError, "person or the unit"):
            self._inspection(inspected_department_id=False)

    def test_result_is_confidential_to_staff(self):
        inspection = self._inspection(
            result=f"<p>{SECRET}</p>", raised_by_id=self.users["leader"].id
        )
        inspection.action_send_union()
        inspection.action_notify()
        inspection.action_send_result()
        for user in (
            self.users["staff"],
            self.users["unit_head"],
            self.users["office"],
        ):
            Inspection = self.Inspection.with_user(user)
            with self.assertRaises(AccessError):
                Inspection.search([("result", "ilike", SECRET)])
            with self.assertRaises(AccessError):
                Inspection.read_group([], ["state"], ["state"])
            with self.assertRaises(UserError):
                inspection.with_user(user).export_data(["result"])
            messages = (
                self.env["mail.message"]
                .with_user(user)
                .search([("body", "ilike", SECRET)])
            )
            self.assertFalse(messages, f"{user.login} reads the result in a message")
        # Whoever raised the matter gets the result.
        self.assertTrue(
            self.env["mail.message"]
            .with_user(self.users["leader"])
            .search([("body", "ilike", SECRET)])
        )

    def test_plain_write_of_state_and_deletion(self):
        inspection = self._inspection()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            inspection.write({"state": "done"})
        inspection.action_send_union()
        with self.assertRaisesRegex(UserError, "kept by law"):
            inspection.unlink()
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            inspection.action_send_union()


@tagged("post_install", "-at_install")
class TestRecommendation(InspectionCommon):
    """DC-16: the head answers the board's recommendations within 15 days."""

    def test_dc16_answer_due_fifteen_days_after_sending(self):
        with freeze_time("2026-04-15"):
            recommendation = self._recommendation()
            recommendation.action_send()
        # 15 days: 30/4, a holiday; 1/5 too, then a weekend: Monday 4/5.
        self.assertEqual(recommendation.date_sent, date(2026, 4, 15))
        self.assertEqual(recommendation.date_deadline, date(2026, 5, 4))

    def test_dc16_answer_deadline_follows_the_calendar(self):
        with freeze_time("2026-06-01"):
            recommendation = self._recommendation()
            recommendation.action_send()
        self.assertEqual(recommendation.date_deadline, date(2026, 6, 16))
        self._day_off(date(2026, 6, 16))
        recommendation.invalidate_recordset()
        self.assertEqual(recommendation.date_deadline, date(2026, 6, 17))

    def test_dc16_leadership_answers(self):
        recommendation = self._recommendation()
        recommendation.action_send()
        self.assertTrue(
            recommendation.activity_ids.filtered(
                lambda a: a.user_id == self.users["leader"]
            ),
            "leadership gets a to-do",
        )
        as_leader = recommendation.with_user(self.users["leader"])
        with self.assertRaisesRegex(UserError, "Write the answer"):
            as_leader.action_answer()
        as_leader.answer = "<p>Đồng ý.</p>"
        as_leader.action_answer()
        self.assertEqual(recommendation.state, "answered")
        self.assertEqual(recommendation.answered_by_id, self.users["leader"])
        self.assertFalse(recommendation.answered_late)
        self.assertFalse(
            recommendation.activity_ids.filtered(
                lambda a: a.user_id == self.users["leader"]
            )
        )

    def test_dc16_only_leadership_answers(self):
        recommendation = self._recommendation()
        recommendation.action_send()
        with self.assertRaisesRegex(AccessError, "Only leadership"):
            recommendation.with_user(self.board_user).answer = "<p>Tự trả lời.</p>"
        for role in ("union", "office", "staff"):
            with self.assertRaises(AccessError):
                recommendation.with_user(self.users[role]).write({"answer": "<p>x</p>"})
        with self.assertRaises(AccessError):
            recommendation.with_user(self.board_user).action_answer()
        with self.assertRaisesRegex(AccessError, "Only the people's inspection board"):
            recommendation.with_user(self.users["leader"]).name = "Khác"
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            recommendation.with_user(self.board_user).name = "Khác"
        self.assertFalse(recommendation.answer)

    def test_dc16_overdue_flagged_and_leadership_alerted(self):
        with freeze_time("2026-04-15"):
            recommendation = self._recommendation()
            recommendation.action_send()
        self.assertTrue(recommendation.is_overdue)
        self.assertIn(
            recommendation, self.Recommendation.search([("is_overdue", "=", True)])
        )
        self.assertNotIn(
            recommendation, self.Recommendation.search([("is_overdue", "=", False)])
        )
        self.Recommendation._cron_check_deadlines()
        self.assertTrue(recommendation.deadline_escalated)
        as_leader = recommendation.with_user(self.users["leader"])
        as_leader.answer = "<p>Trả lời muộn.</p>"
        as_leader.action_answer()
        self.assertTrue(recommendation.answered_late)
        self.assertFalse(recommendation.is_overdue)

    def test_dc16_only_board_members_recommend(self):
        for role in ("staff", "union", "leader", "office"):
            with self.assertRaises(AccessError):
                self._recommendation(user=self.users[role])

    def test_double_click_on_send(self):
        recommendation = self._recommendation()
        recommendation.action_send()
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            recommendation.action_send()
        self.assertEqual(
            len(
                recommendation.activity_ids.filtered(
                    lambda a: a.user_id == self.users["leader"]
                )
            ),
            1,
        )
