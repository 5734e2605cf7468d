from datetime import date

from freezegun import freeze_time
from odoo_test_helper import FakeModelLoader

from odoo.tests import tagged

from .common import DanvanCommon

# Monday 16/03/2026: warned from Thursday 12/03 (2 working days), missed on 17/03.
DEADLINE = date(2026, 3, 16)
# A run that escalates 5 records: 40 queries measured, whatever the count.
FEW_QUERIES = 45


@tagged("post_install", "-at_install")
class TestDeadlineCron(DanvanCommon):
    """The deadline cron of danvan.deadline.mixin (issue 15): each record
    warned and escalated once, to its users, in the agency's language, in
    batches the cron runner commits, at a few queries per record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .models import DanvanDeadlineTest

        cls.loader.update_registry((DanvanDeadlineTest,))
        cls.Deadline = cls.env["danvan.deadline.test"]
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env.company.danvan_lang = "vi_VN"
        cls.staff = cls.users["staff"]
        cls.head = cls.users["unit_head"]
        cls.head.notification_type = "inbox"

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _records(self, count, deadline=DEADLINE):
        return self.Deadline.create(
            [
                {
                    "name": f"Hồ sơ {n}",
                    "date_deadline": deadline,
                    "user_id": self.staff.id,
                    "head_id": self.head.id,
                }
                for n in range(count)
            ]
        )

    def _notes(self, record):
        return record.message_ids.filtered(lambda m: m.message_type == "comment")

    def test_warned_then_escalated_once_to_its_users_in_the_agency_language(self):
        record = self._records(1)
        for day, warned, escalated in (
            ("2026-03-11", False, False),
            ("2026-03-12", True, False),
            ("2026-03-16", True, False),
            ("2026-03-17", True, True),
            ("2026-03-18", True, True),
        ):
            with freeze_time(day):
                self.Deadline.with_context(lang="en_US")._cron_check_deadlines()
            self.assertEqual(
                (record.deadline_warned, record.deadline_escalated),
                (warned, escalated),
                day,
            )
        todo = self.env.ref("mail.mail_activity_data_todo")
        activities = record.activity_ids.sorted("id")
        self.assertEqual(activities.user_id, self.staff | self.head)
        self.assertEqual(len(activities), 3, "one warning, two escalations")
        self.assertEqual(set(activities.activity_type_id), {todo})
        self.assertEqual(
            activities.mapped("summary"),
            ["Hạn xử lý ngày 16/03/2026"] + ["Đã quá hạn ngày 16/03/2026"] * 2,
        )
        self.assertTrue(all(activities.mapped("automated")))
        self.assertEqual(set(activities.mapped("date_deadline")), {DEADLINE})
        warning, escalation = self._notes(record).sorted("id")
        self.assertIn("Hạn xử lý ngày 16/03/2026", warning.body)
        self.assertEqual(warning.partner_ids, self.staff.partner_id)
        self.assertEqual(escalation.partner_ids, (self.staff | self.head).partner_id)
        self.assertEqual(warning.subtype_id, self.env.ref("mail.mt_note"))
        self.assertEqual(warning.record_name, "Hồ sơ 0")

    def test_the_note_reaches_each_user_by_inbox_or_e_mail(self):
        """The staff takes his notifications by e-mail, the head in Odoo."""
        self.assertEqual(self.staff.notification_type, "email")
        record = self._records(1)
        with freeze_time("2026-03-17"):
            self.Deadline._cron_check_deadlines()
        note = self._notes(record)
        inbox = note.notification_ids.filtered(
            lambda n: n.res_partner_id == self.head.partner_id
        )
        self.assertEqual(
            (inbox.notification_type, inbox.is_read, inbox.notification_status),
            ("inbox", False, "sent"),
        )
        by_mail = note.notification_ids - inbox
        self.assertEqual(by_mail.res_partner_id, self.staff.partner_id)
        self.assertEqual(by_mail.notification_type, "email")
        mail = by_mail.mail_mail_id
        self.assertEqual(mail.recipient_ids, self.staff.partner_id)
        self.assertEqual(mail.state, "outgoing")
        self.assertIn("Đã quá hạn ngày 16/03/2026", mail.body_html)
        self.assertIn(f"res_id={record.id}", mail.body_html)
        self.assertEqual(mail.subject, "Hồ sơ 0")

    def test_a_batch_leaves_the_rest_to_the_next_run_without_notifying_twice(self):
        records = self._records(5)
        cron = self.env.ref("danvan_base.ir_cron_danvan_holiday_generate")
        progress = cron._add_progress()[1]
        with freeze_time("2026-03-17"):
            self.Deadline.with_context(
                ir_cron_progress_id=progress.id
            )._cron_check_deadlines(batch_size=3)
            self.assertEqual((progress.done, progress.remaining), (3, 2))
            self.assertEqual(len(records.filtered("deadline_escalated")), 3)
            progress = cron._add_progress()[1]
            self.Deadline.with_context(
                ir_cron_progress_id=progress.id
            )._cron_check_deadlines(batch_size=3)
            self.assertEqual((progress.done, progress.remaining), (2, 0))
            self.Deadline._cron_check_deadlines(batch_size=3)
        self.assertTrue(all(records.mapped("deadline_escalated")))
        for record in records:
            self.assertEqual(len(self._notes(record)), 1, record.name)
            self.assertEqual(record.activity_ids.user_id, self.staff | self.head)

    def test_run_by_hand_the_cron_is_triggered_for_the_rest(self):
        """The cron runner (its context names the cron) runs it again itself;
        Run Manually does not, so the batch triggers the cron."""
        self._records(3)
        cron = self.env.ref("danvan_base.ir_cron_danvan_holiday_generate")
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search_count([("cron_id", "=", cron.id)])
        with freeze_time("2026-03-17"):
            progress = cron._add_progress()[1]
            self.Deadline.with_context(
                ir_cron_progress_id=progress.id, cron_id=cron.id
            )._cron_check_deadlines(batch_size=1)
            self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), before)
            progress = cron._add_progress()[1]
            self.Deadline.with_context(
                ir_cron_progress_id=progress.id
            )._cron_check_deadlines(batch_size=1)
            self.assertEqual(
                Trigger.search_count([("cron_id", "=", cron.id)]), before + 1
            )

    def test_warnings_come_before_the_overdue_in_a_batch(self):
        late = self._records(3, deadline=date(2026, 3, 2))
        soon = self._records(2)
        with freeze_time("2026-03-13"):
            self.Deadline._cron_check_deadlines(batch_size=3)
        self.assertTrue(all(soon.mapped("deadline_warned")))
        self.assertEqual(len(late.filtered("deadline_escalated")), 1)

    def _escalate(self, count):
        self._records(count)
        self.env.invalidate_all()
        with freeze_time("2026-03-17"):
            self.Deadline._cron_check_deadlines()

    def test_queries_per_notified_record(self):
        """At most 3 queries per escalated record, each to two users (one by
        e-mail, one in Odoo): 50 records cost at most 3 x 45 more than 5."""
        self._escalate(2)  # warm the caches of rules, views and translations
        with self.assertQueryCount(FEW_QUERIES):
            self._escalate(5)
        with self.assertQueryCount(FEW_QUERIES + 3 * 45):
            self._escalate(50)
