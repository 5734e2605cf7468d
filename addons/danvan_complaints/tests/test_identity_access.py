import base64
from datetime import date
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged

from ..controllers.identity_access import binary_reads_identity, report_reads_identity
from .common import CaseCommon

# A 1x1 transparent PNG: a scanned letter, as far as the tests need one.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


class IdentityAccessCommon(CaseCommon):
    """Denunciations of the officer, who handles them, and a way to see what
    an action logs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Log = cls.env["danvan.identity.access"]
        cls.verifier = new_test_user(
            cls.env, login="dvc_log_verifier", groups="danvan_base.group_danvan_staff"
        )

    def _denunciations(self, count=1):
        """``count`` petitions received by the officer, each from one denouncer."""
        return (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                [
                    {
                        "summary": f"Tố cáo {n}",
                        "date_received": date(2026, 3, 2),
                        "petition_type": "denunciation",
                        "sender_ids": [
                            Command.create(
                                {
                                    "name": f"{self.DENOUNCER} {n}",
                                    "address": "Thôn 7",
                                    "identity_number": f"05119000{n:04d}",
                                }
                            )
                        ],
                    }
                    for n in range(count)
                ]
            )
        )

    def _accepted(self):
        case = self._case("denunciation").with_user(self.officer)
        case.write(
            {
                "denounced": "Ông Lê Văn B, kế toán",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
                "date_accepted": date(2026, 3, 2),
            }
        )
        case.action_accept()
        return case

    def _visit(self):
        """A denouncer received by the officer."""
        return (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create(
                {
                    "date": date(2026, 3, 2),
                    "summary": f"{self.DENOUNCER} tố cáo cán bộ B",
                    "documents_received": f"Bản sao căn cước của {self.DENOUNCER}",
                    "petition_type": "denunciation",
                    "path": "accept",
                    "visitor_ids": [
                        Command.create(
                            {"name": self.DENOUNCER, "identity_number": "051190000123"}
                        )
                    ],
                }
            )
        )

    def _petition_file(self, petition):
        """The scanned letter of ``petition``."""
        return self.env["ir.attachment"].create(
            {
                "name": "don-to-cao.png",
                "raw": PNG,
                "res_model": "danvan.petition",
                "res_id": petition.id,
            }
        )

    def _logged(self, action):
        """The lines that ``action`` logs, run with an empty cache as a new
        request would be."""
        self.env.invalidate_all()
        last = self.Log.search([], order="id desc", limit=1).id or 0
        action()
        return self.Log.search([("id", ">", last)], order="id")

    def assertLogged(self, lines, records, channel, user=None):
        """``lines`` are one for each of ``records`` (persons, or a petition,
        visit or case), of ``channel``, for ``user``."""
        user = user or self.officer
        self.assertEqual(
            sorted(
                (line.res_model, line.res_id, line.channel, line.user_id.id)
                for line in lines
            ),
            sorted((record._name, record.id, channel, user.id) for record in records),
        )


@tagged("post_install", "-at_install")
class TestIdentityAccess(IdentityAccessCommon):
    """Every way a confidential identity reaches a user is logged, with its
    channel; the code's own reads under sudo are not; the log is changed by
    nobody (TC-13)."""

    def test_tc13_a_read_logs_who_when_which_record_and_channel(self):
        petition = self._denunciations()
        sender = petition.sender_ids
        lines = self._logged(
            lambda: sender.with_user(self.officer).read(["name", "address"])
        )
        self.assertLogged(lines, sender, "read")
        self.assertEqual(lines.record_name, petition.number)
        self.assertTrue(lines.create_date)
        # The form of the petition, with its senders' list.
        lines = self._logged(
            lambda: petition.with_user(self.officer).web_read(
                {"sender_ids": {"fields": {"name": {}}}}
            )
        )
        self.assertLogged(lines, sender, "read")
        # Another field, or the code's own read under sudo: no line.
        for action in (
            lambda: sender.with_user(self.officer).read(["is_confidential"]),
            lambda: sender.with_user(self.officer).sudo().read(["name"]),
        ):
            self.assertFalse(self._logged(action))

    def _letter_channels(self, user, case, visit):
        """(channel, record, action): the ways ``user`` reaches the letter of
        the case's petition, of the case and of the visit."""
        petition = case.petition_id.with_user(user)
        visit = visit.with_user(user)
        summary = petition.sudo().summary
        register = "danvan_complaints.action_report_danvan_reception_register"
        return [
            ("read", petition, lambda: petition.read(["summary"])),
            ("read", petition, lambda: petition.web_read({"content": {}})),
            ("read", visit, lambda: visit.read(["summary"])),
            ("read", case, lambda: case.with_user(user).read(["summary"])),
            (
                "search",
                petition,
                lambda: petition.search([("content", "ilike", self.DENOUNCER)]),
            ),
            (
                "search",
                visit,
                lambda: visit.search([("summary", "ilike", self.DENOUNCER)]),
            ),
            (
                "search",
                case,
                lambda: case.with_user(user).search([("summary", "=", summary)]),
            ),
            (
                "group",
                petition,
                lambda: petition._read_group(
                    [("id", "=", petition.id)], ["summary"], ["__count"]
                ),
            ),
            (
                "group",
                visit,
                lambda: visit._read_group(
                    [("id", "=", visit.id)], ["state"], ["documents_received:array_agg"]
                ),
            ),
            ("export", petition, lambda: petition.export_data(["number", "content"])),
            ("report", visit, lambda: self._render(register, visit, user)),
        ]

    def test_tc13_reading_the_letter_is_logged_on_every_channel(self):
        """The letter names its senders, as real letters do: its reading, a
        search or a grouping on it, its export and its printing are logged
        for the petition, the visit or the case, for its officer and for
        leadership."""
        case = self._accepted()
        visit = self._visit()
        export = self.env.ref("base.group_allow_export")
        for user in (self.officer, self.users["leader"]):
            user.groups_id = [Command.link(export.id)]
            for channel, record, action in self._letter_channels(user, case, visit):
                with self.subTest(user=user.login, channel=channel, model=record._name):
                    lines = self._logged(action).filtered(
                        lambda line, record=record: line.res_model == record._name
                    )
                    self.assertLogged(lines, record, channel, user)
                    self.assertEqual(lines.record_name, record.sudo().number)

    def test_tc13_the_letter_is_logged_only_when_read_for_a_user(self):
        """Another field of the petition, the code's own read under sudo, a
        search on other fields: nothing is logged."""
        case = self._accepted()
        petition = case.petition_id.with_user(self.officer)
        for action in (
            lambda: petition.read(["state", "number", "petition_type"]),
            lambda: petition.web_read({"sender_ids": {}, "date_received": {}}),
            lambda: case.with_user(self.officer).read(["state", "date_deadline"]),
            lambda: petition.sudo().read(["summary", "content"]),
            lambda: petition.search([("number", "=", petition.number)]),
            lambda: petition._read_group(
                [("id", "=", petition.id)], ["state"], ["__count"]
            ),
            # A count ties the letter to no record.
            lambda: petition.search_count([("content", "ilike", self.DENOUNCER)]),
        ):
            self.assertFalse(self._logged(action))

    def test_tc13_an_officer_not_assigned_reaches_no_letter_and_no_line(self):
        """The record rules hide the letter from the officer who does not
        handle it: no read, no search, no grouping finds it, and nothing is
        logged for him, so that no line of his names the record either."""
        case = self._accepted()
        petition = case.petition_id
        summary = petition.sudo().summary
        visit = self._visit()
        other = self.other_officer
        other.groups_id = [Command.link(self.env.ref("base.group_allow_export").id)]
        Petition = self.env["danvan.petition"].with_user(other)
        Visit = self.env["danvan.reception.visit"].with_user(other)
        Case = self.env["danvan.denunciation"].with_user(other)
        for record in (petition, visit, case):
            with self.assertRaises(AccessError):
                record.with_user(other).read(["summary"])
        self.assertFalse(Petition.search([("content", "ilike", self.DENOUNCER)]))
        self.assertFalse(Visit.search_count([("summary", "ilike", self.DENOUNCER)]))
        self.assertFalse(Case.search([("summary", "=", summary)]))
        self.assertFalse(
            Petition._read_group([("id", "=", petition.id)], ["summary"], ["__count"])
        )
        self.assertFalse(
            Petition.search([("id", "=", petition.id)]).export_data(["content"])[
                "datas"
            ]
        )
        self.assertFalse(self.Log.search([("user_id", "=", other.id)]))

    def test_tc13_a_search_on_the_identity_is_logged(self):
        """Who is found tells who wrote, even when nothing else is read."""
        petition = self._denunciations()
        sender = petition.sender_ids
        Sender = self.env["danvan.petition.sender"].with_user(self.officer)
        Petition = self.env["danvan.petition"].with_user(self.officer)
        for found, action in (
            (sender, lambda: Sender.search([("name", "ilike", self.DENOUNCER)])),
            (
                sender,
                lambda: Sender.search_read(
                    [("identity_number", "=", "051190000000")], ["name"]
                ),
            ),
            # Through a path, the petitions found, not the senders matched.
            (
                petition,
                lambda: Petition.search([("sender_ids.name", "ilike", self.DENOUNCER)]),
            ),
            (
                petition,
                lambda: Petition.search(
                    [("sender_ids", "any", [("name", "ilike", self.DENOUNCER)])]
                ),
            ),
            # A text compared with the senders: their names.
            (
                petition,
                lambda: Petition.search([("sender_ids", "ilike", self.DENOUNCER)]),
            ),
        ):
            self.assertLogged(self._logged(action), found, "search")
        # A name search finds the person and shows the name: one line.
        lines = self._logged(lambda: Sender.name_search(self.DENOUNCER))
        self.assertLogged(lines, sender, "search")
        # Nothing found, a search on other fields, or under sudo: no line.
        for action in (
            lambda: Sender.search([("name", "=", "Không có ai")]),
            lambda: Sender.search([("petition_id", "=", petition.id)]),
            lambda: Petition.search([("sender_ids", "in", sender.ids)]),
            lambda: Sender.sudo().search([("name", "ilike", self.DENOUNCER)]),
            # A count ties the identity to no record.
            lambda: Sender.search_count([("identity_number", "=", "051190000000")]),
        ):
            self.assertFalse(self._logged(action))

    def test_tc13_a_grouping_or_total_on_the_identity_is_logged(self):
        sender = self._denunciations().sender_ids
        Sender = self.env["danvan.petition.sender"].with_user(self.officer)
        domain = [("id", "=", sender.id)]
        for action in (
            lambda: Sender._read_group(domain, ["name"], ["__count"]),
            lambda: Sender._read_group(domain, ["petition_id"], ["address:array_agg"]),
            lambda: Sender.read_group(domain, ["identity_number"], ["identity_number"]),
        ):
            self.assertLogged(self._logged(action), sender, "group")
        # A page of groups: the records of the groups returned.
        senders = self._denunciations(4).sender_ids
        lines = self._logged(
            lambda: Sender._read_group(
                [("id", "in", senders.ids)], ["name"], ["__count"], limit=2
            )
        )
        self.assertLogged(lines, senders.sorted("name")[:2], "group")
        # The grouped list's page: its groups, not those its pager counts.
        lines = self._logged(
            lambda: Sender.web_read_group(
                [("id", "in", senders.ids)], ["name"], ["name"], limit=2
            )
        )
        self.assertLogged(lines, senders.sorted("name")[:2], "group")
        for action in (
            lambda: Sender._read_group(domain, ["petition_id"], ["__count"]),
            lambda: Sender.sudo()._read_group(domain, ["name"], ["__count"]),
        ):
            self.assertFalse(self._logged(action))

    def test_tc13_an_export_is_logged_as_such(self):
        petition = self._denunciations()
        sender = petition.sender_ids
        self.officer.groups_id = [
            Command.link(self.env.ref("base.group_allow_export").id)
        ]
        as_officer = petition.with_user(self.officer)
        lines = self._logged(
            lambda: as_officer.export_data(["number", "sender_ids/name"])
        )
        self.assertLogged(lines, sender, "export")
        # The channel ends with the export.
        lines = self._logged(lambda: sender.with_user(self.officer).read(["name"]))
        self.assertLogged(lines, sender, "read")
        self.assertFalse(
            self._logged(lambda: as_officer.sudo().export_data(["sender_ids/name"]))
        )

    def test_tc13_a_printed_document_is_logged_as_such(self):
        case = self._accepted()
        sender = case.petition_id.sender_ids
        notice = "danvan_complaints.action_report_danvan_denunciation_acceptance"
        html = []
        lines = self._logged(lambda: html.append(self._render(notice, case)))
        self.assertIn(self.DENOUNCER, html[0])
        self.assertLogged(lines, sender, "report")
        Report = self.env["ir.actions.report"]
        self.assertFalse(
            self._logged(lambda: Report.sudo()._render_qweb_html(notice, case.ids))
        )

    def test_tc13_making_the_copy_without_the_denouncer_is_logged(self):
        """The officer's preview reads the identity to remove it: logged for
        him as the copy, not as a printed identity. The team member prints the
        confirmed copy, which holds no identity: nothing is logged for him."""
        case = self._accepted()
        case.team_member_ids = self.verifier
        petition = case.petition_id
        lines = self._logged(lambda: self._confirm_redacted(petition))
        self.assertLogged(lines, [petition, *petition.sender_ids], "redacted")
        html = []
        lines = self._logged(
            lambda: html.append(
                self._render(
                    "danvan_complaints.action_report_danvan_denunciation_redacted",
                    case,
                    self.verifier,
                )
            )
        )
        self.assertNotIn(self.DENOUNCER, html[0])
        self.assertFalse(lines)
        # The case's summary he reads is the copy's: nothing logged either.
        as_member = case.with_user(self.verifier)
        self.assertFalse(self._logged(lambda: as_member.read(["summary"])))
        self.assertEqual(as_member.summary, petition.sudo().redacted_summary)
        self.assertFalse(self._logged(lambda: petition.sudo()._redact("")))

    def test_tc13_a_write_logs_no_read_of_the_letter(self):
        """The form has loaded and logged the letter: saving it, whose
        tracking loads the summary as it was, logs nothing more; the changes
        are still tracked."""
        petition = self._denunciations()
        as_officer = petition.with_user(self.officer).with_context(
            tracking_disable=False, mail_notrack=False
        )
        for values in (
            {"summary": "Tố cáo đã sửa"},
            {"date_received": date(2026, 3, 3)},
        ):
            with self.subTest(values=values):
                self.assertFalse(
                    self._logged(lambda values=values: self._save(as_officer, values))
                )
        self.env.invalidate_all()
        self.assertIn(
            "date_received",
            petition.sudo().message_ids.tracking_value_ids.field_id.mapped("name"),
        )

    def _save(self, records, values):
        records.write(values)
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_tc13_a_search_through_a_path_logs_the_records_found(self):
        """A case searched on its petition's letter logs the case found, not
        the petitions the path matches."""
        case = self._accepted()
        self._denunciations(3)
        Case = self.env[case._name].with_user(self.officer)
        lines = self._logged(
            lambda: Case.search([("petition_id.summary", "ilike", "Cán bộ")])
        )
        self.assertLogged(lines, case, "search")

    def test_tc13_the_content_of_an_attachment_is_logged(self):
        """The letter is identity: reading the file of a confidential petition
        is logged (Odoo reads it even for its size alone)."""
        petition = self._denunciations()
        Attachment = self.env["ir.attachment"]
        attachment = self._petition_file(petition)
        as_officer = attachment.with_user(self.officer)
        lines = self._logged(lambda: as_officer.read(["datas"]))
        self.assertLogged(lines, petition.sender_ids, "attachment")
        partner = Attachment.create(
            {
                "name": "other.png",
                "raw": PNG,
                "res_model": "res.partner",
                "res_id": self.officer.partner_id.id,
            }
        )
        for action in (
            lambda: as_officer.sudo().read(["datas"]),
            lambda: partner.with_user(self.officer).read(["datas"]),
        ):
            self.assertFalse(self._logged(action))

    def test_tc13_the_log_is_read_by_leadership_and_changed_by_nobody(self):
        sender = self._denunciations().sender_ids
        line = self._logged(lambda: sender.with_user(self.officer).read(["name"]))
        self.assertEqual(line.with_user(self.users["leader"]).user_id, self.officer)
        for user in (self.officer, self.verifier):
            with self.assertRaises(AccessError):
                self.Log.with_user(user).search([])
        kept = "Nhật ký truy cập thông tin nhận dạng của công dân được giữ nguyên"
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("base.group_system"))
        values = {
            "user_id": self.officer.id,
            "res_model": sender._name,
            "res_id": sender.id,
        }
        for user in (self.officer, self.users["leader"], self.users["dv_admin"], admin):
            with self.subTest(user=user.login):
                as_user = line.with_user(user).with_context(lang="vi_VN")
                with self.assertRaisesRegex(UserError, kept):
                    as_user.write({"channel": "export"})
                with self.assertRaisesRegex(UserError, kept):
                    as_user.unlink()
                with self.assertRaisesRegex(UserError, kept):
                    as_user.create(values)
        # Not even the code's own sudo changes it.
        as_root = line.sudo().with_context(lang="vi_VN")
        with self.assertRaisesRegex(UserError, kept):
            as_root.write({"user_id": self.users["leader"].id})
        with self.assertRaisesRegex(UserError, kept):
            as_root.unlink()
        self.assertRecordValues(line, [{"user_id": self.officer.id, "channel": "read"}])


