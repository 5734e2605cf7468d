from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import DanvanCommon


@tagged("post_install", "-at_install")
class TestReceptionSchedule(DanvanCommon):
    """The head's periodic reception and its sessions (issue 5, item 1)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.place = cls.env["danvan.reception.place"].create(
            {"name": "Phòng tiếp công dân thử", "address": "Số 1 đường thử"}
        )
        cls.head = cls.users["leader"]
        cls.deputy = new_test_user(
            cls.env, login="dvc_deputy", groups="danvan_base.group_danvan_leadership"
        )
        cls.env.company.write(
            {
                "danvan_head_user_id": cls.head.id,
                "danvan_reception_place_id": cls.place.id,
                "danvan_reception_day": 15,
            }
        )
        cls.Session = cls.env["danvan.reception.session"]
        # The demo data may hold its own sessions: plan a year it leaves alone.
        cls.year = 2026
        cls.Session.search([("date", ">=", date(2026, 1, 1))]).write(
            {"state": "cancelled"}
        )

    def _generate(self, user=None):
        return self.Session.with_user(
            user or self.users["reception"]
        )._generate_periodic(self.year)

    def test_tcd5_one_session_a_month_moved_off_days_off(self):
        """CAL-4: 15/02/2026 falls in Tết, 15/03 on a Sunday, 15/08 on a Saturday."""
        sessions = self._generate()
        self.assertEqual(len(sessions), 12)
        days = {session.date.month: session.date for session in sessions}
        self.assertEqual(days[1], date(2026, 1, 15))
        self.assertEqual(days[2], date(2026, 2, 23))
        self.assertEqual(days[3], date(2026, 3, 16))
        self.assertEqual(days[8], date(2026, 8, 17))
        self.assertEqual(set(sessions.mapped("kind")), {"periodic"})
        self.assertEqual(sessions.presider_id, self.head)
        self.assertFalse(any(sessions.mapped("is_delegated")))

    def test_each_session_has_its_calendar_event(self):
        session = self._generate().filtered(lambda s: s.date.month == 1)
        event = session.event_id
        self.assertIn(self.head.partner_id, event.partner_ids)
        self.assertEqual(event.location, "Số 1 đường thử")
        # 7:30 in Hanoi is 0:30 UTC.
        self.assertEqual(event.start, datetime(2026, 1, 15, 0, 30))

    def test_planning_twice_adds_nothing(self):
        self._generate()
        self.assertFalse(self._generate())
        self.assertEqual(
            self.Session.search_count(
                [("kind", "=", "periodic"), ("state", "!=", "cancelled")]
            ),
            12,
        )

    def test_planning_needs_the_head_and_the_place(self):
        self.env.company.danvan_head_user_id = False
        with self.assertRaises(UserError):
            self._generate()
        self.assertFalse(self.Session.search([("state", "=", "planned")]))

    def test_the_reception_day_is_a_day_of_the_month(self):
        with self.assertRaises(ValidationError):
            self.env.company.danvan_reception_day = 32
        self.env.company.danvan_reception_day = 31
        days = sorted(self._generate().mapped("date"))
        # 28/02/2026 is a Saturday: the session stays in February, on the 27th.
        self.assertEqual(days[1], date(2026, 2, 27))
        self.assertEqual([day.month for day in days], list(range(1, 13)))

    def test_session_names_are_in_the_agency_language(self):
        """Planned by an officer who reads English, named as the agency
        writes it, for every reader and in the calendar."""
        self.env.company.danvan_lang = "vi_VN"
        self.users["reception"].lang = "en_US"
        session = self._generate()[:1]
        day = session.date.strftime("%d/%m/%Y")
        self.assertEqual(session.name, f"Tiếp công dân định kỳ {day}")
        self.assertEqual(session.event_id.name, session.name)

    def test_tcd8_a_session_presided_by_a_deputy_is_flagged(self):
        session = self._generate()[:1]
        session.presider_id = self.deputy
        self.assertTrue(session.is_delegated)
        session.presider_id = self.head
        self.assertFalse(session.is_delegated)

    def test_a_session_is_held_on_a_working_day(self):
        with self.assertRaises(ValidationError):
            self.Session.with_user(self.users["reception"]).create(
                {"kind": "unscheduled", "date": date(2026, 9, 2)}
            )

    def test_reception_officers_plan_others_read(self):
        with self.assertRaises(AccessError):
            self._generate(self.users["staff"])
        sessions = self._generate()
        self.assertEqual(
            self.Session.with_user(self.users["staff"]).search(
                [("id", "in", sessions.ids)]
            ),
            sessions,
        )

    def test_a_place_with_sessions_is_archived_not_deleted(self):
        self._generate()
        with self.assertRaises(UserError):
            self.place.with_user(self.users["dv_admin"]).unlink()
        self.assertTrue(self.place.exists())

    def test_a_held_session_is_kept(self):
        session = self._generate()[:1]
        session.with_user(self.users["reception"]).action_held()
        with self.assertRaises(UserError):
            session.with_user(self.users["dv_admin"]).unlink()
        session.with_user(self.users["reception"]).action_archive()
        self.assertFalse(session.active)
