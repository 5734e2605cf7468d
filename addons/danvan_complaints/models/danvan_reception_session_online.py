"""Online reception sessions (TCD-2, TCD-16 to TCD-19; Decree 154/2026
Arts. 16 to 24).

Whether a session may be online, on which grounds, how many working days
before it the citizens are told and the connection tested, and how long
before it the connections are up: all come from dated data (the regime of
the session's date, its eligible cases, the time-limit table), never from a
date in the code.
"""

import base64
import hashlib
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.danvan_base.tools.date_checks import check_dates

# TCD-17: the steps of the timeline: (key, time-limit code, activity type).
ONLINE_STEPS = (
    ("notice", "online_reception_notice", "mail_activity_danvan_online_notice"),
    ("test", "online_reception_test", "mail_activity_danvan_online_test"),
    ("connection", None, "mail_activity_danvan_online_connection"),
)
# What changes the deadlines or the person who acts: the to-dos follow.
ONLINE_SCHEDULE_FIELDS = {
    "reception_form",
    "date",
    "online_start_hour",
    "online_user_id",
    "state",
}


class DanvanReceptionSession(models.Model):
    _name = "danvan.reception.session"
    _inherit = ["danvan.reception.session", "danvan.calendar.dates.mixin"]
    # CAL-8: the deadlines of the timeline follow every edit of the calendar
    # or of the time limits; computed together, they move together, and the
    # connections' deadline (on the session's day) covers every day off
    # inside the period.
    _danvan_deadline_fields = {
        "online_notice_deadline": "date",
        "online_test_deadline": "date",
        "online_connection_deadline": "date",
    }
    # ND154 Art. 12, TC-13: the files of a session (its recording above all)
    # show the citizens received: downloading them is logged.
    _danvan_logs_identity = True

    # ------------------------------------------------------------------
    # Online reception (TCD-16 to TCD-19): every field of it starts with
    # ``online_`` but the form itself.
    # ------------------------------------------------------------------
    reception_form = fields.Selection(
        [("direct", "Direct reception"), ("online", "Online reception")],
        string="Form of Reception",
        required=True,
        default="direct",
        tracking=True,
        help="Online reception links a central point to component points by video "
        "(Article 3a of the Law on Citizen Reception, as amended in 2025).",
    )
    online_allowed = fields.Boolean(
        related="regime_id.allows_online_reception",
        string="Online Reception Allowed",
    )
    online_case_ids = fields.Many2many(
        "danvan.reception.online.case",
        "danvan_reception_session_online_case_rel",
        "session_id",
        "case_id",
        string="Grounds for Online Reception",
        domain="[('regime_id', '=', regime_id)]",
        help="The cases for which the head may decide to receive citizens online "
        "(Article 20 of Decree 154/2026/NĐ-CP).",
    )
    online_decision_number = fields.Char(
        tracking=True,
        help="The head's decision to hold the session online.",
    )
    online_decision_date = fields.Date(tracking=True)
    online_decision_file = fields.Binary(
        string="Decision to Hold Online", attachment=True, copy=False
    )
    online_decision_filename = fields.Char(string="Decision File Name", copy=False)
    online_user_id = fields.Many2one(
        "res.users",
        string="Responsible for the Online Steps",
        default=lambda self: self.env.user,
        tracking=True,
        help="Who notifies the citizens, tests and sets up the connections.",
    )
    online_start_hour = fields.Float(
        string="Start Time",
        default=7.5,
        help="The time the session starts, in the agency's time zone.",
    )
    online_start_at = fields.Datetime(
        string="Starts At", compute="_compute_online_timeline", store=True
    )
    online_notice_deadline = fields.Date(
        string="Notice Due By",
        compute="_compute_online_timeline",
        store=True,
        help="The citizens and the bodies taking part are told at least five "
        "working days before the session (Article 23 of Decree 154/2026/NĐ-CP).",
    )
    online_test_deadline = fields.Date(
        string="Test Connection Due By",
        compute="_compute_online_timeline",
        store=True,
        help="A successful test connection at least one working day before the "
        "session (Article 23 of Decree 154/2026/NĐ-CP).",
    )
    online_connection_deadline = fields.Datetime(
        string="Connections Up By",
        compute="_compute_online_timeline",
        store=True,
        help="All connections are up at least one hour before the start (Article 23 "
        "of Decree 154/2026/NĐ-CP).",
    )
    online_notice_done_at = fields.Datetime(
        string="Notice Sent On", readonly=True, copy=False, tracking=True
    )
    online_notice_done_by = fields.Many2one(
        "res.users", string="Notice Sent By", readonly=True, copy=False
    )
    online_test_done_at = fields.Datetime(
        string="Connection Tested On", readonly=True, copy=False, tracking=True
    )
    online_test_done_by = fields.Many2one(
        "res.users", string="Connection Tested By", readonly=True, copy=False
    )
    online_connection_done_at = fields.Datetime(
        string="Connections Up On", readonly=True, copy=False, tracking=True
    )
    online_connection_done_by = fields.Many2one(
        "res.users", string="Connections Set Up By", readonly=True, copy=False
    )
    online_started_at = fields.Datetime(
        string="Started On", readonly=True, copy=False, tracking=True
    )
    online_started_by = fields.Many2one(
        "res.users", string="Started By", readonly=True, copy=False
    )
    online_warning = fields.Text(string="Late Steps", compute="_compute_online_warning")
    online_point_ids = fields.One2many(
        "danvan.reception.online.point", "session_id", string="Connection Points"
    )
    online_recording = fields.Binary(
        string="Audio-Video Recording",
        attachment=True,
        copy=False,
        # ND154 Art. 12: the recording shows the citizens received.
        groups="danvan_complaints.group_danvan_reception,"
        "danvan_base.group_danvan_leadership",
        help="Every online session is recorded, sound and image, and kept on the "
        "servers of the State (Article 24 of Decree 154/2026/NĐ-CP).",
    )
    online_recording_name = fields.Char(string="Recording File Name", copy=False)
    online_recording_sha256 = fields.Char(
        string="Recording SHA-256",
        compute="_compute_online_recording_sha256",
        store=True,
        copy=False,
        tracking=True,
        help="The fingerprint of the recording: any change of the file changes it.",
    )
    online_recording_size = fields.Integer(
        string="Recording Size (bytes)",
        compute="_compute_online_recording_sha256",
        store=True,
        copy=False,
    )
    online_minutes = fields.Binary(
        string="Minutes of the Session",
        attachment=True,
        copy=False,
        groups="danvan_complaints.group_danvan_reception,"
        "danvan_base.group_danvan_leadership",
    )
    online_minutes_name = fields.Char(string="Minutes File Name", copy=False)

    @api.depends(
        "reception_form",
        "date",
        "online_start_hour",
        "regime_id.online_connection_minutes",
        "company_id",
    )
    def _compute_online_timeline(self):
        """TCD-17: the deadlines of the steps, counted back from the session
        through the working-day calendar and the time limits in force on the
        session's day."""
        for session in self:
            if session.reception_form != "online" or not session.date:
                session.online_start_at = False
                session.online_notice_deadline = False
                session.online_test_deadline = False
                session.online_connection_deadline = False
                continue
            start = session._online_local_start()
            session.online_start_at = start
            session.online_notice_deadline = session._online_days_before(
                "online_reception_notice"
            )
            session.online_test_deadline = session._online_days_before(
                "online_reception_test"
            )
            minutes = session.regime_id.online_connection_minutes
            session.online_connection_deadline = start - timedelta(minutes=minutes)

    @api.onchange("place_id")
    def _onchange_place_reception_form(self):
        """A session at an online channel is an online session."""
        if self.place_id.channel == "online":
            self.reception_form = "online"

    def _online_tz(self):
        company = self.company_id or self.env.company
        return pytz.timezone(company.sudo().partner_id.tz or "Asia/Ho_Chi_Minh")

    def _online_local_start(self):
        """The start of the session as a naive UTC datetime."""
        self.ensure_one()
        hour = min(max(self.online_start_hour or 0.0, 0.0), 23.99)
        minutes = round(hour * 60)
        local = datetime.combine(self.date, time(minutes // 60, minutes % 60))
        start = self._online_tz().localize(local).astimezone(pytz.utc)
        return start.replace(tzinfo=None)

    def _online_days_before(self, code):
        """The last day to do a step that the time limit ``code`` puts at
        least so many days before the session: the n-th working day before
        it, or n calendar days before it moved back to a working day."""
        self.ensure_one()
        row = self.env["danvan.time.limit"]._find_limit(code, self.date)
        if not row:
            return False
        calendar = self.env["danvan.holiday"]
        duration, unit = row[3], row[4]
        day = self.date
        if unit == "working_days":
            while duration:
                day -= timedelta(days=1)
                if calendar.is_working_day(day):
                    duration -= 1
            return day
        day -= timedelta(days=duration)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        return day

    @api.depends("online_recording")
    def _compute_online_recording_sha256(self):
        """TCD-19: the recording's SHA-256, computed from the file itself."""
        for session in self:
            data = session.with_context(bin_size=False).online_recording
            if data:
                raw = base64.b64decode(data)
                session.online_recording_sha256 = hashlib.sha256(raw).hexdigest()
                session.online_recording_size = len(raw)
            else:
                session.online_recording_sha256 = False
                session.online_recording_size = 0

    @api.depends(
        "reception_form",
        "state",
        "online_notice_deadline",
        "online_test_deadline",
        "online_connection_deadline",
        "online_notice_done_at",
        "online_test_done_at",
        "online_connection_done_at",
    )
    def _compute_online_warning(self):
        for session in self:
            late = session._online_late_steps()
            session.online_warning = "\n".join(late) if late else False

    def _online_step_label(self, step):
        return {
            "notice": self.env._("The notice to the citizens and the bodies"),
            "test": self.env._("The test connection"),
            "connection": self.env._("The connections for the session"),
        }[step]

    def _online_late_steps(self):
        """TCD-17: one line per step done late or missed, for a planned
        online session; empty when it is on time."""
        self.ensure_one()
        if self.reception_form != "online" or self.state != "planned":
            return []
        tz = self._online_tz()
        now = fields.Datetime.now()
        today = pytz.utc.localize(now).astimezone(tz).date()
        lines = []
        for step, _code, _activity in ONLINE_STEPS:
            deadline = self[f"online_{step}_deadline"]
            done_at = self[f"online_{step}_done_at"]
            if not deadline:
                continue
            label = self._online_step_label(step)
            if step == "connection":
                shown = pytz.utc.localize(deadline).astimezone(tz)
                shown = shown.strftime("%H:%M %d/%m/%Y")
                late = done_at > deadline if done_at else now > deadline
            else:
                shown = deadline.strftime("%d/%m/%Y")
                if done_at:
                    late = pytz.utc.localize(done_at).astimezone(tz).date() > deadline
                else:
                    late = today > deadline
            if not late:
                continue
            if done_at:
                lines.append(
                    self.env._(
                        "%(step)s was due by %(deadline)s and was done late.",
                        step=label,
                        deadline=shown,
                    )
                )
            else:
                lines.append(
                    self.env._(
                        "%(step)s was due by %(deadline)s and is not done.",
                        step=label,
                        deadline=shown,
                    )
                )
        return lines

    @api.constrains("reception_form", "date", "online_case_ids")
    def _check_online_allowed(self):
        """TCD-2, TCD-16: online only where the regime of the session's date
        provides it, and on the grounds that regime lists."""
        for session in self.filtered(lambda s: s.reception_form == "online"):
            regime = session.regime_id
            if not regime.allows_online_reception:
                raise ValidationError(
                    self.env._(
                        "%(session)s: the law in force on %(date)s (%(regime)s) "
                        "does not provide for online citizen reception; it exists "
                        "since the amending Law on Citizen Reception of 2025 and "
                        "Decree 154/2026/NĐ-CP.",
                        session=session.display_name,
                        date=session.date.strftime("%d/%m/%Y"),
                        regime=regime.name or "-",
                    )
                )
            if not session.online_case_ids:
                raise ValidationError(
                    self.env._(
                        "%s: choose the case for which the law allows an online "
                        "session (Article 20 of Decree 154/2026/NĐ-CP).",
                        session.display_name,
                    )
                )
            wrong = session.online_case_ids.filtered(
                lambda c, regime=regime: c.regime_id != regime
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "%(session)s: %(cases)s is not a ground for online "
                        "reception under the law in force on the session's day.",
                        session=session.display_name,
                        cases=", ".join(wrong.mapped("name")),
                    )
                )
        self.env["danvan.reception.visit"].sudo().search(
            [("session_id", "in", self.ids)]
        )._check_online_protection()

    @api.constrains("online_decision_date")
    def _check_online_decision_date(self):
        check_dates(self, ["online_decision_date"])
        for session in self.filtered("online_decision_date"):
            if session.date and session.online_decision_date > session.date:
                raise ValidationError(
                    self.env._(
                        "%(session)s: the decision to hold it online (%(decision)s) "
                        "cannot be dated after the session (%(date)s).",
                        session=session.display_name,
                        decision=session.online_decision_date.strftime("%d/%m/%Y"),
                        date=session.date.strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("online_start_hour")
    def _check_online_start_hour(self):
        if any(not 0 <= s.online_start_hour < 24 for s in self):
            raise ValidationError(
                self.env._("The start time must be between 00:00 and 23:59.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        sessions._online_schedule_steps()
        return sessions

    def write(self, vals):
        result = super().write(vals)
        if ONLINE_SCHEDULE_FIELDS & set(vals):
            self._online_schedule_steps()
        if {"online_start_hour", "reception_form", "date"} & set(vals):
            self._online_sync_event()
        return result

    def _online_sync_event(self):
        """The calendar event, and so the published schedule, starts at the
        online session's start time, for as long as it lasted."""
        for session in self.sudo().filtered(
            lambda s: s.event_id
            and s.reception_form == "online"
            and s.state == "planned"
        ):
            event = session.event_id
            if event.start != session.online_start_at:
                event.write(
                    {
                        "start": session.online_start_at,
                        "stop": session.online_start_at + (event.stop - event.start),
                    }
                )

    def _online_schedule_steps(self):
        """TCD-17: a to-do per step not yet done, for the person responsible,
        due on the step's deadline; none when the session is not online or
        no longer planned."""
        types = {
            xmlid: self.env.ref(f"danvan_complaints.{xmlid}", raise_if_not_found=False)
            for _step, _code, xmlid in ONLINE_STEPS
        }
        if not all(types.values()):
            # The module's data is being loaded or uninstalled: a calendar
            # change then has no to-do to move.
            return
        all_types = self.env["mail.activity.type"].union(*types.values())
        for session in self.sudo():
            online = session.reception_form == "online" and session.state == "planned"
            if not online and not session.activity_ids.activity_type_id & all_types:
                continue
            for step, _code, xmlid in ONLINE_STEPS:
                activity_type = types[xmlid]
                activities = session.activity_ids.filtered(
                    lambda a, t=activity_type: a.activity_type_id == t
                )
                if not online or session[f"online_{step}_done_at"]:
                    activities.unlink()
                    continue
                deadline = session[f"online_{step}_deadline"]
                if step == "connection":
                    deadline = session.date
                if not deadline:
                    activities.unlink()
                    continue
                user = session.online_user_id or self.env.user
                if activities:
                    activities.write({"date_deadline": deadline, "user_id": user.id})
                else:
                    session.activity_schedule(
                        f"danvan_complaints.{xmlid}",
                        date_deadline=deadline,
                        user_id=user.id,
                    )

    def _deadline_recompute_domain(self, fname=None):
        """Only the timelines still running follow the calendar: a held
        session keeps the deadlines it was held under."""
        return [("state", "=", "planned"), ("reception_form", "=", "online")]

    @api.model
    def _danvan_recompute(self, fnames, domain):
        """The to-dos of the steps follow their deadlines."""
        result = super()._danvan_recompute(fnames, domain)
        self.search(domain)._online_schedule_steps()
        return result

    def _identity_persons(self):
        """The citizens the session's files show: those of its visits."""
        return (
            self.env["danvan.reception.visit"]
            .sudo()
            .with_context(active_test=False)
            .search([("session_id", "in", self.ids)])
            .visitor_ids
        )

    def _online_check_planned(self):
        not_online = self.filtered(
            lambda s: s.reception_form != "online" or s.state != "planned"
        )
        if not_online:
            raise UserError(
                self.env._(
                    "%s is not a planned online session.",
                    ", ".join(not_online.mapped("display_name")),
                )
            )

    def _online_confirm(self, step):
        """Record who did the step and when; its to-do is done (TCD-17)."""
        self._online_check_planned()
        if step == "notice":
            undecided = self.filtered(
                lambda s: not s.online_decision_number or not s.online_decision_date
            )
            if undecided:
                raise UserError(
                    self.env._(
                        "%s: enter the number and date of the head's decision to "
                        "hold the session online before notifying the citizens.",
                        ", ".join(undecided.mapped("display_name")),
                    )
                )
        done = self.filtered(lambda s: s[f"online_{step}_done_at"])
        if done:
            raise UserError(
                self.env._(
                    "%s: this step is already confirmed.",
                    ", ".join(done.mapped("display_name")),
                )
            )
        self.write(
            {
                f"online_{step}_done_at": fields.Datetime.now(),
                f"online_{step}_done_by": self.env.uid,
            }
        )
        xmlid = next(a for s, _c, a in ONLINE_STEPS if s == step)
        self._danvan_activities_done(f"danvan_complaints.{xmlid}")
        return True

    def action_online_confirm_notice(self):
        return self._online_confirm("notice")

    def action_online_confirm_test(self):
        return self._online_confirm("test")

    def action_online_confirm_connection(self):
        return self._online_confirm("connection")

    def _online_check_timeline(self):
        """TCD-17: every step done, and on time."""
        for session in self:
            missing = [
                session._online_step_label(step)
                for step, _code, _activity in ONLINE_STEPS
                if not session[f"online_{step}_done_at"]
            ]
            late = session._online_late_steps()
            if missing or late:
                problems = late + [
                    self.env._("%s is not confirmed.", label)
                    for label in missing
                    if not any(line.startswith(label) for line in late)
                ]
                raise UserError(
                    self.env._(
                        "%(session)s cannot be held online: Article 23 of Decree "
                        "154/2026/NĐ-CP sets the notice, the test connection and "
                        "the connections before the session.\n%(problems)s\nMove "
                        "the session to a later day, or hold it in person.",
                        session=session.display_name,
                        problems="\n".join(problems),
                    )
                )

    def action_online_start(self):
        """Open the session online: only when the timeline was kept."""
        self._online_check_planned()
        self._online_check_timeline()
        started = self.filtered("online_started_at")
        if started:
            raise UserError(
                self.env._(
                    "%s has already started.", ", ".join(started.mapped("display_name"))
                )
            )
        self.write(
            {
                "online_started_at": fields.Datetime.now(),
                "online_started_by": self.env.uid,
            }
        )
        return True

    def action_held(self):
        """TCD-19: an online session closes with its recording and its
        minutes; it is then locked with them."""
        online = self.filtered(lambda s: s.reception_form == "online")
        if online:
            online._online_check_timeline()
            for session in online:
                missing = []
                if (
                    not session.online_decision_number
                    or not session.online_decision_date
                ):
                    missing.append(self.env._("the head's decision to hold it online"))
                if not session.online_point_ids.filtered(lambda p: p.kind == "central"):
                    missing.append(self.env._("its central point"))
                if not session.online_recording:
                    missing.append(self.env._("its audio-video recording"))
                if not session.online_minutes:
                    missing.append(self.env._("its minutes"))
                if missing:
                    raise UserError(
                        self.env._(
                            "%(session)s cannot be closed without %(missing)s "
                            "(Articles 18 and 24 of Decree 154/2026/NĐ-CP: every "
                            "online session is recorded, sound and image, and "
                            "kept).",
                            session=session.display_name,
                            missing=", ".join(missing),
                        )
                    )
        return super().action_held()