@tagged("post_install", "-at_install", "is_query_count")
class TestIdentityAccessQueries(IdentityAccessCommon):
    """Logging five persons costs the queries of logging one: one create per
    call, never one per person (TC-13)."""

    def _queries(self, action):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        action()
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def test_tc13_logging_many_costs_what_logging_one_costs(self):
        one = self._denunciations(1)
        many = self._denunciations(5)
        self.officer.groups_id = [
            Command.link(self.env.ref("base.group_allow_export").id)
        ]
        self.env["ir.attachment"].create(
            [
                {
                    "name": "don.png",
                    "raw": PNG,
                    "res_model": "danvan.petition",
                    "res_id": petition.id,
                }
                for petition in one | many
            ]
        )
        Sender = self.env["danvan.petition.sender"].with_user(self.officer)
        Attachment = self.env["ir.attachment"].with_user(self.officer)
        Petition = self.env["danvan.petition"].with_user(self.officer)
        channels = [
            ("read", lambda p: p.sender_ids.with_user(self.officer).read(["name"])),
            (
                "search",
                lambda p: Sender.search(
                    [("petition_id", "in", p.ids), ("name", "ilike", self.DENOUNCER)]
                ),
            ),
            (
                "group",
                lambda p: Sender._read_group(
                    [("petition_id", "in", p.ids)], ["name"], ["__count"]
                ),
            ),
            (
                "export",
                lambda p: p.with_user(self.officer).export_data(["sender_ids/name"]),
            ),
            (
                "attachment",
                lambda p: Attachment.search_read(
                    [("res_model", "=", p._name), ("res_id", "in", p.ids)], ["datas"]
                ),
            ),
            # The letter's, as a list of petitions loads it.
            ("read", lambda p: p.with_user(self.officer).read(["summary"])),
            (
                "search",
                lambda p: Petition.search(
                    [("id", "in", p.ids), ("summary", "ilike", "Tố cáo")]
                ),
            ),
            (
                "group",
                lambda p: Petition._read_group(
                    [("id", "in", p.ids)], ["summary"], ["__count"]
                ),
            ),
            ("export", lambda p: p.with_user(self.officer).export_data(["content"])),
        ]
        for index, (channel, action) in enumerate(channels):
            with self.subTest(channel=channel, index=index):
                self._queries(lambda action=action: action(one))  # warm the caches
                expected = self._queries(lambda action=action: action(one))
                self.env.invalidate_all()
                last = self.Log.search([], order="id desc", limit=1).id
                with self.assertQueryCount(expected):
                    action(many)
                lines = self.Log.search([("id", ">", last)])
                self.assertEqual(lines.mapped("channel"), [channel] * 5)

    def _list_page(self, Petition, petitions):
        """The page of the petitions' list the web client asks for, filtered
        on the letter, with the pager's count."""
        return Petition.web_search_read(
            [("id", "in", petitions.ids), ("summary", "ilike", "Tố cáo")],
            {"number": {}, "summary": {}, "state": {}},
            limit=80,
            count_limit=10001,
        )

    def test_tc13_a_list_page_logs_its_rows_once_whatever_the_matches(self):
        """A page of 80 rows over more matches logs the 80 rows shown, each
        once, and its queries do not grow with the matches: the pager's count
        is not logged."""
        Petition = self.env["danvan.petition"].with_user(self.officer)
        few = self._denunciations(81)
        many = self._denunciations(160)
        self._queries(lambda: self._list_page(Petition, few))  # warm the caches
        expected = self._queries(lambda: self._list_page(Petition, few))
        self.env.invalidate_all()
        last = self.Log.search([], order="id desc", limit=1).id
        with self.assertQueryCount(expected):
            page = self._list_page(Petition, many)
        self.assertEqual(page["length"], 160)
        shown = Petition.browse([row["id"] for row in page["records"]])
        self.assertLogged(self.Log.search([("id", ">", last)]), shown, "search")


