from datetime import date, datetime
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .conference_common import ConferenceCommon


@tagged("post_install", "-at_install")
class TestConference(ConferenceCommon):
    """Convening, quorum, second convocation and the written ballot."""

    # DC-6 -----------------------------------------------------------------

    def test_dc6_deadline_is_three_months_after_the_work_year(self):
        conference = self._conference()
        self.assertEqual(conference.date_deadline, date(2026, 3, 31))
        # Named in the agency's language, whoever creates it.
        self.assertEqual(
            conference.name,
            "Hội nghị cán bộ, công chức, viên chức, người lao động năm công tác 2025",
        )

    def test_dc6_one_annual_conference_per_year(self):
        self._conference()
        with self.assertRaisesRegex(ValidationError, "once a year"):
            self._conference()
        # An extraordinary conference of the same year is possible.
        self._conference(kind="extraordinary")

    def test_dc6_held_after_the_work_year_ends(self):
        with self.assertRaisesRegex(ValidationError, "after that year ends"):
            self._conference(date_conference=datetime(2025, 12, 20, 2, 0))

    def test_dc6_absurd_year_refused(self):
        with self.assertRaises(ValidationError):
            self._conference(work_year=2250, date_conference=False)

    def test_dc6_late_conference_is_marked(self):
        conference = self._conference(date_conference=datetime(2026, 4, 20, 2, 0))
        self.assertTrue(conference.late)
        self.assertFalse(self._conference(work_year=2026, date_conference=False).late)

    def test_dc6_union_opinion_required_before_convening(self):
        self._set_headcount(9)
        conference = self._conference()
        with self.assertRaisesRegex(UserError, "union's opinion"):
            conference.with_user(self.users["office"]).action_convene()
        self.assertEqual(conference.state, "draft")
        self.assertFalse(conference.attendee_ids)

    def test_dc6_only_the_union_records_its_opinion(self):
        conference = self._conference()
        # The union was asked for its opinion by a to-do.
        self.assertIn(
            self.users["union"], conference.activity_ids.user_id, "union to-do"
        )
        for login in ("office", "leader", "staff"):
            with self.assertRaisesRegex(UserError, "union executive committee"):
                conference.with_user(self.users[login])._record_union_opinion(
                    "Đồng ý", date.today()
                )
        with self.assertRaises(AccessError):
            conference.with_user(self.users["union"]).write(
                {"union_opinion": "Sửa trực tiếp"}
            )
        self._with_opinion(conference)
        # The Office convenes next.
        self.assertEqual(conference.activity_ids.user_id, self.users["office"])
        self.assertEqual(conference.union_opinion_user_id, self.users["union"])
        self.assertEqual(conference.union_opinion_date, date.today())
        self.assertNotIn(self.users["union"], conference.activity_ids.user_id)

    def test_dc6_union_opinion_not_on_a_future_day_nor_empty(self):
        conference = self._conference()
        union = conference.with_user(self.users["union"])
        with self.assertRaisesRegex(ValidationError, "future day"):
            union._record_union_opinion("Đồng ý", date(2099, 1, 1))
        with self.assertRaises(ValidationError):
            union._record_union_opinion("Đồng ý", date(1890, 1, 1))
        with self.assertRaisesRegex(UserError, "Write the union's opinion"):
            union._record_union_opinion("  ", date.today())
        self.assertFalse(conference.union_opinion)

    def test_dc6_cron_warns_the_office_of_the_deadline(self):
        conference = self._conference(work_year=2024, date_conference=False)
        self.assertTrue(conference.date_deadline < date.today())
        self.Conference._cron_check_deadlines()
        self.assertTrue(conference.deadline_escalated)
        self.assertIn(self.users["office"], conference.activity_ids.user_id)
        held = self._held()
        self.assertFalse(held.deadline_escalated, "a held conference is not late")

    # DC-7 -----------------------------------------------------------------

    def test_dc7_seven_staff_the_conference_is_optional(self):
        conference = self._convened(headcount=7)
        self.assertEqual(conference.state, "convened")
        self.assertTrue(conference.conference_optional)
        self.assertIn(
            "không bắt buộc tổ chức", "".join(conference.message_ids.mapped("body"))
        )

    def test_dc7_eight_staff_the_conference_is_due(self):
        conference = self._convened(headcount=8)
        self.assertFalse(conference.conference_optional)
        self.assertEqual(conference.invited_count, 8)

    def test_dc7_headcount_by_category_snapshot(self):
        self._set_headcount(7)
        self._add_staff(2, danvan_staff_category="worker")
        self._add_staff(1, danvan_staff_category="public_employee")
        conference = self._with_opinion(self._conference())
        conference.with_user(self.users["office"]).action_convene()
        self.assertEqual(conference.headcount, 10)
        self.assertEqual(conference.headcount_worker, 2)
        self.assertEqual(conference.headcount_public_employee, 1)
        self.assertEqual(conference.headcount_civil_servant, 7)
        self.assertEqual(conference.invited_count, 10)
        # Later hires do not change the snapshot.
        self._add_staff(3)
        self.assertEqual(conference.headcount, 10)

    def test_dc7_ninety_nine_staff_all_attend(self):
        self._set_headcount(99)
        delegates = self.env["hr.employee"].search(
            [("company_id", "=", self.company.id)], limit=20
        )
        conference = self._with_opinion(
            self._conference(attendance_mode="delegates", delegate_ids=delegates.ids)
        )
        with self.assertRaisesRegex(UserError, "fewer than 100"):
            conference.with_user(self.users["office"]).action_convene()
        self.assertEqual(conference.state, "draft")
        conference.with_user(self.users["office"]).attendance_mode = "all"
        conference.with_user(self.users["office"]).action_convene()
        self.assertEqual(conference.invited_count, 99)

    def test_dc7_hundred_staff_delegates_attend(self):
        self._set_headcount(100)
        delegates = self.env["hr.employee"].search(
            [("company_id", "=", self.company.id)], limit=30
        )
        conference = self._with_opinion(self._conference(attendance_mode="delegates"))
        with self.assertRaisesRegex(UserError, "Choose the delegates"):
            conference.with_user(self.users["office"]).action_convene()
        conference.with_user(self.users["office"]).delegate_ids = delegates
        conference.with_user(self.users["office"]).action_convene()
        self.assertEqual(conference.headcount, 100)
        self.assertEqual(conference.invited_count, 30)
        self.assertTrue(all(conference.attendee_ids.mapped("is_delegate")))
        # DC-8: two thirds of the delegates.
        self.assertEqual(conference.quorum, 20)
        with self.assertRaisesRegex(UserError, "convened"):
            conference.with_user(self.users["office"]).attendance_mode = "all"

    def test_dc7_invited_are_notified_and_office_gets_a_todo(self):
        conference = self._convened()
        message = conference.message_ids.filtered(
            lambda m: "Bạn được triệu tập" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.users["staff"].partner_id, message.partner_ids)
        self.assertIn(self.users["leader"].partner_id, message.partner_ids)
        self.assertIn(self.users["office"], conference.activity_ids.user_id)

    def test_dc7_convening_twice_changes_nothing(self):
        conference = self._convened()
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            conference.with_user(self.users["office"]).action_convene()
        self.assertEqual(conference.invited_count, 9)

    def test_dc7_only_the_office_convenes(self):
        self._set_headcount(9)
        conference = self._with_opinion(self._conference())
        for login in ("staff", "unit_head", "union"):
            with self.assertRaises(AccessError):
                conference.with_user(self.users[login]).action_convene()
        self.assertEqual(conference.state, "draft")

    # DC-8 -----------------------------------------------------------------

    def test_dc8_exactly_two_thirds_is_a_quorum(self):
        conference = self._convened(headcount=9)
        self.assertEqual(conference.quorum, 6)
        self._check_in(conference, 6)
        self.assertTrue(conference.quorum_reached)
        conference.with_user(self.users["office"]).action_open()
        self.assertEqual(conference.state, "in_session")

    def test_dc8_one_fewer_than_two_thirds_does_not_open(self):
        conference = self._convened(headcount=9)
        self._check_in(conference, 5)
        self.assertFalse(conference.quorum_reached)
        with self.assertRaisesRegex(UserError, r"5 of the 9 invited.*6"):
            conference.with_user(self.users["office"]).action_open()
        self.assertEqual(conference.state, "convened")

    # DC-5 -----------------------------------------------------------------

    def test_dc5_ballot_only_after_a_second_convocation_without_quorum(self):
        conference = self._convened(headcount=9)
        office = self.users["office"]
        self._check_in(conference, 5)
        with self.assertRaisesRegex(UserError, "second convocation"):
            conference.with_user(office).action_start_ballot()
        conference.with_user(office).action_reconvene()
        self.assertEqual(conference.convocation, 2)
        self.assertEqual(conference.present_count, 0, "attendance counted again")
        self.assertEqual(conference.state, "convened")
        with self.assertRaisesRegex(UserError, "already convened a second time"):
            conference.with_user(office).action_reconvene()
        self._check_in(conference, 5)
        conference.with_user(office).action_start_ballot()
        self.assertEqual(conference.state, "ballot")
        conference.with_user(office).action_close()
        self.assertEqual(conference.state, "done")

    def test_dc5_no_second_convocation_nor_ballot_with_quorum(self):
        conference = self._convened(headcount=9)
        office = self.users["office"]
        self._check_in(conference, 6)
        with self.assertRaisesRegex(UserError, "has its quorum"):
            conference.with_user(office).action_reconvene()
        self.assertEqual(conference.convocation, 1)

    def test_dc5_second_convocation_with_quorum_opens(self):
        conference = self._convened(headcount=9)
        office = self.users["office"]
        self._check_in(conference, 2)
        conference.with_user(office).action_reconvene()
        self._check_in(conference, 6)
        with self.assertRaisesRegex(UserError, "second convocation"):
            conference.with_user(office).action_start_ballot()
        conference.with_user(office).action_open()
        self.assertEqual(conference.state, "in_session")

    # Integrity ------------------------------------------------------------

    def test_plain_write_of_state_is_refused(self):
        conference = self._conference()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            conference.with_user(self.users["office"]).write({"state": "done"})
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            self._conference(work_year=2026, state="in_session", date_conference=False)
        self.assertEqual(conference.state, "draft")

    def test_convened_conference_is_kept(self):
        conference = self._convened()
        with self.assertRaisesRegex(UserError, "kept by law"):
            conference.with_user(self.users["office"]).unlink()
        draft = self._conference(work_year=2026, date_conference=False)
        draft.with_user(self.users["office"]).unlink()
        self.assertFalse(draft.exists())

    def test_held_conference_is_locked(self):
        conference = self._held()
        with self.assertRaisesRegex(UserError, "locked"):
            conference.with_user(self.users["office"]).write({"location": "Khác"})
        self.assertEqual(conference.location, "Hội trường Sở")

    def test_close_needs_the_agenda_done(self):
        conference = self._convened()
        office = self.users["office"]
        self._check_in(conference, 6)
        conference.with_user(office).action_open()
        conference.agenda_item_ids[:-1].with_user(office).write({"done": True})
        with self.assertRaisesRegex(UserError, "agenda"):
            conference.with_user(office).action_close()
        self.assertEqual(conference.state, "in_session")

    def test_outsider_sees_no_conference(self):
        conference = self._convened()
        with self.assertRaises(AccessError):
            conference.with_user(self.user_outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.Attendee.with_user(self.user_outsider).search([])

    def test_staff_see_conferences_they_are_invited_to(self):
        draft = self._conference(work_year=2026, date_conference=False)
        convened = self._convened()
        staff = self.users["staff"]
        self.assertEqual(self.Conference.with_user(staff).search([]), convened)
        union = self.users["union"]
        self.assertIn(draft, self.Conference.with_user(union).search([]))
        with self.assertRaises(AccessError):
            draft.with_user(staff).read(["name"])
        with self.assertRaises(AccessError):
            convened.with_user(staff).write({"location": "Khác"})
        # Their own attendance, not the others'.
        mine = self.Attendee.with_user(staff).search([])
        self.assertEqual(mine.user_id, staff)
        groups = self.Attendee.with_user(staff).read_group(
            [], ["present"], ["conference_id"]
        )
        self.assertEqual(sum(g["conference_id_count"] for g in groups), 1)
        self.assertEqual(convened.with_user(staff).user_attendee_id, mine)

    def test_company_rule_other_agency(self):
        conference = self._convened()
        other = self.env["res.company"].create({"name": "Sở khác"})
        self.users["office"].write({"company_ids": [(4, other.id)]})
        self.assertIn(
            conference,
            self.Conference.with_user(self.users["office"])
            .with_context(allowed_company_ids=[self.company.id])
            .search([]),
        )
        self.assertNotIn(
            conference,
            self.Conference.with_user(self.users["office"])
            .with_context(allowed_company_ids=[other.id])
            .search([]),
        )

    def test_my_work_block(self):
        conference = self._convened()
        block = conference.with_user(self.users["office"])._my_work_conference_block()
        self.assertIn(conference.id, [row["id"] for row in block["records"]])
        block = conference.with_user(self.users["staff"])._my_work_conference_block()
        self.assertEqual(block["records"][0]["id"], conference.id)
        self.assertIsNone(
            self.Conference.with_user(self.user_outsider)._my_work_conference_block()
        )

    def test_deadline_warned_twenty_working_days_ahead(self):
        conference = self._conference(work_year=2025, date_conference=False)
        with patch.object(fields.Date, "context_today", return_value=date(2026, 3, 20)):
            self.Conference._cron_check_deadlines()
        self.assertTrue(conference.deadline_warned)
        self.assertFalse(conference.deadline_escalated)

    def test_absurd_date_of_the_conference_refused(self):
        with self.assertRaises(ValidationError):
            self._conference(date_conference=datetime(2250, 3, 10, 2, 0))
        conference = self._conference()
        with self.assertRaises(ValidationError):
            conference.with_user(self.users["office"]).date_conference = datetime(
                1890, 1, 1, 2, 0
            )
        self.assertEqual(conference.date_conference, datetime(2026, 3, 10, 2, 0))

    def test_opening_and_closing_twice_change_nothing(self):
        conference = self._convened()
        office = self.users["office"]
        self._check_in(conference, 6)
        conference.with_user(office).action_open()
        opened = conference.date_opened
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            conference.with_user(office).action_open()
        self.assertEqual(conference.date_opened, opened)
        conference.agenda_item_ids.with_user(office).action_mark_done()
        conference.agenda_item_ids.with_user(office).action_mark_done()
        conference.with_user(office).action_close()
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            conference.with_user(office).action_close()
        self.assertEqual(conference.state, "done")

    def test_closing_asks_leadership_to_issue_the_documents(self):
        conference = self._held()
        approval = self.env.ref("danvan_base.mail_activity_danvan_approval")
        todo = conference.activity_ids.filtered(
            lambda a: a.activity_type_id == approval
        )
        self.assertIn(self.users["leader"], todo.user_id)
        leader = conference.with_user(self.users["leader"])
        leader.action_issue_minutes()
        leader.action_issue_resolution()
        self.assertFalse(
            conference.activity_ids.filtered(lambda a: a.activity_type_id == approval)
        )
