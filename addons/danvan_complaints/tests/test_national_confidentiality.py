"""The national database outbox joins the confidentiality tests (TCD-11,
TC-12, TC-13): a unique identity is planted in a reception and in a
denunciation whose sender asked for protection, and looked for in the export
files and in every answer the users who may not see it get."""

import io
import json
import uuid
import zipfile
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .test_national import NationalCommon


def _xlsx_text(raw):
    """All the text of a workbook's parts."""
    with zipfile.ZipFile(io.BytesIO(raw)) as book:
        return "\n".join(
            book.read(name).decode() for name in book.namelist() if name.endswith("xml")
        )


@tagged("post_install", "-at_install")
class TestNationalConfidentiality(HttpCase, NationalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        token = uuid.uuid4().hex[:12]
        cls.secret = f"Trần Thị Kínđáo{token}"
        cls.secret_address = f"Thôn Ẩn{token}"
        cls.visible = f"Phạm Văn Côngkhai{token[::-1]}"
        cls.attackers = {
            "reception officer": cls.officer,
            "other officer": cls.other_officer,
            "staff": cls.users["staff"],
            "unit head": cls.users["unit_head"],
        }

    def setUp(self):
        super().setUp()
        # TC-12: a denouncer who asked for protection, named in the summary too.
        self.denunciation = self._petition(
            name=self.secret,
            summary=f"Tố cáo của {self.secret} về cán bộ B",
            petition_type="denunciation",
            protection_requested=True,
            qualified="no",
            unqualified_reason="other",
            outcome="file",
            sender_ids=[
                Command.create(
                    {
                        "name": self.secret,
                        "address": self.secret_address,
                        "identity_number": "051190004444",
                    }
                )
            ],
        )
        self.protected = self._entries(self.denunciation)
        self.visit = self._visit(name=self.visible)
        self.export = (
            self.env["danvan.national.export"]
            .with_user(self.office)
            .create({"date_from": date(2026, 3, 1), "date_to": date.today()})
        )

    def _files_text(self, export):
        export = export.sudo()
        return export.json_attachment_id.raw.decode() + _xlsx_text(
            export.xlsx_attachment_id.raw
        )

    def _answer(self, call):
        self.env.invalidate_all()
        try:
            return json.dumps(call(), default=str, ensure_ascii=False)
        except AccessError:
            return ""

    def _rpc_answers(self, user, model, ids, fnames):
        Model = self.env[model].with_user(user)
        return {
            "read": lambda: Model.browse(ids).read(),
            "read fields": lambda: Model.browse(ids).read(fnames),
            "search_read": lambda: Model.search_read([]),
            "search on the name": lambda: Model.search(
                [(fnames[0], "ilike", "Kínđáo")]
            ).ids,
            "web_read": lambda: Model.browse(ids).web_read({f: {} for f in fnames}),
            "web_search_read": lambda: Model.web_search_read(
                [], {f: {} for f in fnames}
            ),
            "export_data": lambda: Model.browse(ids).export_data(fnames),
            "read_group": lambda: Model.read_group([], [], [fnames[0]]),
        }

    def test_tc12_protected_denouncer_is_exported_without_identity(self):
        self.assertTrue(self.protected.identity_withheld)
        self.assertNotIn(self.secret, self.protected.content)
        self.export.action_export()
        text = self._files_text(self.export)
        for secret in (self.secret, self.secret_address, "051190004444"):
            self.assertNotIn(secret, text)
        # The others are reported with their identity (ND55 Art. 6).
        self.assertIn(self.visible, text)
        rows = json.loads(self.export.json_attachment_id.raw)["entries"]
        row = next(r for r in rows if r["register_number"] == self.denunciation.number)
        self.assertEqual(
            (row["person_name"], row["person_address"], row["identity_withheld"]),
            (None, None, True),
        )

    def test_tc12_the_office_decides_to_report_the_identity(self):
        entry = self.protected.with_user(self.office)
        with self.assertRaisesRegex(UserError, "reason"):
            entry.action_disclose_identity("  ")
        for user in (self.officer, self.users["unit_head"]):
            with self.assertRaises(AccessError):
                self.protected.with_user(user).action_disclose_identity("Vì sao")
        wizard = (
            self.env["danvan.national.disclosure"]
            .with_user(self.office)
            .create({"entry_id": entry.id, "reason": "Theo yêu cầu của cơ quan"})
        )
        wizard.action_confirm()
        self.assertEqual(
            (
                entry.identity_disclosed,
                entry.identity_withheld,
                entry.disclosure_user_id,
                entry.disclosure_reason,
            ),
            (True, False, self.office, "Theo yêu cầu của cơ quan"),
        )
        self.assertTrue(entry.disclosure_date)
        self.export.action_export()
        self.assertIn(self.secret, self._files_text(self.export))
        # Once reported, the decision is made.
        with self.assertRaisesRegex(UserError, "already been reported"):
            entry.action_disclose_identity("Lại")

    def test_ndb5_outbox_unseen_by_who_may_not_see_it(self):
        self.export.action_export()
        export_group = self.env.ref("base.group_allow_export")
        channels = [
            ("danvan.national.entry", (self.protected | self._entries(self.visit)).ids),
            ("danvan.national.export", self.export.ids),
            (
                "ir.attachment",
                (
                    self.export.sudo().json_attachment_id
                    | self.export.sudo().xlsx_attachment_id
                ).ids,
            ),
        ]
        fields_of = {
            "danvan.national.entry": ["person_name", "person_address", "content"],
            "danvan.national.export": ["name", "entry_ids", "json_attachment_id"],
            "ir.attachment": ["name", "raw", "datas"],
        }
        for who, user in self.attackers.items():
            user.groups_id = [Command.link(export_group.id)]
            for model, ids in channels:
                for channel, call in self._rpc_answers(
                    user, model, ids, fields_of[model]
                ).items():
                    with self.subTest(who=who, model=model, channel=channel):
                        answer = self._answer(call)
                        self.assertNotIn("Kínđáo", answer)
                        self.assertNotIn(self.visible, answer)

    def test_tc13_identity_columns_are_leaderships_only(self):
        """The Office sees the outbox but not its identity columns; leadership
        reads them, and each read is logged."""
        entries = self.protected | self._entries(self.visit)
        self.office.groups_id = [
            Command.link(self.env.ref("base.group_allow_export").id)
        ]
        for channel, call in self._rpc_answers(
            self.office, entries._name, entries.ids, ["person_name", "person_address"]
        ).items():
            with self.subTest(channel=channel):
                answer = self._answer(call)
                self.assertNotIn("Kínđáo", answer)
                self.assertNotIn(self.visible, answer)
        # The Office lists and counts them all the same.
        Entry = self.Entry.with_user(self.office)
        self.assertEqual(Entry.search_count([("id", "in", entries.ids)]), 2)
        Log = self.env["danvan.identity.access"].sudo()
        before = Log.search_count([("res_model", "=", entries._name)])
        self.env.invalidate_all()
        names = entries.with_user(self.leader).mapped("person_name")
        self.assertIn(self.secret, names)
        self.assertGreater(
            Log.search_count(
                [("res_model", "=", entries._name), ("user_id", "=", self.leader.id)]
            ),
            before,
        )

    def test_ndb5_export_files_over_http(self):
        self.export.action_export()
        files = self.export.sudo().json_attachment_id | (
            self.export.sudo().xlsx_attachment_id
        )
        for who, user in self.attackers.items():
            with self.subTest(who=who):
                self.authenticate(user.login, user.login)
                for attachment in files:
                    response = self.url_open(
                        f"/web/content/{attachment.id}?download=true"
                    )
                    self.assertNotIn(self.visible, response.text)
        self.authenticate(self.office.login, self.office.login)
        response = self.url_open(
            f"/web/content/{self.export.sudo().json_attachment_id.id}?download=true"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.visible, response.text)
        self.assertNotIn("Kínđáo", response.text)
