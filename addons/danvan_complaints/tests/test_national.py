import io
import json
import zipfile
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CaseCommon


class NationalCommon(CaseCommon):
    """The national database outbox (domain-vn.md §0.3.4, ND55/2022 Art. 6)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Entry = cls.env["danvan.national.entry"]
        cls.office = cls.users["office"]
        cls.leader = cls.users["leader"]
        # Nothing of the database's demo data in the way.
        cls.Entry.sudo().search([("state", "=", "to_report")]).write(
            {"state": "reported"}
        )

    def _entries(self, record):
        return self.Entry.sudo().search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)],
            order="id",
        )

    def _visit(self, name="Nguyễn Văn Khách", day=date(2026, 3, 2), **vals):
        visit = (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create(
                {
                    "date": day,
                    "summary": "Phản ánh việc chậm cấp giấy phép",
                    "petition_type": "petition",
                    "path": "answer",
                    "visitor_ids": [
                        Command.create(
                            {
                                "name": name,
                                "address": "Thôn 3",
                                "identity_number": "051190000999",
                            }
                        )
                    ],
                    **vals,
                }
            )
        )
        visit.action_record()
        return visit

    def _petition(self, name="Lê Thị Gửi", **vals):
        petition = (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                {
                    "summary": "Kiến nghị về tiêu chuẩn đo lường",
                    "date_received": date(2026, 3, 2),
                    "petition_type": "petition",
                    "qualified": "yes",
                    "handler_id": self.officer.id,
                    "sender_ids": [
                        Command.create(
                            {
                                "name": name,
                                "address": "Thôn 9",
                                "identity_number": "051190000555",
                            }
                        )
                    ],
                    **vals,
                }
            )
        )
        petition.action_classify()
        petition.action_process()
        return petition


@tagged("post_install", "-at_install")
class TestNationalEntry(NationalCommon):
    """NDB-1 to NDB-3: one entry per event, a snapshot of the event."""

    def test_ndb1_recorded_visit_queues_its_reception(self):
        visit = self._visit()
        entry = self._entries(visit)
        self.assertEqual(len(entry), 1)
        self.assertEqual(
            (entry.kind, entry.step_code, entry.event_date, entry.state),
            ("reception", "reception", date(2026, 3, 2), "to_report"),
        )
        self.assertEqual(entry.source_number, visit.number)
        self.assertEqual(entry.person_name, "Nguyễn Văn Khách")
        self.assertEqual(entry.person_identity, "051190000999")
        self.assertEqual(entry.content, "Phản ánh việc chậm cấp giấy phép")
        self.assertEqual(entry.result_code, "answer")
        # Due since the day of the visit: it waits since then.
        self.assertEqual(entry.date_due, date(2026, 3, 2))
        with freeze_time("2026-03-12"):
            entry.invalidate_recordset(["waiting_days"])
            self.assertEqual(entry.waiting_days, 10)

    def test_ndb1_draft_visit_is_not_reported_and_snapshot_is_kept(self):
        visit = (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create({"date": date(2026, 3, 2), "summary": "Hỏi thủ tục"})
        )
        self.assertFalse(self._entries(visit))
        visit = self._visit()
        entry = self._entries(visit)
        # The citizen's record changes later: the entry keeps what was sent.
        visit.sudo().visitor_ids.name = "Tên khác"
        entry.invalidate_recordset()
        self.assertEqual(entry.person_name, "Nguyễn Văn Khách")

    def test_ndb2_processed_petition_queues_its_outcome(self):
        petition = self._petition(
            within_competence=False,
            competent_body="Sở Công Thương",
            national_destination="administrative",
            outcome="transfer",
        )
        entry = self._entries(petition)
        self.assertEqual(len(entry), 1)
        self.assertEqual(
            (
                entry.kind,
                entry.petition_type,
                entry.qualified,
                entry.within_competence,
                entry.result_code,
                entry.destination,
                entry.competent_body,
            ),
            (
                "petition",
                "petition",
                "yes",
                "no",
                "transfer",
                "administrative",
                "Sở Công Thương",
            ),
        )
        self.assertEqual(entry.person_name, "Lê Thị Gửi")

    def test_ndb3_every_step_of_a_case_is_queued(self):
        case = self._case("complaint")
        case.with_user(self.officer).write(
            {"date_accepted": date(2026, 3, 9), "acceptance_reference": "12/TB-SKHCN"}
        )
        case.with_user(self.officer).action_accept()
        entries = self._entries(case)
        self.assertEqual(entries.mapped("step_code"), ["acceptance"])
        self.assertEqual(entries.kind, "complaint")
        self.assertEqual(entries.document_numbers, "12/TB-SKHCN")
        self.assertEqual(entries.event_date, date(2026, 3, 9))
        self.assertEqual(entries.petition_number, case.petition_id.number)
        self.assertEqual(entries.person_name, self.DENOUNCER)
        # The petition's outcome was queued too, before its case.
        self.assertEqual(self._entries(case.petition_id).result_code, "accept")

    def test_ndb1_a_refused_citizen_is_reported_with_the_notice(self):
        visit = self._visit(
            petition_type=False,
            path=False,
            refused=True,
            refusal_ground_id=self.env.ref(
                "danvan_complaints.danvan_refusal_ground_2014_3"
            ).id,
            refusal_notice="120/TB-SKHCN",
        )
        entry = self._entries(visit)
        self.assertEqual(
            (entry.result_code, entry.document_numbers),
            ("refused", "120/TB-SKHCN"),
        )

    def test_ndb1_labels_in_the_agency_language(self):
        """An officer working in English: the entry is the agency's, in
        Vietnamese."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env.company.danvan_lang = "vi_VN"
        self.officer.lang = "en_US"
        entry = self._entries(self._visit())
        self.assertEqual(entry.step, "Tiếp công dân")

    def test_ndb_entries_are_made_by_events_not_by_hand(self):
        entry = self._entries(self._visit())
        Entry = self.Entry.with_user(self.office)
        with self.assertRaisesRegex(UserError, "made by the events"):
            Entry.create({"kind": "reception", "event_date": date(2026, 3, 2)})
        with self.assertRaisesRegex(UserError, "not changed by hand"):
            entry.with_user(self.office).write({"content": "Khác"})
        with self.assertRaises(UserError):
            entry.with_user(self.office).write({"state": "reported"})
        with self.assertRaises(UserError):
            entry.with_user(self.leader).unlink()
        self.assertTrue(entry.exists())


