from contextlib import contextmanager
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DemocracyCommon
from .test_inspection_board import RefusalCase


class BriefingCommon(RefusalCase, DemocracyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Briefing = cls.env["danvan.briefing"]
        cls.Conclusion = cls.env["danvan.briefing.conclusion"]
        cls.chair = cls.env["hr.employee"].search(
            [("user_id", "=", cls.users["leader"].id)]
        )

    def _briefing(self, user=None, **values):
        vals = {
            "date_briefing": fields.Datetime.now() - timedelta(hours=2),
            "chair_id": self.chair.id,
            "location": "Phòng họp tầng 2",
        }
        vals.update(values)
        return self.Briefing.with_user(user or self.users["office"]).create(vals)


@tagged("post_install", "-at_install")
class TestBriefing(BriefingCommon):
    """DC-18: the briefings of the agency, their attendance, minutes and
    conclusions, and the series."""

    def test_dc18_attendance_and_minutes(self):
        briefing = self._briefing()
        briefing.action_invite_staff()
        self.assertEqual(briefing.invited_count, 7)
        briefing.action_invite_staff()
        self.assertEqual(
            briefing.invited_count, 7, "a second click invites no one twice"
        )
        briefing.attendee_ids[:5].write({"present": True})
        self.assertEqual(briefing.present_count, 5)
        briefing.minutes = "<p>Các phòng báo cáo.</p>"
        briefing.action_hold()
        self.assertEqual(briefing.state, "held")
        with self.assertRaisesRegex(UserError, "locked"):
            briefing.attendee_ids[0].present = False
        with self.assertRaisesRegex(UserError, "locked"):
            briefing.minutes = "<p>Sửa.</p>"
        with self.assertRaisesRegex(UserError, "kept by law"):
            briefing.unlink()

    def test_dc18_hold_needs_attendance_and_a_past_date(self):
        briefing = self._briefing()
        with self.assertRaisesRegex(UserError, "Record who attended"):
            briefing.action_hold()
        future = self._briefing(date_briefing=fields.Datetime.now() + timedelta(days=3))
        future.action_invite_staff()
        future.action_mark_all_present()
        with self.assertRaisesRegex(UserError, "planned in the future"):
            future.action_hold()
        self.assertEqual(future.state, "planned")

    def test_dc18_conclusion_is_a_todo_for_its_owner(self):
        briefing = self._briefing()
        conclusion = self.Conclusion.with_user(self.users["office"]).create(
            {
                "briefing_id": briefing.id,
                "name": "Gửi báo cáo quý về Văn phòng",
                "user_id": self.users["staff"].id,
                "date_deadline": fields.Date.today() + timedelta(days=7),
            }
        )
        activity = conclusion.activity_ids
        self.assertEqual(activity.user_id, self.users["staff"])
        self.assertEqual(activity.date_deadline, conclusion.date_deadline)
        self.assertEqual(briefing.conclusion_open_count, 1)
        # Someone else may not close it; its owner does.
        with self.assertRaisesRegex(AccessError, "Only its owner"):
            conclusion.with_user(self.users["unit_head"]).action_done()
        with self.assertRaisesRegex(AccessError, "Only the Office"):
            conclusion.with_user(self.users["staff"]).write({"name": "Khác"})
        conclusion.with_user(self.users["staff"]).action_done()
        self.assertEqual(conclusion.state, "done")
        self.assertFalse(conclusion.done_late)
        self.assertFalse(conclusion.activity_ids)
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            conclusion.with_user(self.users["staff"]).action_done()

    def test_dc18_conclusion_overdue_tracked(self):
        briefing = self._briefing(
            date_briefing=fields.Datetime.now() - timedelta(days=30)
        )
        conclusion = self.Conclusion.create(
            {
                "briefing_id": briefing.id,
                "name": "Rà soát danh sách nâng bậc lương",
                "user_id": self.users["unit_head"].id,
                "date_deadline": fields.Date.today() - timedelta(days=3),
            }
        )
        self.assertTrue(conclusion.is_overdue)
        self.assertIn(conclusion, self.Conclusion.search([("is_overdue", "=", True)]))
        self.Conclusion._cron_check_deadlines()
        self.assertTrue(conclusion.deadline_escalated)
        self.assertIn(self.users["office"], conclusion.activity_ids.user_id)
        conclusion.with_user(self.users["unit_head"]).action_done()
        self.assertTrue(conclusion.done_late)
        self.assertNotIn(
            conclusion, self.Conclusion.search([("is_overdue", "=", True)])
        )

    def test_dc18_reassigning_the_owner_moves_the_todo(self):
        briefing = self._briefing()
        conclusion = self.Conclusion.with_user(self.users["office"]).create(
            {
                "briefing_id": briefing.id,
                "name": "Chuẩn bị hội nghị",
                "user_id": self.users["staff"].id,
                "date_deadline": fields.Date.today() + timedelta(days=7),
            }
        )
        conclusion.with_user(self.users["office"]).user_id = self.users["unit_head"]
        self.assertEqual(conclusion.activity_ids.user_id, self.users["unit_head"])

    def test_dc18_deadline_before_the_briefing_refused(self):
        briefing = self._briefing()
        with self.assertRaisesRegex(UserError, "cannot be before the briefing"):
            self.Conclusion.create(
                {
                    "briefing_id": briefing.id,
                    "name": "x",
                    "user_id": self.users["staff"].id,
                    "date_deadline": fields.Date.today() - timedelta(days=5),
                }
            )

    def test_dc18_next_briefing_of_the_series(self):
        briefing = self._briefing(date_briefing=datetime(2026, 10, 5, 2, 0))
        briefing.action_invite_staff()
        action = briefing.action_create_next()
        following = self.Briefing.browse(action["res_id"])
        self.assertEqual(following.date_briefing, datetime(2026, 11, 5, 2, 0))
        self.assertEqual(following.previous_id, briefing)
        self.assertEqual(following.chair_id, self.chair)
        self.assertEqual(following.invited_count, 7)
        again = briefing.action_create_next()
        self.assertEqual(again["res_id"], following.id, "a second click plans no other")
        self.company.danvan_briefing_frequency = "weekly"
        third = self.Briefing.browse(following.action_create_next()["res_id"])
        self.assertEqual(third.date_briefing, datetime(2026, 11, 12, 2, 0))

    def test_dc18_cron_plans_the_next_of_the_latest_only(self):
        # An agency of its own: the demo's briefings are not its series.
        agency = self.env["res.company"].create({"name": "Sở thử nghiệm giao ban"})
        now = fields.Datetime.now()
        older, latest = self.Briefing.create(
            [
                {"company_id": agency.id, "date_briefing": now - timedelta(days=60)},
                {"company_id": agency.id, "date_briefing": now - timedelta(days=1)},
            ]
        )
        self.Briefing._cron_create_next()
        self.assertFalse(older.next_ids)
        self.assertEqual(len(latest.next_ids), 1)
        self.Briefing._cron_create_next()
        self.assertEqual(len(latest.next_ids), 1, "the next one is not yet due")

    def test_dc18_briefing_as_channel_of_publication(self):
        publication = self._publication()
        publication.action_publish()
        briefing = self._briefing(publication_ids=[(6, 0, publication.ids)])
        self.assertEqual(briefing.publication_count, 1)
        action = briefing.action_view_publications()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), publication
        )

    def test_dc18_briefing_as_channel_of_consultation(self):
        consultation = self.env["danvan.consultation"].create(
            {
                "name": "Dự thảo Quy chế làm việc",
                "subject_kind": "working_rules",
                "date_open": fields.Date.context_today(self.Briefing),
                "date_close": fields.Date.context_today(self.Briefing)
                + timedelta(days=10),
                "channel_ids": [
                    (
                        6,
                        0,
                        self.env.ref(
                            "danvan_democracy.danvan_publication_form_briefing"
                        ).ids,
                    )
                ],
            }
        )
        briefing = self._briefing(consultation_ids=[(6, 0, consultation.ids)])
        self.assertEqual(
            briefing.with_user(self.users["office"]).consultation_ids, consultation
        )

    def test_dc18_roles(self):
        briefing = self._briefing()
        briefing.action_invite_staff()
        for role in ("staff", "unit_head", "union"):
            self.assertTrue(briefing.with_user(self.users[role]).name)
            with self.assertRaises(AccessError):
                self._briefing(user=self.users[role])
            with self.assertRaises(AccessError):
                briefing.with_user(self.users[role]).write({"location": "x"})
            with self.assertRaises(AccessError):
                briefing.with_user(self.users[role]).action_hold()
        with self.assertRaises(AccessError):
            briefing.with_user(self.user_outsider).read(["name"])

    def test_plain_write_of_state_refused(self):
        briefing = self._briefing()
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            briefing.write({"state": "held"})
        briefing.invalidate_recordset()
        self.assertEqual(briefing.state, "planned")


