import base64
import hashlib
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import ReceptionCommon

RECORDING = b"\x00\x00\x00\x18ftypmp42 dummy online reception recording"
MINUTES = b"%PDF-1.4 minutes of the online reception session"


class OnlineCommon(ReceptionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Ho_Chi_Minh"
        cls.office_officer = new_test_user(
            cls.env,
            login="dvc_onl_office",
            groups="danvan_base.group_danvan_office,"
            "danvan_complaints.group_danvan_reception",
        )
        cls.place = cls.env["danvan.reception.place"].create(
            {"name": "Phòng tiếp công dân trực tuyến", "channel": "online"}
        )
        cls.case_complex = cls.env.ref(
            "danvan_complaints.danvan_online_case_2026_complex"
        )
        cls.case_denunciation = cls.env.ref(
            "danvan_complaints.danvan_online_case_2026_denunciation"
        )

    def _session(self, day=date(2026, 10, 19), user=None, **vals):
        return (
            self.env["danvan.reception.session"]
            .with_user(user or self.office_officer)
            .create(
                {
                    "kind": "unscheduled",
                    "date": day,
                    "place_id": self.place.id,
                    "reception_form": "online",
                    "online_case_ids": [Command.set(self.case_complex.ids)],
                    "online_decision_number": "15/QĐ-SKHCN",
                    "online_decision_date": date(2026, 10, 1),
                    **vals,
                }
            )
        )

    def _add_points(self, session):
        return (
            self.env["danvan.reception.online.point"]
            .with_user(self.office_officer)
            .create(
                [
                    {
                        "session_id": session.id,
                        "name": "Điểm cầu trung tâm - Sở KH&CN",
                        "kind": "central",
                        "responsible_id": self.office_officer.id,
                        "participant_ids": [
                            Command.create(
                                {"user_id": self.officer.id, "role": "officer"}
                            )
                        ],
                    },
                    {
                        "session_id": session.id,
                        "name": "Điểm cầu UBND xã Tân Lập",
                        "kind": "component",
                        "participant_ids": [
                            Command.create(
                                {"name": "Ông Nguyễn Văn Xã", "role": "body"}
                            )
                        ],
                    },
                ]
            )
        )

    def _run_timeline(self, session):
        """The three steps, each on its last day (TCD-17)."""
        with freeze_time("2026-10-12 09:00:00"):
            session.action_online_confirm_notice()
        with freeze_time("2026-10-16 03:00:00"):
            session.action_online_confirm_test()
        with freeze_time("2026-10-18 23:00:00"):
            session.action_online_confirm_connection()


@tagged("post_install", "-at_install")
class TestOnlineReception(OnlineCommon):
    """Online reception (issue 13, item 3): TCD-16 to TCD-19."""

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd16_online_refused_before_the_2026_regime(self):
        """TCD-2: before 01/7/2026 the law knows no online reception."""
        with self.assertRaisesRegex(ValidationError, "does not provide for online"):
            self._session(day=date(2026, 6, 15), online_decision_date=False)

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd16_online_needs_a_ground_of_the_regime(self):
        with self.assertRaisesRegex(ValidationError, "Article 20 of Decree 154"):
            self._session(online_case_ids=[Command.clear()])
        old_case = self.env["danvan.reception.online.case"].create(
            {
                "name": "Trường hợp cũ",
                "code": "old",
                "regime_id": self.env.ref(
                    "danvan_complaints.danvan_legal_regime_2014"
                ).id,
            }
        )
        with self.assertRaisesRegex(ValidationError, "Trường hợp cũ"):
            self._session(online_case_ids=[Command.set(old_case.ids)])
        # An in-person session needs none.
        session = self._session(
            reception_form="direct", online_case_ids=[Command.clear()]
        )
        self.assertFalse(session.online_notice_deadline)
        self.assertFalse(session.activity_ids)

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd16_protected_denouncer_not_received_online(self):
        """A denunciation whose denouncer asks for protection is not received
        in an online session; without protection it is."""
        session = self._session(
            online_case_ids=[Command.set(self.case_denunciation.ids)]
        )
        Petition = self.env["danvan.petition"].with_user(self.officer)
        protected = Petition.create(
            {
                "summary": "Tố cáo cán bộ nhận tiền",
                "date_received": date(2026, 9, 21),
                "petition_type": "denunciation",
                "protection_requested": True,
            }
        )
        Visit = self.env["danvan.reception.visit"].with_user(self.officer)
        with self.assertRaisesRegex(ValidationError, "protection of their identity"):
            Visit.create(
                {
                    "date": date(2026, 9, 30),
                    "session_id": session.id,
                    "summary": "Tố cáo cán bộ nhận tiền",
                    "petition_type": "denunciation",
                    "petition_id": protected.id,
                }
            )
        open_petition = Petition.create(
            {
                "summary": "Tố cáo vi phạm đấu thầu",
                "date_received": date(2026, 9, 21),
                "petition_type": "denunciation",
            }
        )
        visit = Visit.create(
            {
                "date": date(2026, 9, 30),
                "session_id": session.id,
                "summary": "Tố cáo vi phạm đấu thầu",
                "petition_type": "denunciation",
                "petition_id": open_petition.id,
            }
        )
        self.assertEqual(visit.session_id, session)
        # Asking for protection afterwards is refused while the visit is online.
        with self.assertRaisesRegex(ValidationError, "in person"):
            open_petition.write({"protection_requested": True})

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd17_deadlines_counted_in_working_days(self):
        """Notice 5 working days, test 1 working day, connections 1 hour
        before (Decree 154/2026 Art. 23), through the calendar."""
        session = self._session()
        self.assertEqual(session.online_start_at, datetime(2026, 10, 19, 0, 30))
        self.assertEqual(session.online_notice_deadline, date(2026, 10, 12))
        self.assertEqual(session.online_test_deadline, date(2026, 10, 16))
        self.assertEqual(
            session.online_connection_deadline, datetime(2026, 10, 18, 23, 30)
        )
        # A day off inside the period moves the notice one working day back.
        self.env["danvan.holiday"].create(
            {"name": "Nghỉ bù", "day_type": "compensatory", "date_from": "2026-11-12"}
        )
        later = self._session(day=date(2026, 11, 16))
        self.assertEqual(later.online_notice_deadline, date(2026, 11, 6))
        self.assertEqual(later.online_test_deadline, date(2026, 11, 13))

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd17_cal8_deadlines_follow_calendar_and_time_limits(self):
        """A day off declared later, a time limit or the regime's hour
        amended: the planned timeline and its to-dos move; a held one stays."""
        session = self._session(day=date(2026, 11, 16), online_user_id=self.officer.id)
        notice_type = self.env.ref(
            "danvan_complaints.mail_activity_danvan_online_notice"
        )
        self.assertEqual(session.online_notice_deadline, date(2026, 11, 9))
        self.env["danvan.holiday"].create(
            {"name": "Nghỉ bù", "day_type": "compensatory", "date_from": "2026-11-12"}
        )
        self.assertEqual(session.online_notice_deadline, date(2026, 11, 6))
        notice = session.activity_ids.filtered(
            lambda a: a.activity_type_id == notice_type
        )
        self.assertEqual(notice.date_deadline, date(2026, 11, 6))
        self.env.ref(
            "danvan_complaints.danvan_time_limit_online_reception_notice"
        ).duration = 10
        self.assertEqual(session.online_notice_deadline, date(2026, 10, 30))
        self.assertEqual(notice.date_deadline, date(2026, 10, 30))
        session.regime_id.sudo().online_connection_minutes = 90
        self.assertEqual(
            session.online_connection_deadline, datetime(2026, 11, 15, 23, 0)
        )

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd17_event_and_schedule_follow_the_start_time(self):
        session = self._session()
        session.sudo()._create_events()
        session.write({"online_start_hour": 8.5})
        self.assertEqual(session.event_id.start, datetime(2026, 10, 19, 1, 30))
        self.assertEqual(session.event_id.stop, datetime(2026, 10, 19, 5, 30))
        schedule = session._public_schedule(self.env.company)
        self.assertIn(
            "08:30 - 12:30",
            [line["hours"] for line in schedule if line["date"] == session.date],
        )

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd17_each_step_is_a_todo_then_recorded(self):
        session = self._session(online_user_id=self.officer.id)
        activities = session.activity_ids
        self.assertEqual(
            {(a.activity_type_id.id, a.date_deadline, a.user_id) for a in activities},
            {
                (
                    self.env.ref(
                        "danvan_complaints.mail_activity_danvan_online_notice"
                    ).id,
                    date(2026, 10, 12),
                    self.officer,
                ),
                (
                    self.env.ref(
                        "danvan_complaints.mail_activity_danvan_online_test"
                    ).id,
                    date(2026, 10, 16),
                    self.officer,
                ),
                (
                    self.env.ref(
                        "danvan_complaints.mail_activity_danvan_online_connection"
                    ).id,
                    date(2026, 10, 19),
                    self.officer,
                ),
            },
        )
        session.with_user(self.officer).action_online_confirm_notice()
        self.assertEqual(session.online_notice_done_by, self.officer)
        self.assertEqual(session.online_notice_done_at, datetime(2026, 10, 1, 2, 0))
        self.assertEqual(len(session.activity_ids), 2)
        with self.assertRaisesRegex(UserError, "already confirmed"):
            session.with_user(self.officer).action_online_confirm_notice()
        # Moving the session moves the to-dos still open.
        session.with_user(self.officer).write({"date": date(2026, 10, 26)})
        self.assertEqual(
            sorted(session.activity_ids.mapped("date_deadline")),
            [date(2026, 10, 23), date(2026, 10, 26)],
        )
        # Staff only read the schedule.
        with self.assertRaises(AccessError):
            session.with_user(self.users["staff"]).action_online_confirm_test()

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd16_form_online_place_makes_an_online_session(self):
        """In the form: an online channel makes the session online; its
        timeline shows as soon as its day is known."""
        Session = self.env["danvan.reception.session"].with_user(self.office_officer)
        with Form(Session) as form:
            form.kind = "unscheduled"
            form.date = date(2026, 10, 19)
            form.place_id = self.place
            self.assertEqual(form.reception_form, "online")
            self.assertEqual(form.online_notice_deadline, date(2026, 10, 12))
            form.online_case_ids.add(self.case_complex)
            form.online_decision_number = "16/QĐ-SKHCN"
        session = form.record
        self.assertEqual(session.online_case_ids, self.case_complex)
        self.assertEqual(len(session.activity_ids), 3)

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd16_absurd_decision_date_and_hour_refused(self):
        with self.assertRaisesRegex(ValidationError, "1990 and 2100"):
            self._session(online_decision_date=date(1890, 10, 1))
        with self.assertRaisesRegex(ValidationError, "cannot be dated after"):
            self._session(online_decision_date=date(2026, 10, 20))
        with self.assertRaisesRegex(ValidationError, "00:00"):
            self._session(online_start_hour=25.0)

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd17_notice_needs_the_heads_decision(self):
        session = self._session(online_decision_number=False)
        with self.assertRaisesRegex(UserError, "head's decision"):
            session.action_online_confirm_notice()

    def test_tcd17_missed_step_blocks_the_session(self):
        with freeze_time("2026-10-01 02:00:00"):
            session = self._session()
            self.assertFalse(session.online_warning)
        with freeze_time("2026-10-14 02:00:00"):
            session.invalidate_recordset(["online_warning"])
            self.assertIn("12/10/2026", session.online_warning)
            self.assertIn("is not done", session.online_warning)
            with self.assertRaisesRegex(UserError, "cannot be held online"):
                session.action_online_start()
            # Done late: recorded, still late.
            session.action_online_confirm_notice()
            session.invalidate_recordset(["online_warning"])
            self.assertIn("done late", session.online_warning)
        with freeze_time("2026-10-19 01:00:00"):
            session.action_online_confirm_test()
            session.action_online_confirm_connection()
            with self.assertRaisesRegex(UserError, "done late"):
                session.action_online_start()
            with self.assertRaisesRegex(UserError, "cannot be held online"):
                session.action_held()
        self.assertEqual(session.state, "planned")

    def test_tcd17_connection_less_than_an_hour_before_is_late(self):
        with freeze_time("2026-10-01 02:00:00"):
            session = self._session()
        with freeze_time("2026-10-12 09:00:00"):
            session.action_online_confirm_notice()
        with freeze_time("2026-10-16 03:00:00"):
            session.action_online_confirm_test()
        # 07:00 local for a start at 07:30.
        with freeze_time("2026-10-19 00:00:00"):
            session.action_online_confirm_connection()
            with self.assertRaisesRegex(UserError, "connections for the session"):
                session.action_online_start()

    def test_tcd18_points_and_participants(self):
        with freeze_time("2026-10-01 02:00:00"):
            session = self._session()
            points = self._add_points(session)
        self.assertEqual(session.online_point_ids, points)
        self.assertEqual(points[0].participant_ids.name, self.officer.name)
        self.assertEqual(points.mapped("participant_count"), [1, 1])
        with self.assertRaisesRegex(ValidationError, "one central point"):
            self.env["danvan.reception.online.point"].with_user(
                self.office_officer
            ).create({"session_id": session.id, "name": "Thứ hai", "kind": "central"})
        with self.assertRaises(AccessError):
            self.env["danvan.reception.online.point"].with_user(
                self.users["staff"]
            ).create({"session_id": session.id, "name": "Điểm cầu khác"})

    def test_tcd19_closed_with_recording_and_minutes_then_locked(self):
        with freeze_time("2026-10-01 02:00:00"):
            session = self._session()
            points = self._add_points(session)
        self._run_timeline(session)
        with freeze_time("2026-10-19 00:35:00"):
            session.action_online_start()
            self.assertEqual(session.online_started_by, self.office_officer)
            with self.assertRaisesRegex(UserError, "audio-video recording"):
                session.action_held()
            session.write(
                {
                    "online_recording": base64.b64encode(RECORDING),
                    "online_recording_name": "ghi-hinh.mp4",
                }
            )
            self.assertEqual(
                session.online_recording_sha256, hashlib.sha256(RECORDING).hexdigest()
            )
            self.assertEqual(session.online_recording_size, len(RECORDING))
            with self.assertRaisesRegex(UserError, "its minutes"):
                session.action_held()
            session.write(
                {
                    "online_minutes": base64.b64encode(MINUTES),
                    "online_minutes_name": "bien-ban.pdf",
                }
            )
            session.action_held()
        self.assertEqual(session.state, "held")
        self.assertFalse(session.activity_ids)
        recording = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", session._name),
                    ("res_id", "=", session.id),
                    ("res_field", "=", "online_recording"),
                ]
            )
        )
        self.assertEqual(recording.raw, RECORDING)
        officer = self.office_officer
        with self.assertRaisesRegex(UserError, "locked"):
            session.write({"online_recording": base64.b64encode(b"other")})
        with self.assertRaisesRegex(UserError, "kept"):
            recording.with_user(officer).unlink()
        with self.assertRaisesRegex(UserError, "kept"):
            recording.with_user(officer).write({"raw": b"other"})
        with self.assertRaisesRegex(UserError, "kept by law"):
            session.with_user(self.users["dv_admin"]).unlink()
        with self.assertRaisesRegex(UserError, "no longer planned"):
            points[1].with_user(officer).write({"name": "Đổi tên"})
        with self.assertRaisesRegex(UserError, "no longer planned"):
            points[1].participant_ids.with_user(officer).unlink()
        self.assertEqual(
            session.online_recording_sha256, hashlib.sha256(RECORDING).hexdigest()
        )

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd19_recording_read_by_reception_only(self):
        """ND154 Art. 12: the recording shows the citizens; staff who read the
        schedule do not get it."""
        session = self._session()
        session.write({"online_recording": base64.b64encode(RECORDING)})
        staff_session = session.with_user(self.users["staff"])
        self.assertTrue(staff_session.online_recording_sha256)
        with self.assertRaises(AccessError):
            staff_session.read(["online_recording"])
        self.assertTrue(session.with_user(self.officer).read(["online_recording"]))

    def test_tcd18_forms_open_for_every_role(self):
        """The session's form opens for staff (without the recording and the
        minutes) and for the reception officer (with them)."""
        Session = self.env["danvan.reception.session"]
        staff_form = Session.with_user(self.users["staff"]).get_views(
            [(False, "form")]
        )["views"]["form"]["arch"]
        self.assertIn('name="online_point_ids"', staff_form)
        self.assertNotIn('name="online_recording"', staff_form)
        officer_form = Session.with_user(self.officer).get_views([(False, "form")])[
            "views"
        ]["form"]["arch"]
        self.assertIn('name="online_recording"', officer_form)
        self.assertIn('name="action_online_confirm_notice"', officer_form)

    @freeze_time("2026-10-01 02:00:00")
    def test_tcd19_tc13_recording_download_is_logged(self):
        """The recording shows the citizens of the session's visits: reading
        its file writes a line of the identity access log."""
        session = self._session()
        self.env["danvan.reception.visit"].with_user(self.officer).create(
            {
                "date": date(2026, 9, 30),
                "session_id": session.id,
                "summary": "Kiến nghị về chuyển giao công nghệ",
                "petition_type": "petition",
                "visitor_ids": [Command.create({"name": "Lò Thị Hiền"})],
            }
        )
        session.write({"online_recording": base64.b64encode(RECORDING)})
        recording = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", session._name),
                    ("res_id", "=", session.id),
                    ("res_field", "=", "online_recording"),
                ]
            )
        )
        Log = self.env["danvan.identity.access"].sudo()
        before = Log.search_count([("user_id", "=", self.officer.id)])
        self.assertEqual(recording.with_user(self.officer).raw, RECORDING)
        logs = Log.search([("user_id", "=", self.officer.id)])
        self.assertEqual(len(logs) - before, 1)
        self.assertEqual(logs[:1].res_model, "danvan.reception.visitor")
