import io
from datetime import date

import docx
from freezegun import freeze_time
from psycopg2.errors import ExclusionViolation
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.danvan_base.tools import decree30

from .common import DanvanCommon


class RoundCommon(DanvanCommon):
    """An approved 2025 plan, sections I and II, tasks of two units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.danvan_agency_code = "SKHCN"
        cls._create_plan_2025()
        cls.plan.write(
            {
                "number": "07/KH-SKHCN",
                "date_issued": date(2025, 1, 15),
                "state": "approved",
            }
        )
        Item = cls.env["danvan.plan.item"]
        cls.section_one = Item.create(
            {"plan_id": cls.plan.id, "mark": "I", "name": "MỤC ĐÍCH", "sequence": 1}
        )
        cls.item_a = Item.create(
            {
                "plan_id": cls.plan.id,
                "parent_id": cls.section.id,
                "mark": "1",
                "name": "Tuyên truyền",
                "sequence": 20,
            }
        )
        cls.section.sequence = 10
        cls.head_smq = new_test_user(
            cls.env,
            login="dv_head_smq",
            groups="danvan_base.group_danvan_unit_head",
            email="head.smq@example.com",
        )
        cls.env["hr.employee"].create(
            {
                "name": cls.head_smq.name,
                "user_id": cls.head_smq.id,
                "department_id": cls.unit_smq.id,
            }
        )
        Task = cls.env["danvan.plan.task"]
        task_values = {
            "item_id": cls.item_a.id,
            "lead_department_id": cls.unit_science.id,
        }
        cls.task_quarterly = Task.create(
            dict(task_values, name="Truyền thông KH&CN", recurrence="quarterly")
        )
        cls.task_smq = Task.create(
            {
                "name": "Kiểm tra đo lường",
                "item_id": cls.section_one.id,
                "lead_department_id": cls.unit_smq.id,
                "cooperating_department_ids": [(6, 0, cls.unit_science.ids)],
                "date_deadline": date(2025, 5, 30),
            }
        )
        # Outside every round: on request, cancelled.
        cls.task_on_request = Task.create(
            dict(task_values, name="Khi có yêu cầu", recurrence="on_request")
        )
        cls.task_cancelled = Task.create(
            dict(task_values, name="Đã hủy", recurrence="ongoing")
        )
        cls.task_cancelled.action_cancel()
        cls.Round = cls.env["danvan.plan.round"]

    def _round(self, **vals):
        return self.Round.with_user(self.users["office"]).create(
            dict({"plan_id": self.plan.id, "round_type": "half_year"}, **vals)
        )

    def _report(self, task, unit, user, **vals):
        return (
            self.env["danvan.plan.report"]
            .with_user(user)
            .create(
                dict(
                    {
                        "task_id": task.id,
                        "department_id": unit.id,
                        "content": f"<p>Kết quả {task.name}</p>",
                        "progress": 50,
                    },
                    **vals,
                )
            )
        )

    def _line(self, round_, unit):
        return round_.line_ids.filtered(lambda line: line.department_id == unit)

    def _submitted_round(self, **vals):
        round_ = self._round(**vals)
        office_round = round_.with_user(self.users["office"])
        office_round.action_open()
        office_round.action_compile()
        office_round.action_submit()
        return round_


@tagged("post_install", "-at_install")
class TestPlanRound(RoundCommon):
    """6-month, annual and ad hoc report rounds (issue 3, item 4)."""

    # Defaults and bad input ---------------------------------------------

    def test_half_year_defaults_from_plan_year(self):
        """DVK-7: the 6-month report covers January to June, units report in June."""
        round_ = self._round()
        self.assertEqual(
            (round_.date_from, round_.date_to, round_.date_cutoff),
            (date(2025, 1, 1), date(2025, 6, 30), date(2025, 6, 10)),
        )
        self.assertIn("6", round_.name)
        self.assertIn("2025", round_.name)
        annual = self._round(round_type="annual")
        self.assertEqual(annual.date_to, date(2025, 12, 31))
        self.assertEqual(annual.date_cutoff, date(2025, 11, 10))

    def test_vb12_recipients_from_the_settings(self):
        """VB-12: a new round goes where the agency's settings say; a new
        agency starts with the bodies a Sở reports to, in its language."""
        recipients = "Ban Dân vận Tỉnh ủy\nỦy ban nhân dân tỉnh"
        self.env["res.config.settings"].create(
            {"danvan_round_recipients": recipients}
        ).execute()
        self.assertEqual(self._round().recipients, recipients)
        agency = self.env["res.company"].create({"name": "Sở Tư pháp"})
        self.assertEqual(
            agency.danvan_round_recipients,
            "Ban Tuyên giáo và Dân vận Tỉnh ủy\nĐảng ủy các cơ quan tỉnh\n"
            "Ban Giám đốc Sở",
        )

    def test_cal4_cutoff_on_a_day_off_moves_to_next_working_day(self):
        """CAL-4: a cut-off falling on a Sunday moves to the Monday."""
        self.env["danvan.holiday"].create(
            {
                "name": "Nghỉ thử",
                "day_type": "public_holiday",
                "date_from": date(2025, 6, 10),
                "date_to": date(2025, 6, 10),
                "state": "confirmed",
            }
        )
        self.assertEqual(self._round().date_cutoff, date(2025, 6, 11))

    def test_cutoff_before_period_is_refused(self):
        """Issue 3, item 9: a cut-off before the period starts changes nothing."""
        count = self.Round.search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._round(date_cutoff=date(2024, 12, 31))
        self.assertIn("before the period starts", str(caught.exception))
        self.assertEqual(self.Round.search_count([]), count)

    def test_rights_per_role_on_rounds(self):
        """Units read rounds; only the Office creates and edits them."""
        round_ = self._round()
        for login in ("staff", "unit_head"):
            user = self.users[login]
            self.assertIn(round_, self.Round.with_user(user).search([]))
            with self.assertRaises(AccessError):
                self.Round.with_user(user).create({"plan_id": self.plan.id})
            with self.assertRaises(AccessError):
                round_.with_user(user).write({"reminder_interval": 5})
        with self.assertRaises(AccessError):
            self.Round.with_user(self.user_outsider).search([])
        round_.with_user(self.users["leader"]).write({"reminder_interval": 3})
        self.assertEqual(round_.reminder_interval, 3)

    def test_one_round_per_type_and_period(self):
        """Two users creating the same round at once: the database refuses one."""
        self._round()
        with mute_logger("odoo.sql_db"), self.assertRaises(ExclusionViolation):
            self._round()
        self.assertEqual(self.Round.search_count([("plan_id", "=", self.plan.id)]), 1)

    # Opening the round --------------------------------------------------

    def test_open_asks_every_lead_unit_with_tasks_in_the_period(self):
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        self.assertEqual(round_.state, "open")
        self.assertEqual(
            round_.line_ids.department_id, self.unit_science | self.unit_smq
        )
        self.assertEqual(
            self._line(round_, self.unit_science).task_ids, self.task_quarterly
        )
        self.assertEqual(self._line(round_, self.unit_smq).task_ids, self.task_smq)
        self.assertEqual(round_.reported_count, 0)
        self.assertEqual(round_.unit_count, 2)

    def test_one_off_task_due_before_the_period_is_left_out(self):
        early = self.env["danvan.plan.task"].create(
            {
                "name": "Việc xong từ tháng 2",
                "item_id": self.item_a.id,
                "lead_department_id": self.unit_science.id,
                "date_deadline": date(2025, 2, 14),
            }
        )
        round_ = self._round(
            round_type="ad_hoc",
            date_from=date(2025, 3, 1),
            date_to=date(2025, 5, 31),
            date_cutoff=date(2025, 5, 20),
        )
        round_.with_user(self.users["office"]).action_open()
        self.assertNotIn(early, round_.line_ids.task_ids)
        self.assertIn(self.task_smq, round_.line_ids.task_ids)

    def test_open_schedules_a_todo_and_mails_the_unit_head(self):
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        line = self._line(round_, self.unit_smq)
        activity = line.activity_ids
        self.assertEqual(activity.user_id, self.head_smq)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("danvan_plan.mail_activity_round_report"),
        )
        self.assertEqual(activity.date_deadline, date(2025, 6, 10))
        self.assertIn(self.head_smq.partner_id, line.message_partner_ids)
        request = line.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(request), 1)
        self.assertIn("Kiểm tra đo lường", request.body)
        self.assertIn(self.head_smq.partner_id, request.notified_partner_ids)

    def test_open_without_tasks_in_the_period_is_refused(self):
        round_ = self._round(
            round_type="ad_hoc",
            date_from=date(2025, 1, 1),
            date_to=date(2025, 1, 31),
            date_cutoff=date(2025, 1, 20),
        )
        (self.task_quarterly | self.task_smq).action_cancel()
        with self.assertRaisesRegex(UserError, "No unit has a task"):
            round_.with_user(self.users["office"]).action_open()
        self.assertEqual(round_.state, "draft")
        self.assertFalse(round_.line_ids)

    def test_only_the_office_opens_a_round(self):
        round_ = self._round()
        with self.assertRaises(AccessError):
            round_.with_user(self.users["unit_head"]).action_open()
        self.assertEqual(round_.state, "draft")

    def test_opening_twice_does_not_ask_twice(self):
        """A double click: the second opening is refused, no second line."""
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        with self.assertRaises(UserError):
            round_.with_user(self.users["office"]).action_open()
        self.assertEqual(len(round_.line_ids), 2)

    # Units reporting ----------------------------------------------------

    def test_reports_sent_before_opening_count_for_the_round(self):
        """A quarter-1 report accepted in April counts for the 6-month round."""
        head = self.users["unit_head"]
        report = self._report(
            self.task_quarterly,
            self.unit_science,
            head,
            period_id=self.task_quarterly.period_ids[0].id,
        )
        report.action_submit()
        report.with_user(self.users["office"]).action_accept()
        later = self._report(
            self.task_quarterly,
            self.unit_science,
            head,
            period_id=self.task_quarterly.period_ids[3].id,
        )
        later.action_submit()
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        self.assertEqual(report.round_id, round_)
        self.assertFalse(later.round_id, "quarter 4 is outside the 6-month period")
        self.assertEqual(self._line(round_, self.unit_science).state, "accepted")
        self.assertEqual(round_.reported_count, 1)

    def test_report_joins_the_open_round_only_in_its_period(self):
        """A quarter-3 report is not attached to the open 6-month round; it
        waits for the annual round, and a quarter-2 report joins the 6-month one."""
        half = self._round()
        half.with_user(self.users["office"]).action_open()
        head = self.users["unit_head"]
        periods = self.task_quarterly.period_ids.sorted("date_start")
        with freeze_time("2025-07-03"):
            third = self._report(
                self.task_quarterly, self.unit_science, head, period_id=periods[2].id
            )
            third.action_submit()
            second = self._report(
                self.task_quarterly, self.unit_science, head, period_id=periods[1].id
            )
            second.action_submit()
        self.assertFalse(third.round_id)
        self.assertEqual(second.round_id, half)
        self.assertEqual(half.report_ids, second)
        annual = self._round(round_type="annual")
        annual.with_user(self.users["office"]).action_open()
        self.assertEqual(third.round_id, annual)

    def test_unit_report_closes_the_request(self):
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        line = self._line(round_, self.unit_smq)
        report = self._report(self.task_smq, self.unit_smq, self.head_smq)
        self.assertEqual(line.state, "waiting")
        report.action_submit()
        self.assertEqual(report.round_id, round_)
        self.assertEqual(line.state, "reported")
        self.assertEqual(line.reported_task_count, 1)
        self.assertFalse(line.activity_ids, "the to-do is done once reported")
        report.with_user(self.users["office"]).action_accept()
        self.assertEqual(line.state, "accepted")

    def test_cooperating_unit_report_does_not_count_for_the_lead(self):
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        report = self._report(self.task_smq, self.unit_science, self.users["unit_head"])
        report.action_submit()
        self.assertEqual(self._line(round_, self.unit_smq).state, "waiting")

    def test_units_see_only_their_own_line(self):
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        Line = self.env["danvan.plan.round.unit"]
        self.assertEqual(
            Line.with_user(self.users["staff"]).search([]).department_id,
            self.unit_science,
        )
        self.assertEqual(
            Line.with_user(self.users["office"])
            .search([("round_id", "=", round_.id)])
            .department_id,
            self.unit_science | self.unit_smq,
        )

    def test_late_units_are_searchable(self):
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        Line = self.env["danvan.plan.round.unit"]
        with freeze_time("2025-06-10"):
            self.assertFalse(Line.search([("is_late", "=", True)]))
        with freeze_time("2025-06-11"):
            self.assertEqual(
                Line.search([("round_id", "=", round_.id), ("is_late", "=", True)]),
                round_.line_ids,
            )
            self.assertEqual(round_.late_count, 2)

    def test_cal5_cron_chases_late_units_in_working_days(self):
        """Remind 2 working days before the cut-off, then every 2 working days."""
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        report = self._report(self.task_smq, self.unit_smq, self.head_smq)
        report.action_submit()
        science = self._line(round_, self.unit_science)
        smq = self._line(round_, self.unit_smq)
        expected = {
            "2025-06-05": 0,  # Thursday: 3 working days before the cut-off
            "2025-06-06": 1,  # Friday: Monday 9 and Tuesday 10 are left
            "2025-06-09": 1,
            "2025-06-11": 2,  # late: the first reminder after the cut-off
            "2025-06-12": 2,
            "2025-06-13": 3,  # two working days later
            "2025-06-16": 3,  # Monday: one working day, the weekend skipped
            "2025-06-17": 4,
        }
        for day, count in expected.items():
            with freeze_time(day):
                self.Round._cron_chase_late_units()
            self.assertEqual(science.reminder_count, count, day)
        self.assertEqual(smq.reminder_count, 0, "a unit that reported is left alone")
        mails = science.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(mails), 1 + 4, "the request, then 4 reminders")

    # Consolidated report ------------------------------------------------

    def _open_and_report(self):
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        science = self._report(
            self.task_quarterly,
            self.unit_science,
            self.users["unit_head"],
            period_id=self.task_quarterly.period_ids[1].id,
            content="<p>Đăng 12 tin bài trên Cổng thông tin.</p>",
        )
        smq = self._report(
            self.task_smq,
            self.unit_smq,
            self.head_smq,
            content="<p>Kiểm tra 30 cơ sở kinh doanh xăng dầu.</p>",
        )
        science.action_submit()
        smq.action_submit()
        science.with_user(self.users["office"]).action_accept()
        return round_, science, smq

    def test_compiled_draft_groups_accepted_reports_by_plan_section(self):
        # The draft is written in the agency's language: English here, the
        # Vietnamese text is checked in test_agency_language.
        self.env["res.lang"]._activate_lang("en_US")
        self.env.company.danvan_lang = "en_US"
        round_, _science, _smq = self._open_and_report()
        round_.with_user(self.users["office"]).action_compile()
        self.assertEqual(round_.state, "drafting")
        body = str(round_.body)
        self.assertIn("07/KH-SKHCN dated 15/01/2025", body)
        self.assertIn("Đăng 12 tin bài", body)
        self.assertNotIn(
            "Kiểm tra 30 cơ sở", body, "a report not yet accepted stays out"
        )
        first, second = body.index("1. Mục đích"), body.index("2. Nội dung")
        self.assertLess(first, body.index("Kiểm tra đo lường"))
        self.assertLess(body.index("Kiểm tra đo lường"), second)
        self.assertLess(second, body.index("Đăng 12 tin bài"))
        self.assertIn("Truyền thông KH&amp;CN", body)

    def test_office_edits_the_draft_and_compiling_again_takes_new_reports(self):
        round_, _science, smq = self._open_and_report()
        office_round = round_.with_user(self.users["office"])
        office_round.action_compile()
        office_round.body = "<p>Bản Văn phòng sửa.</p>"
        self.assertIn("Bản Văn phòng sửa", str(round_.body))
        smq.with_user(self.users["office"]).action_accept()
        office_round.action_compile()
        self.assertIn("Kiểm tra 30 cơ sở", str(round_.body))

    def test_submit_needs_a_compiled_text(self):
        round_ = self._round()
        round_.with_user(self.users["office"]).action_open()
        round_.with_user(self.users["office"]).action_compile()
        round_.body = False
        with self.assertRaisesRegex(UserError, "Compile"):
            round_.with_user(self.users["office"]).action_submit()
        self.assertEqual(round_.state, "drafting")

    # Reminders and warnings before issuing ------------------------------

    def test_office_reminds_the_units_not_reported_once_per_click(self):
        """The cron's reminder, to the units that have not reported only."""
        round_ = self._round()
        office_round = round_.with_user(self.users["office"])
        office_round.action_open()
        self._report(self.task_smq, self.unit_smq, self.head_smq).action_submit()
        science = self._line(round_, self.unit_science)
        with self.assertRaises(AccessError):
            round_.with_user(self.users["unit_head"]).action_remind_late_units()
        action = office_round.action_remind_late_units()
        self.assertIn("Phòng Quản lý Khoa học", action["params"]["message"])
        self.assertEqual(science.reminder_count, 1)
        self.assertEqual(self._line(round_, self.unit_smq).reminder_count, 0)
        office_round.action_remind_late_units()
        self.assertEqual(science.reminder_count, 2)
        mails = science.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(mails), 1 + 2, "the request, then one per click")
        self.assertEqual(mails[0].subject, mails[1].subject, "the same reminder")
        self.assertNotEqual(mails[1].subject, mails[2].subject, "not the request")

    def test_remind_when_every_unit_has_reported_says_so(self):
        round_, _science, _smq = self._open_and_report()
        action = round_.with_user(self.users["office"]).action_remind_late_units()
        self.assertIn("no reminder", action["params"]["message"])
        self.assertFalse(any(round_.line_ids.mapped("reminder_count")))

    def _warned(self, action):
        """The confirmation wizard the button opened."""
        self.assertEqual(action["res_model"], "danvan.plan.round.confirm")
        return self.env["danvan.plan.round.confirm"].browse(action["res_id"])

    def test_compiling_with_units_missing_asks_to_continue(self):
        """The wizard lists the units that have not reported; the draft is
        compiled only on 'Continue anyway'."""
        round_ = self._round()
        office_round = round_.with_user(self.users["office"])
        office_round.action_open()
        self._report(self.task_smq, self.unit_smq, self.head_smq).action_submit()
        wizard = self._warned(
            office_round.with_context(danvan_warn=True).action_compile()
        )
        self.assertEqual(wizard.missing_unit_ids, self.unit_science)
        self.assertEqual(round_.state, "open")
        self.assertFalse(round_.body)
        wizard.with_user(self.users["office"]).action_continue()
        self.assertEqual(round_.state, "drafting")
        self.assertTrue(round_.body)

    def test_compiling_with_every_unit_reported_needs_no_warning(self):
        round_, _science, _smq = self._open_and_report()
        office_round = round_.with_user(self.users["office"])
        self.assertIs(
            office_round.with_context(danvan_warn=True).action_compile(), True
        )
        self.assertEqual(round_.state, "drafting")

    def test_submitting_or_approving_with_placeholders_asks_to_continue(self):
        """The compiled draft keeps its '...' until the Office writes them."""
        round_, _science, _smq = self._open_and_report()
        office_round = round_.with_user(self.users["office"]).with_context(
            danvan_warn=True
        )
        office_round.action_compile()
        wizard = self._warned(office_round.action_submit())
        self.assertFalse(wizard.missing_unit_ids)
        self.assertIn("...", wizard.placeholders)
        self.assertEqual(round_.state, "drafting")
        round_.body = (
            "<h3>II. ĐÁNH GIÁ</h3><p>…</p><p>Tổ chức [...] hội nghị.</p>"
            "<p>Số Kế hoạch: xxx/KH</p><p>Đăng 12 tin bài.</p>"
            "<p>Tổ chức hội thảo, tọa đàm và các hoạt động khác...</p>"
            "<p>Số ....../KH-SKHCN</p>"
        )
        self.assertEqual(
            round_._draft_placeholders(),
            [
                "II. ĐÁNH GIÁ: …",
                "Tổ chức [...] hội nghị.",
                "Số Kế hoạch: xxx/KH",
                "Số ....../KH-SKHCN",
            ],
        )
        wizard = self._warned(office_round.action_submit())
        wizard.with_user(self.users["office"]).action_continue()
        self.assertEqual(round_.state, "submitted")
        leader_round = round_.with_user(self.users["leader"]).with_context(
            danvan_warn=True
        )
        wizard = self._warned(leader_round.action_approve())
        self.assertEqual(round_.state, "submitted")
        self.assertFalse(round_.number)
        wizard.with_user(self.users["leader"]).action_continue()
        self.assertEqual(round_.state, "issued")

    def test_a_written_report_is_issued_without_warning(self):
        round_, _science, smq = self._open_and_report()
        smq.with_user(self.users["office"]).action_accept()
        office_round = round_.with_user(self.users["office"]).with_context(
            danvan_warn=True
        )
        office_round.action_compile()
        round_.body = "<h3>I. KẾT QUẢ</h3><p>Đăng 12 tin bài trên Cổng.</p>"
        self.assertIs(office_round.action_submit(), True)
        leader_round = round_.with_user(self.users["leader"])
        self.assertIs(
            leader_round.with_context(danvan_warn=True).action_approve(), True
        )
        self.assertEqual(round_.state, "issued")

    # Approval and issue -------------------------------------------------

    @freeze_time("2025-07-03")
    def test_vb7_leadership_approval_numbers_the_report(self):
        first = self._submitted_round()
        second = self._submitted_round(
            round_type="ad_hoc",
            date_from=date(2025, 3, 1),
            date_to=date(2025, 5, 31),
            date_cutoff=date(2025, 5, 20),
        )
        first.with_user(self.users["leader"]).action_approve()
        second.with_user(self.users["leader"]).action_approve()
        self.assertEqual(first.state, "issued")
        self.assertEqual(first.date_issued, date(2025, 7, 3))
        number_one, number_two = int(first.number[:2]), int(second.number[:2])
        self.assertRegex(first.number, r"^\d{2}/BC-SKHCN$")
        self.assertEqual(number_two, number_one + 1)
        self.assertFalse(first.line_ids.activity_ids, "requests are closed")

    def test_vb7_numbering_restarts_each_year(self):
        with freeze_time("2025-12-30"):
            last_of_2025 = self._submitted_round(round_type="annual")
            last_of_2025.with_user(self.users["leader"]).action_approve()
        # Other addons' demo data may have issued reports in 2026 already: the
        # round takes the next number of the year's own count, not of 2025's.
        code = decree30.DOC_TYPES["report"].sequence_code
        sequence = self.env["ir.sequence"].search(
            [("code", "=", code), ("company_id", "in", [self.env.company.id, False])],
            order="company_id",
            limit=1,
        )
        year_2026 = sequence.date_range_ids.filtered(lambda r: r.date_from.year == 2026)
        expected = year_2026.number_next_actual if year_2026 else 1
        with freeze_time("2026-01-05"):
            first_of_2026 = self._submitted_round()
            first_of_2026.with_user(self.users["leader"]).action_approve()
        self.assertEqual(first_of_2026.number, f"{expected:02d}/BC-SKHCN")
        self.assertEqual(first_of_2026.date_issued, date(2026, 1, 5))

    def test_only_leadership_approves_and_only_once(self):
        round_ = self._submitted_round()
        with self.assertRaises(AccessError):
            round_.with_user(self.users["office"]).action_approve()
        self.assertEqual(round_.state, "submitted")
        round_.with_user(self.users["leader"]).action_approve()
        number = round_.number
        with self.assertRaises(UserError):
            round_.with_user(self.users["leader"]).action_approve()
        self.assertEqual(round_.number, number)

    def test_issued_report_is_locked_and_archived_never_deleted(self):
        round_ = self._submitted_round()
        round_.with_user(self.users["leader"]).action_approve()
        with self.assertRaisesRegex(UserError, "locked"):
            round_.with_user(self.users["office"]).body = "<p>Sửa sau khi ban hành</p>"
        with self.assertRaisesRegex(UserError, "kept by law"):
            round_.with_user(self.users["dv_admin"]).unlink()
        round_.with_user(self.users["office"]).action_archive()
        self.assertFalse(round_.active)

    def test_submitted_report_gives_every_leader_a_todo(self):
        """Issue 10: the compiled report waits for leadership in its to-do list;
        issuing it closes the to-dos."""
        round_ = self._submitted_round()
        approval = self.env.ref("danvan_base.mail_activity_danvan_approval")
        todos = round_.activity_ids.filtered(lambda a: a.activity_type_id == approval)
        self.assertIn(self.users["leader"], todos.user_id)
        self.assertEqual(todos.user_id, round_._danvan_approvers())
        self.assertEqual(len(todos), len(todos.user_id))
        round_.with_user(self.users["leader"]).action_approve()
        self.assertFalse(round_.activity_ids)

    def test_report_sent_back_for_drafting_closes_the_todos(self):
        round_ = self._submitted_round()
        self.assertTrue(round_.activity_ids)
        round_.with_user(self.users["office"]).action_back_to_drafting()
        self.assertFalse(round_.activity_ids)

    def test_back_to_drafting_lets_the_office_edit_again(self):
        round_ = self._submitted_round()
        round_.with_user(self.users["office"]).action_back_to_drafting()
        self.assertEqual(round_.state, "drafting")
        self.assertFalse(round_.number)