@tagged("post_install", "-at_install")
class TestNationalExport(NationalCommon):
    """NDB-4 to NDB-6: what waits, the export and the connector."""

    def _export(self, user=None, **vals):
        return (
            self.env["danvan.national.export"]
            .with_user(user or self.office)
            .create(
                {"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31), **vals}
            )
        )

    def test_ndb5_export_writes_the_files_and_marks_the_entries(self):
        visit = self._visit()
        petition = self._petition(outcome="answer")
        entries = self._entries(visit) | self._entries(petition)
        # The petition is processed today: its entry is of today.
        export = self._export(date_to=date.today())
        export.action_export()
        self.assertEqual(export.state, "exported")
        self.assertEqual(export.entry_ids, entries.with_user(self.office))
        self.assertEqual(set(entries.mapped("state")), {"reported"})
        self.assertEqual(export.entry_count, 2)
        document = json.loads(export.json_attachment_id.raw)
        self.assertEqual(document["format"], "danvan.national.outbox/1")
        self.assertEqual(document["entry_count"], 2)
        rows = {row["register_number"]: row for row in document["entries"]}
        self.assertEqual(rows[visit.number]["kind"], "reception")
        self.assertEqual(rows[visit.number]["person_name"], "Nguyễn Văn Khách")
        self.assertEqual(rows[petition.number]["result"], "answer")
        self.assertEqual(rows[visit.number]["date"], "2026-03-02")
        self.assertEqual(rows[petition.number]["date"], str(date.today()))
        # One row per entry, the columns named in Vietnamese.
        with zipfile.ZipFile(io.BytesIO(export.xlsx_attachment_id.raw)) as book:
            text = book.read("xl/sharedStrings.xml").decode()
        for column in ("Họ và tên", "Nội dung", "Kết quả", "Số vào sổ"):
            self.assertIn(column, text)
        self.assertIn("Nguyễn Văn Khách", text)

    def test_ndb5_each_agency_its_own_outbox(self):
        other = self.env["res.company"].create({"name": "Sở Tư pháp"})
        self.office.company_ids = [Command.link(other.id)]
        entry = self._entries(self._visit())
        entry.company_id = other
        export = self._export()
        with self.assertRaisesRegex(UserError, "No entry of this period"):
            export.action_export()
        # Not seen from the first agency alone.
        Entry = self.Entry.with_user(self.office).with_context(
            allowed_company_ids=[self.env.company.id]
        )
        self.assertFalse(Entry.search([("id", "=", entry.id)]))
        self.assertEqual(
            Entry.with_context(allowed_company_ids=[other.id]).search(
                [("id", "=", entry.id)]
            ),
            entry,
        )

    def test_ndb5_exporting_twice_does_not_duplicate(self):
        self._visit()
        first = self._export()
        first.action_export()
        with self.assertRaisesRegex(UserError, "already been exported"):
            first.action_export()
        second = self._export()
        with self.assertRaisesRegex(UserError, "No entry of this period"):
            second.action_export()
        # A new event of the period goes with the next export, alone.
        visit = self._visit(name="Người Mới", day=date(2026, 3, 20))
        second.action_export()
        self.assertEqual(second.entry_ids.mapped("source_number"), [visit.number])

    def test_ndb5_only_the_period_and_the_agency(self):
        inside = self._visit(day=date(2026, 3, 2))
        outside = self._visit(day=date(2026, 4, 2))
        export = self._export()
        export.action_export()
        self.assertEqual(self._entries(inside).state, "reported")
        self.assertEqual(self._entries(outside).state, "to_report")

    def test_ndb5_absurd_period_refused(self):
        with self.assertRaisesRegex(UserError, "ends before"):
            self._export(date_from=date(2026, 3, 31), date_to=date(2026, 3, 1))

    def test_ndb5_export_is_the_offices(self):
        self._visit()
        for login in ("reception", "unit_head", "staff"):
            with self.assertRaises(AccessError):
                self._export(user=self.users[login])
        export = self._export()
        export.action_export()
        # The exported files are kept as they were sent.
        with self.assertRaisesRegex(UserError, "locked"):
            export.write({"date_to": date(2026, 3, 30)})
        with self.assertRaises(UserError):
            export.with_user(self.leader).unlink()

    def test_ndb6_sending_without_connector_is_a_clear_error(self):
        self._visit()
        export = self._export()
        export.action_export()
        with self.assertRaisesRegex(UserError, "No connection to the national"):
            export.action_send()

    def test_ndb4_my_work_counts_what_waits(self):
        self._visit()
        self._visit(day=date(2026, 3, 5))

        def count(user):
            blocks = self.env["danvan.my.work"].with_user(user).get_my_work()
            return {b["key"]: b["count"] for b in blocks["blocks"]}.get(
                "national_to_report"
            )

        self.assertEqual(count(self.office), 2)
        self.assertEqual(count(self.leader), 2)
        self.assertIsNone(count(self.officer))
        self.assertIsNone(count(self.users["unit_head"]))
        blocks = self.env["danvan.my.work"].with_user(self.office).get_my_work()
        block = {b["key"]: b for b in blocks["blocks"]}["national_to_report"]
        self.assertEqual(block["records"][0]["date"], "2026-03-02")

    def test_ndb4_cron_warns_the_office_once(self):
        entry = self._entries(self._visit(day=date(2026, 3, 2)))
        self.env["ir.config_parameter"].sudo().set_param(
            "danvan_complaints.national_wait_days", 5
        )
        Activity = self.env["mail.activity"].sudo()
        domain = [("res_model", "=", entry._name), ("res_id", "=", entry.id)]
        with freeze_time("2026-03-06"):
            self.Entry._cron_warn_waiting()
        self.assertFalse(Activity.search(domain))
        with freeze_time("2026-03-09"):
            self.Entry._cron_warn_waiting()
            self.Entry._cron_warn_waiting()
        activities = Activity.search(domain)
        self.assertIn(self.office, activities.user_id)
        self.assertNotIn(self.leader, activities.user_id)
        mine = activities.filtered(lambda a: a.user_id == self.office)
        self.assertEqual(len(mine), 1)
        self.assertIn("02/03/2026", activities[0].summary)