@tagged("post_install", "-at_install")
class TestBriefingQueries(BriefingCommon):
    """The attendance of a briefing in as many queries for 5 staff as for 50."""

    def _queries_for(self, staff):
        self.env["hr.employee"].search(
            [("user_id", "=", False), ("active", "=", True)]
        ).write({"active": False})
        self._add_staff(staff)
        briefing = self._briefing()
        self.env.flush_all()
        self.env.invalidate_all()
        as_office = briefing.with_user(self.users["office"])
        with contextmanager(self._patchExecute)([]) as log:
            as_office.action_invite_staff()
            as_office.action_mark_all_present()
            as_office.invalidate_recordset()
            counts = (as_office.invited_count, as_office.present_count)
            as_office.attendee_ids.mapped("department_id.name")
        queries = len(log)
        import logging

        logging.getLogger(__name__).info(
            "QUERIES %s:\n%s", staff, "\n".join(map(str, log))
        )
        self.assertEqual(counts, (7 + staff, 7 + staff))
        return queries

    def test_attendance_queries_flat_in_staff(self):
        # A first round fills the caches of access rights and rules.
        self._queries_for(1)
        with self.subTest(staff=5):
            five = self._queries_for(5)
        with self.subTest(staff=50):
            fifty = self._queries_for(50)
        self.assertEqual(five, fifty)
        self.assertLessEqual(fifty, 15)


@tagged("post_install", "-at_install")
class TestBriefingIntegrity(BriefingCommon):
    """Absurd dates on a briefing or a conclusion: refused, nothing kept."""

    def test_absurd_dates_refused(self):
        with self.assertRaisesRegex(UserError, "outside the years"):
            self._briefing(date_briefing=datetime(1850, 1, 1, 2, 0))
        briefing = self._briefing()
        with self.assertRaisesRegex(UserError, "outside the years"):
            self.Conclusion.create(
                {
                    "briefing_id": briefing.id,
                    "name": "x",
                    "user_id": self.users["staff"].id,
                    "date_deadline": datetime(3000, 1, 1).date(),
                }
            )
        self.assertFalse(briefing.conclusion_ids)