@tagged("post_install", "-at_install")
class TestPlanRoundDocuments(HttpCase, RoundCommon):
    """The issued 6-month report as PDF and as Word (VB-2 to VB-12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {
                "danvan_agency_name": "Sở Khoa học và Công nghệ",
                "danvan_parent_agency": "Ủy ban nhân dân tỉnh Quảng Ngãi",
                "danvan_place": "Quảng Ngãi",
            }
        )

    def _issued_round(self):
        with freeze_time("2025-07-03"):
            round_ = self._submitted_round()
            round_.body = "<h3>I. KẾT QUẢ</h3><p>Đăng 12 tin bài trên Cổng.</p>"
            round_.with_user(self.users["leader"]).action_approve()
        return round_

    def _pdf_pages(self, round_):
        """The pages of the round's PDF as printed by leadership."""
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        pdf, __ = (
            self.env["ir.actions.report"]
            .with_user(self.users["leader"])
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("danvan_plan.action_report_danvan_plan_round", round_.ids)
        )
        return PdfReader(io.BytesIO(pdf)).pages

    def test_pdf_of_the_issued_report(self):
        round_ = self._issued_round()
        pages = self._pdf_pages(round_)
        text = "".join("".join(page.extract_text() for page in pages).split())
        for expected in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            f"Số: {round_.number}",
            "Quảng Ngãi, ngày 03 tháng 7 năm 2025",
            "BÁO CÁO",
            "Đăng 12 tin bài trên Cổng.",
            "Nơi nhận:",
        ):
            self.assertIn("".join(expected.split()), text)

    @staticmethod
    def _top_margin_text(page):
        """The text printed in the top margin of 20 mm, where VB-4 puts the
        page number."""
        limit = float(page.mediabox.height) - 20 / 25.4 * 72
        found = []

        def visit(text, cm, tm, _font, _size):
            if text.strip() and cm[5] + tm[5] * cm[3] > limit:
                found.append(text.strip())

        page.extract_text(visitor_text=visit)
        return "".join(found)

    def test_vb4_page_numbers_from_page_two_and_draft_mark(self):
        """A draft prints 'DỰ THẢO'; pages are numbered from page 2, in the
        top margin; once issued, the mark is gone and the numbers stay."""
        with freeze_time("2025-07-03"):
            round_ = self._submitted_round()
            # Long enough for two pages, and without digits of its own.
            round_.body = "<h3>I. KẾT QUẢ</h3>" + (
                "<p>Các phòng, đơn vị đã tổ chức tuyên truyền, phổ biến chính sách "
                "mới đến cán bộ, công chức, viên chức và người lao động.</p>" * 40
            )
        pages = self._pdf_pages(round_)
        self.assertGreaterEqual(len(pages), 2)
        texts = ["".join(page.extract_text().split()) for page in pages]
        self.assertIn("DỰTHẢO", texts[0])
        self.assertEqual(
            [self._top_margin_text(page) for page in pages],
            [""] + [str(number) for number in range(2, len(pages) + 1)],
        )
        with freeze_time("2025-07-03"):
            round_.with_user(self.users["leader"]).action_approve()
        pages = self._pdf_pages(round_)
        self.assertNotIn("DỰTHẢO", "".join(page.extract_text() for page in pages))
        self.assertNotIn("DỰ THẢO", "".join(page.extract_text() for page in pages))
        self.assertEqual(self._top_margin_text(pages[0]), "")
        self.assertEqual(self._top_margin_text(pages[1]), "2")

    def test_docx_download_in_the_official_layout(self):
        round_ = self._issued_round()
        self.authenticate("dv_office", "dv_office")
        response = self.url_open(f"/danvan_plan/round/{round_.id}/docx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("wordprocessingml", response.headers["Content-Type"])
        self.assertIn(
            round_.number.replace("/", "-"), response.headers["Content-Disposition"]
        )
        document = docx.Document(io.BytesIO(response.content))
        texts = [p.text for p in document.paragraphs]
        for table in document.tables:
            texts += [cell.text for row in table.rows for cell in row.cells]
        text = "\n".join(texts)
        for expected in (
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            f"Số: {round_.number}",
            "Quảng Ngãi, ngày 03 tháng 7 năm 2025",
            "BÁO CÁO",
            round_.name,
            "Đăng 12 tin bài trên Cổng.",
            "Nơi nhận:",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("DỰ THẢO", text)

    def test_docx_of_a_draft_is_marked(self):
        """Before approval the Word file, too, says it is a draft."""
        round_ = self._submitted_round()
        __, content = round_._render_docx()
        document = docx.Document(io.BytesIO(content))
        self.assertEqual(document.paragraphs[0].text, "DỰ THẢO")

    def test_docx_refused_to_users_outside_dan_van(self):
        round_ = self._issued_round()
        self.authenticate("dv_outsider", "dv_outsider")
        with mute_logger("odoo.http"):
            response = self.url_open(f"/danvan_plan/round/{round_.id}/docx")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"PK", response.content[:2])
