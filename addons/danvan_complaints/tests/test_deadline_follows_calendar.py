from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.danvan_base.tests.deadline_common import FollowsCalendarCase

from .common import CaseCommon


@tagged("post_install", "-at_install", "is_query_count")
class TestDeadlineFollowsCalendar(FollowsCalendarCase, CaseCommon):
    """Every stored deadline of petitions and cases follows an edit of the
    calendar or of the time limits (issue 12, item 2; CAL-4, CAL-5, CAL-8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["danvan.holiday"]
        cls.today = fields.Date.today()
        # Three weeks ago: every period below still runs today.
        cls.received = cls.calendar.roll_forward(cls.today - timedelta(days=21))
        cls.accepted = cls.calendar.add_working_days(cls.received, 1)

    def _petition(self, **vals):
        return (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                {
                    "summary": "Phản ánh về cân sai tại chợ",
                    "date_received": self.received,
                    "sender_ids": [(0, 0, {"name": "Nguyễn Văn An"})],
                    **vals,
                }
            )
        )

    def _complaint(self, received=None):
        received = received or self.received
        case = self._case("complaint", received=received).with_user(self.officer)
        case.write(
            {
                "date_known": received - timedelta(days=10),
                "date_accepted": self.calendar.add_working_days(received, 1),
                "acceptance_reference": "12/TB-SKHCN",
                "respondent": "Phòng Quản lý Khoa học",
            }
        )
        case.action_accept()
        return case

    def _denunciation(self):
        case = self._case("denunciation", received=self.received).with_user(
            self.officer
        )
        case.write(
            {
                "denounced": "Ông Lê Văn B, kế toán",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": self.accepted,
            }
        )
        case.action_accept()
        return case

    def test_xld8_cal5_petition_deadline_follows_a_day_off(self):
        """The finding of issue 12: a petition keeps its deadline after a day
        of its period becomes a day off."""
        petition = self._petition()
        self._assert_follows_calendar(
            petition, "date_deadline", self.received, working_days=True
        )

    def test_tc3_cal5_denunciation_petition_deadline_follows_a_day_off(self):
        petition = self._petition(petition_type="denunciation")
        self._assert_follows_calendar(
            petition, "date_deadline", self.received, working_days=True
        )

    def test_kn3_kn5_kn7_cal4_complaint_deadlines_follow_a_day_off(self):
        """The limits to file (90 days), accept (10 working days) and
        resolve (30 days) move."""
        case = self._complaint()
        for fname, start, working_days in (
            ("date_deadline", self.accepted, False),
            ("filing_deadline", case.date_known, False),
            ("acceptance_deadline", self.received, True),
        ):
            self._assert_follows_calendar(case, fname, start, working_days)

    def test_kn7_late_flag_follows_the_deadline(self):
        """A decision on the last day is on time; made late by nothing else
        than a day off on the deadline, it is on time still (CAL-4)."""
        # Received two months ago: its 30 days have run out.
        case = self._complaint(self.calendar.roll_forward(self.today - timedelta(60)))
        deadline = case.date_deadline
        case.date_settled = self.calendar.add_working_days(deadline, 1)
        self.assertTrue(case.settled_late)
        day_off = self._day_off(deadline)
        self.assertEqual(case.date_deadline, case.date_settled)
        self.assertFalse(case.settled_late)
        day_off.with_user(self.users["office"]).action_archive()
        self.assertTrue(case.settled_late)

    def test_kn7_a_settled_case_keeps_its_resolution_deadline(self):
        """A day off added on the deadline after a late decision does not make
        the decision on time after the fact (KN-7, CAL-4)."""
        case = self._complaint(self.calendar.roll_forward(self.today - timedelta(60)))
        deadline = case.date_deadline
        case.write(
            {
                "settlement_number": "46/QĐ-SKHCN",
                "date_settled": self.calendar.add_working_days(deadline, 1),
                "verification_result": "<p>Việc thu tiền có căn cứ.</p>",
                "legal_basis": "Điều 28 Luật Khiếu nại",
                "conclusion": "wrong",
                "measure": "keep",
            }
        )
        case.action_settle()
        self.assertTrue(case.settled_late)
        self._day_off(deadline)
        self.assertEqual(case.date_deadline, deadline)
        self.assertTrue(case.settled_late)

    def test_kn9_kn13_decision_deadlines_follow_a_day_off(self):
        """The decision is sent within 3 working days, published within 15
        days and takes effect after 30."""
        case = self._complaint()
        decided = self.calendar.add_working_days(self.accepted, 2)
        case.write(
            {
                "settlement_number": "45/QĐ-SKHCN",
                "date_settled": decided,
                "verification_result": "<p>Việc thu tiền có căn cứ.</p>",
                "legal_basis": "Điều 28 Luật Khiếu nại",
                "conclusion": "wrong",
                "measure": "keep",
            }
        )
        case.action_settle()
        for fname, working_days in (
            ("sending_deadline", True),
            ("publication_deadline", False),
            ("date_effective", False),
        ):
            self._assert_follows_calendar(case, fname, decided, working_days)

    def test_tc6_tc5_denunciation_deadlines_follow_a_day_off(self):
        case = self._denunciation()
        self._assert_follows_calendar(
            case, "date_deadline", self.accepted, working_days=False
        )
        self._assert_follows_calendar(
            case, "notice_deadline", self.accepted, working_days=True
        )

    def test_cal8_an_amended_limit_applies_to_periods_from_its_date(self):
        """A limit in force from D moves the petitions received on or after
        D, not those received before."""
        amended_on = self.calendar.add_working_days(self.received, 2)
        before = self._petition()
        after = self._petition(date_received=amended_on)
        kept = before.date_deadline
        self._amend_time_limit("petition_processing", amended_on, 15)
        self.assertEqual(before.date_deadline, kept)
        self.assertEqual(
            after.date_deadline, self.calendar.add_working_days(amended_on, 15)
        )

    def test_cal8_a_limit_ended_before_its_successor_keeps_the_deadlines(self):
        """The Office ends the old limit first, then enters the new one: in
        between, the petitions it no longer covers keep their deadline."""
        amended_on = self.calendar.add_working_days(self.received, 2)
        petition = self._petition(date_received=amended_on)
        kept = petition.date_deadline
        limit = self.env["danvan.time.limit"]._get_limit(
            "petition_processing", amended_on
        )
        limit.with_user(self.users["dv_admin"]).date_to = amended_on - timedelta(1)
        self.assertEqual(petition.date_deadline, kept)

    def test_closed_cases_keep_their_deadline(self):
        """What is over keeps the dates it was counted with."""
        case = self._complaint()
        deadline = case.date_deadline
        case.sudo().state = "closed"
        self._day_off(deadline)
        self.assertEqual(case.date_deadline, deadline)

    def _petitions_due_on_one_day(self, number):
        petitions = self.env["danvan.petition"].concat(
            *(self._petition() for _i in range(number))
        )
        self.env.flush_all()
        self.env.cr.flush()
        return petitions, petitions[0].date_deadline

    def test_recompute_queries_do_not_grow_with_the_records(self):
        """Moving the deadlines of 30 petitions costs what moving 3 does."""
        petitions, deadline = self._petitions_due_on_one_day(3)
        queries = self.env.cr.sql_log_count
        day_off = self._day_off(deadline)
        self.env.flush_all()
        self.env.cr.flush()
        three = self.env.cr.sql_log_count - queries
        moved = self.calendar.add_working_days(deadline, 1)
        self.assertEqual(set(petitions.mapped("date_deadline")), {moved})
        day_off.sudo().unlink()
        self.assertEqual(set(petitions.mapped("date_deadline")), {deadline})
        petitions, deadline = self._petitions_due_on_one_day(30)
        with self.assertQueryCount(three):
            self._day_off(deadline)
        self.assertEqual(set(petitions.mapped("date_deadline")), {moved})