@tagged("post_install", "-at_install")
class TestIdentityAccessHttp(HttpCase, IdentityAccessCommon):
    """Over HTTP: reads over RPC, a file downloaded, a printed page and the
    spreadsheet of the register are logged once, for the user they are served
    to (TC-13)."""

    def test_tc13_a_downloaded_attachment_is_logged_once(self):
        petition = self._denunciations()
        attachment = self._petition_file(petition)
        self.authenticate(self.officer.login, self.officer.login)
        for url in (f"/web/content/{attachment.id}", f"/web/image/{attachment.id}"):
            with self.subTest(url=url):
                lines = self._logged(lambda url=url: self._get(url))
                self.assertLogged(lines, petition.sender_ids, "attachment")

    def _get(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response

    def test_tc13_reads_over_rpc_are_logged_on_a_read_write_cursor(self):
        """Odoo 18 serves reads on a read-only cursor, where no line could be
        written: the reads of identity models get a read-write one."""
        petition = self._denunciations()
        sender = petition.sender_ids
        self.authenticate(self.officer.login, self.officer.login)
        calls = {
            "danvan.petition.sender": ("read", [sender.ids, ["name"]], {}),
            "danvan.petition": (
                "web_read",
                [petition.ids],
                {"specification": {"sender_ids": {"fields": {"name": {}}}}},
            ),
        }
        for model, (method, args, kwargs) in calls.items():
            with self.subTest(model=model):
                lines = self._logged(
                    lambda model=model, method=method, args=args, kwargs=kwargs: (
                        self.make_jsonrpc_request(
                            f"/web/dataset/call_kw/{model}/{method}",
                            {
                                "model": model,
                                "method": method,
                                "args": args,
                                "kwargs": kwargs,
                            },
                        )
                    )
                )
                self.assertLogged(lines, sender, "read")

    def test_tc13_a_printed_receipt_is_logged_as_a_document(self):
        visit = self._visit()
        self.authenticate(self.officer.login, self.officer.login)
        url = (
            f"/report/html/danvan_complaints.report_danvan_reception_receipt/{visit.id}"
        )
        lines = self._logged(lambda: self._get(url))
        # The documents handed over, as the receipt lists them, and who.
        self.assertLogged(lines, [visit, *visit.visitor_ids], "report")

    def test_tc13_the_register_spreadsheet_is_logged_as_an_export(self):
        visit = self._visit()
        self.authenticate(self.officer.login, self.officer.login)
        lines = self._logged(
            lambda: self._get(f"/danvan_complaints/register.xlsx?ids={visit.id}")
        )
        self.assertLogged(lines, [visit, *visit.visitor_ids], "export")

    def _cursor_modes(self, action):
        """Whether each request that ``action`` makes was served read-only,
        as the route decided it, and whether one had to be served again on
        a read-write cursor."""
        modes = []
        serve = Request._transactioning

        def spy(request, func, readonly):
            modes.append(readonly)
            return serve(request, func, readonly)

        with (
            patch.object(Request, "_transactioning", spy),
            self.assertNoLogs("odoo.http", "WARNING"),
        ):
            action()
        return modes

    def test_tc13_other_files_are_served_on_a_read_only_cursor(self):
        """An avatar, an icon, a logo is served as Odoo serves it, on a
        read-only cursor; the file of a petition is served on a read-write
        one, and its reading logged."""
        petition = self._denunciations()
        attachment = self._petition_file(petition)
        image = self.env["ir.attachment"].create(
            {"name": "banner.png", "raw": PNG, "public": True}
        )
        self.authenticate(self.officer.login, self.officer.login)
        avatar = f"/web/image/res.partner/{self.officer.partner_id.id}/avatar_128"
        for url in (avatar, f"/web/image/{image.id}"):
            with self.subTest(url=url):
                lines = self._logged(
                    lambda url=url: self.assertEqual(
                        self._cursor_modes(lambda: self._get(url)), [True]
                    )
                )
                self.assertFalse(lines)
        lines = self._logged(
            lambda: self.assertEqual(
                self._cursor_modes(
                    lambda: self._get(f"/web/content/{attachment.id}?download=1")
                ),
                [False],
            )
        )
        self.assertLogged(lines, petition.sender_ids, "attachment")

    def test_tc13_the_cursor_of_a_file_or_a_report_follows_its_model(self):
        """Read-write only for what may be of a record whose reading is
        logged: an attachment (by id or XML id), a field of a petition, visit,
        case or person, a report printing them."""
        registry = self.registry
        letter = self._petition_file(self._denunciations())
        image, view_image = self.env["ir.attachment"].create(
            [
                {"name": "banner.png", "raw": PNG, "public": True},
                {"name": "logo.png", "raw": PNG, "res_model": "ir.ui.view"},
            ]
        )
        binaries = {
            "/web/image/res.partner/3/avatar_128": False,
            "/web/image/res.users/2/avatar_128/64x64": False,
            "/web/content/res.company/1/logo/logo.png": False,
            "/web/image/danvan.petition.sender/1/name": True,
            "/web/content/danvan.petition/7/content": True,
            "/web/content/danvan.reception.visit/7/summary/visit.txt": True,
            "/web/content/ir.attachment/9/datas": True,
            f"/web/content/{letter.id}": True,
            f"/web/content/{letter.id}/don.pdf": True,
            f"/web/image/{letter.id}-abc123/64x64": True,
            # A website's images: their model logs nothing.
            f"/web/image/{image.id}": False,
            f"/web/image/{image.id}-abc123/64x64": False,
            f"/web/content/{view_image.id}/logo.png": False,
            f"/web/image/{image.id + view_image.id + letter.id}": False,
            "/web/image/web.image_placeholder": True,
        }
        for path, expected in binaries.items():
            with self.subTest(path=path):
                self.assertEqual(binary_reads_identity(registry, path, {}), expected)
        # The model and the id given as parameters.
        self.assertFalse(
            binary_reads_identity(registry, "/web/content", {"model": "res.partner"})
        )
        self.assertTrue(binary_reads_identity(registry, "/web/content", {"id": "9"}))
        reports = {
            "/report/html/danvan_complaints.report_danvan_reception_receipt/1": True,
            "/report/pdf/danvan_complaints.report_danvan_petition_letter/1,2": True,
            "/report/pdf/danvan_complaints.report_danvan_complaints_report/1": False,
            "/report/pdf/base.report_irmodulereference/1": False,
            "/report/pdf/no.such_report/1": False,
        }
        for path, expected in reports.items():
            with self.subTest(path=path):
                self.assertEqual(report_reads_identity(registry, path), expected)

    def test_tc13_the_preview_of_the_copy_is_read_on_a_read_write_cursor(self):
        """The web client reads the preview (``web_read``, read-only in Odoo
        18): making the copy reads the letter and its senders and logs it, so
        the request gets a read-write cursor at once, not after a failed
        write."""
        case = self._accepted()
        petition = case.petition_id
        action = petition.action_preview_redacted()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({})
        )
        self.authenticate(self.officer.login, self.officer.login)
        url = "/web/dataset/call_kw/danvan.redaction.preview/web_read"
        params = {
            "model": "danvan.redaction.preview",
            "method": "web_read",
            "args": [wizard.ids],
            "kwargs": {"specification": {"summary": {}, "content": {}}},
        }
        result = []
        lines = self._logged(
            lambda: result.extend(
                self._cursor_modes(
                    lambda: result.append(self.make_jsonrpc_request(url, params))
                )
            )
        )
        copy, mode = result
        self.assertEqual(mode, False)
        self.assertIn("cán bộ B thu tiền sai quy định", copy[0]["content"])
        self.assertNotIn(self.DENOUNCER, copy[0]["content"])
        self.assertLogged(lines, [petition, *petition.sender_ids], "redacted")
