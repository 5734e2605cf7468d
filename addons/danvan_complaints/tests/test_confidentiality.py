"""Confidentiality of every citizen received and of the letter (TCD-11, TC-12,
TC-13): each test plants a unique identity and looks for it in the whole
answer of every channel, as the users who may not see it."""

import json
import uuid
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CaseCommon

# Each model that holds the identity, with a domain on the planted token and
# the fields an attacker would group by or aggregate.
PLANTED = {
    "danvan.petition": ("content", ["summary", "content"]),
    "danvan.petition.sender": ("name", ["name", "phone", "address"]),
    "danvan.complaint": ("petition_id.content", ["summary"]),
    "danvan.denunciation": ("petition_id.content", ["summary", "petition_id"]),
    "danvan.reception.visit": ("summary", ["summary"]),
    "danvan.reception.visitor": ("name", ["name", "identity_number"]),
    "ir.attachment": ("name", ["name", "description"]),
}


@tagged("post_install", "-at_install")
class TestConfidentiality(HttpCase, CaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.token = uuid.uuid4().hex[:12]
        cls.name = f"Nguyễn Văn Bímật{cls.token}"
        cls.phone = f"09{int(cls.token[:8], 16) % 10**8:08d}"
        cls.letter = (
            f"<p>Tôi là {cls.name}, điện thoại {cls.phone}, mật{cls.token}.</p>"
        )
        cls.unit_reception = cls.env["hr.department"].create(
            {"name": "Ban Tiếp công dân"}
        )
        cls.unit_other = cls.env["hr.department"].create({"name": "Phòng Pháp chế"})
        cls.reception_head = cls._head("dvc_head_reception", cls.unit_reception)
        cls.other_head = cls._head("dvc_head_other", cls.unit_other)
        cls.attackers = {
            "other officer": cls.other_officer,
            "staff": cls.users["staff"],
            "head of another unit": cls.other_head,
        }

    @classmethod
    def _head(cls, login, unit):
        """The head of ``unit``, who also receives citizens."""
        head = new_test_user(
            cls.env,
            login=login,
            groups="danvan_base.group_danvan_unit_head,"
            "danvan_complaints.group_danvan_reception",
        )
        employee = cls.env["hr.employee"].create(
            {"name": head.name, "user_id": head.id, "department_id": unit.id}
        )
        unit.manager_id = employee
        return head

    def setUp(self):
        super().setUp()
        self.petitions = self._plant_petitions()
        self.complaint = self._plant_case("complaint")
        self.denunciation = self._plant_case("denunciation")
        self.visit = self._plant_visit()
        self.attachments = self._attach(
            self.petitions | self.complaint.petition_id, self.denunciation, self.visit
        )
        self.env.flush_all()
        self.env.invalidate_all()

    # Planting the identity

    def _sender(self):
        return Command.create(
            {
                "name": self.name,
                "address": f"Thôn {self.token}",
                "identity_number": "051190000123",
                "phone": self.phone,
                "email": f"bimat{self.token}@example.invalid",
            }
        )

    def _plant_petitions(self):
        """TCD-11: unknown, mixed, petition and denunciation content alike."""
        return (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                [
                    {
                        "summary": "Đơn của công dân",
                        "date_received": date(2026, 7, 6),
                        "department_id": self.unit_reception.id,
                        "petition_type": petition_type,
                        "content": self.letter,
                        "sender_ids": [self._sender()],
                    }
                    for petition_type in (False, "mixed", "petition", "denunciation")
                ]
            )
        )

    def _plant_case(self, petition_type):
        case = self._case(
            petition_type,
            received=date(2026, 7, 6),
            content=self.letter,
            sender_ids=[self._sender()],
            department_id=self.unit_reception.id,
        )
        self.assertTrue(case)
        return case

    def _plant_visit(self):
        return (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create(
                {
                    "date": date(2026, 7, 6),
                    "summary": f"Công dân trình bày: mật{self.token}",
                    "visitor_ids": [
                        Command.create(
                            {"name": self.name, "identity_number": self.phone}
                        )
                    ],
                }
            )
        )

    def _attach(self, *record_sets):
        """The scanned letter of each record, named and filled with the token."""
        return (
            self.env["ir.attachment"]
            .with_user(self.officer)
            .create(
                [
                    {
                        "name": f"don-{self.token}.txt",
                        "description": self.name,
                        "raw": f"Thư gốc của {self.name}".encode(),
                        "mimetype": "text/plain",
                        "res_model": record._name,
                        "res_id": record.id,
                    }
                    for records in record_sets
                    for record in records
                ]
            )
        )

    def _planted_ids(self, model):
        return {
            "danvan.petition": (
                self.petitions
                | self.complaint.petition_id
                | self.denunciation.petition_id
            ).ids,
            "danvan.petition.sender": (
                self.petitions
                | self.complaint.petition_id
                | self.denunciation.petition_id
            ).sender_ids.ids,
            "danvan.complaint": self.complaint.ids,
            "danvan.denunciation": self.denunciation.ids,
            "danvan.reception.visit": self.visit.ids,
            "danvan.reception.visitor": self.visit.visitor_ids.ids,
            "ir.attachment": self.attachments.ids,
        }[model]

    # Looking for it

    def _answer(self, call):
        """The whole answer of ``call`` as text; a refusal answers nothing."""
        self.env.invalidate_all()
        try:
            return json.dumps(call(), default=str, ensure_ascii=False)
        except AccessError:
            return ""

    def _rpc_answers(self, user, model):
        field, fnames = PLANTED[model]
        Model = self.env[model].with_user(user)
        ids = self._planted_ids(model)
        domain = [(field, "ilike", self.token)]
        stored = [fname for fname in fnames if Model._fields[fname].store]
        return {
            "read": lambda: Model.browse(ids).read(),
            "search_read": lambda: Model.search_read([]),
            "search_count": lambda: Model.search_count(domain) or "",
            "search on the token": lambda: Model.search(domain).ids,
            # A field computed for its reader is not grouped on at all.
            "read_group by identity": lambda: [
                Model.read_group([], [f"{fname}:max" for fname in stored], [fname])
                for fname in stored
            ],
            "web_read": lambda: Model.browse(ids).web_read({f: {} for f in fnames}),
            "web_search_read": lambda: Model.web_search_read(
                [], {f: {} for f in fnames}
            ),
            "export_data": lambda: Model.browse(ids).export_data(fnames),
            "name_search": lambda: Model.name_search(self.token)
            + Model.name_search(self.name),
        }

    def _assert_unseen(self, user, answer, channel):
        for secret in (self.token, self.phone):
            self.assertNotIn(secret, answer, f"{user.login} via {channel}")

    def test_tcd11_no_identity_or_letter_reaches_who_may_not_see_it(self):
        export = self.env.ref("base.group_allow_export")
        for who, user in self.attackers.items():
            user.groups_id = [Command.link(export.id)]
            for model in PLANTED:
                for channel, call in self._rpc_answers(user, model).items():
                    with self.subTest(who=who, model=model, channel=channel):
                        self._assert_unseen(user, self._answer(call), channel)

    def test_tcd11_the_sender_rows_and_the_letter_follow_the_same_rule(self):
        """Through the petition's own fields too: its senders, its files."""
        spec = {
            "content": {},
            "sender_ids": {"fields": {"name": {}, "phone": {}}},
            "attachment_ids": {"fields": {"name": {}}},
        }
        petitions = self.petitions.with_user(self.other_officer)
        self._assert_unseen(
            self.other_officer,
            self._answer(lambda: petitions.web_read(spec)),
            "web_read of the senders",
        )
        Sender = self.env["danvan.petition.sender"].with_user(self.other_officer)
        self.assertFalse(Sender.search([("petition_id", "in", self.petitions.ids)]))

    def test_tcd11_the_assigned_officer_and_leadership_see_it(self):
        for user in (self.officer, self.users["leader"]):
            for model in PLANTED:
                with self.subTest(user=user.login, model=model):
                    field = PLANTED[model][0]
                    records = (
                        self.env[model]
                        .with_user(user)
                        .search([(field, "ilike", self.token)])
                    )
                    self.assertEqual(
                        set(records.ids), set(self._planted_ids(model)), model
                    )
        self.env.invalidate_all()
        senders = self.petitions.with_user(self.officer).sender_ids
        self.assertEqual(set(senders.mapped("phone")), {self.phone})

    def test_tc13_the_case_handler_sees_the_complainant(self):
        """A complaint case handed to another officer: its handler reads the
        petition and its sender, the petition's first officer still does."""
        self.complaint.with_user(self.reception_head).handler_id = self.other_officer
        self.env.invalidate_all()
        petition = self.complaint.petition_id.with_user(self.other_officer)
        self.assertIn(self.token, petition.content)
        self.assertEqual(petition.sender_ids.phone, self.phone)

    # Over HTTP

    def _call_kw(self, model, method, args, kwargs=None):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        return self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        ).text

    def _http_answers(self, senders=True):
        """Each way to the files and the letter; ``senders`` adds a search of
        the sender rows."""
        petition = self.petitions[-1]
        answers = []
        for attachment in self.attachments:
            answers += [
                self.url_open(f"/web/content/{attachment.id}").text,
                self.url_open(f"/web/content/{attachment.id}?download=true").text,
                self.url_open(f"/web/image/{attachment.id}").text,
                self.url_open(f"/web/image/ir.attachment/{attachment.id}/raw").text,
            ]
        answers += [
            self._call_kw(
                "danvan.petition",
                "search_read",
                [[("content", "ilike", self.token)]],
                {"fields": ["content", "sender_ids"]},
            ),
            self._call_kw("danvan.petition", "read", [petition.ids, ["content"]]),
            self._call_kw(
                "ir.attachment",
                "search_read",
                [[("name", "ilike", self.token)]],
                {"fields": ["name", "description", "raw"]},
            ),
        ]
        if senders:
            answers.append(
                self._call_kw(
                    "danvan.petition.sender",
                    "search_read",
                    [[("name", "ilike", self.token)]],
                    {"fields": ["name", "phone"]},
                )
            )
        return "\n".join(answers)

    def test_tcd11_no_identity_over_http_to_who_may_not_see_it(self):
        for who, user in self.attackers.items():
            with self.subTest(who=who):
                self.authenticate(user.login, user.login)
                self._assert_unseen(user, self._http_answers(), "HTTP")
        # The same requests of the assigned officer do carry it: the test
        # looks where the identity is.
        self.authenticate(self.officer.login, self.officer.login)
        self.assertIn(self.token, self._http_answers(senders=False))

    # No self-service unmasking

    def _vi(self, records, user):
        """``records`` as ``user`` working in Vietnamese."""
        return records.with_user(user).with_context(lang="vi_VN")

    def test_tcd11_an_officer_cannot_assign_himself(self):
        petition = self.petitions[-1]
        for user in (self.other_officer, self.officer):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(AccessError, "chỉ lãnh đạo"):
                    self._vi(petition, user).handler_id = self.other_officer
                with self.assertRaisesRegex(AccessError, "chỉ lãnh đạo"):
                    self._vi(self.denunciation, user).handler_id = self.other_officer
                with self.assertRaisesRegex(AccessError, "chỉ lãnh đạo"):
                    self._vi(self.visit, user).officer_id = self.other_officer
        with self.assertRaises(AccessError):
            petition.with_user(self.other_head).handler_id = self.other_head
        self.assertEqual(petition.handler_id, self.officer)
        self.assertEqual(self.denunciation.handler_id, self.officer)
        self.assertEqual(self.visit.officer_id, self.officer)
        with self.assertRaises(AccessError):
            self.petitions.with_user(self.other_officer).read(["content"])

    def test_tcd11_the_head_of_the_handling_unit_reassigns_and_it_is_tracked(self):
        self.env.cr.precommit.run()  # as if created in an earlier request
        petition = self.petitions[-1].with_context(
            tracking_disable=False, mail_notrack=False
        )
        petition.with_user(self.reception_head).handler_id = self.other_officer
        self.visit.with_user(self.users["leader"]).officer_id = self.other_officer
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = petition.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "handler_id"
        )
        self.assertEqual(tracked.new_value_integer, self.other_officer.id)
        self.assertEqual(
            tracked.mail_message_id.author_id, self.reception_head.partner_id
        )
        self.env.invalidate_all()
        self.assertIn(self.token, petition.with_user(self.other_officer).content)
        # Who now handles it reads no earlier reading of the identity.
        with self.assertRaises(AccessError):
            self.env["danvan.identity.access"].with_user(self.other_officer).search([])

    def test_tc13_the_steps_of_a_case_follow_the_case(self):
        """A step's note (what was withdrawn, why it stopped) names the
        citizen: only those who read the case read its steps."""
        Event = self.env["danvan.case.event"]
        events = Event.sudo().create(
            [
                {
                    "res_model": case._name,
                    "res_id": case.id,
                    "kind": "suspension",
                    "date": date(2026, 7, 20),
                    "note": f"{self.name} xin tạm dừng, mật{self.token}",
                }
                for case in (self.complaint, self.denunciation)
            ]
        )
        domain = [("note", "ilike", self.token)]
        for login, user in self.attackers.items():
            with self.subTest(user=login):
                try:
                    found = Event.with_user(user).search(domain)
                except AccessError:  # staff have no right on the steps at all
                    found = Event
                self.assertFalse(found)
                with self.assertRaises(AccessError):
                    events.with_user(user).read(["note"])
        self.assertEqual(Event.with_user(self.officer).search(domain), events)
        self.assertEqual(Event.with_user(self.users["leader"]).search(domain), events)

    def test_tc12_a_case_opened_by_hand_unmasks_nobody(self):
        """An unassigned officer opens no case on another's petition to read
        its letter, and a handler does not point his case at another petition."""
        petition = self.denunciation.petition_id
        Denunciation = self.env["danvan.denunciation"]
        with self.assertRaises(AccessError):
            Denunciation.with_user(self.other_officer).create(
                {"petition_id": petition.id}
            )
        self.assertEqual(
            Denunciation.search_count([("petition_id", "=", petition.id)]), 1
        )
        with self.assertRaises(AccessError):
            self.denunciation.with_user(
                self.officer
            ).petition_id = self.complaint.petition_id
        self.assertEqual(self.denunciation.petition_id, petition)

    def test_tc13_the_case_copy_prints_for_who_reads_the_case_only(self):
        """The copy without the denouncer is printed from the case by those who
        may read the case, never by naming its report and any case id."""
        wizard = self._confirm_redacted(self.denunciation.petition_id)
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        name = "danvan_complaints.report_danvan_denunciation_redacted"
        for login, user in self.attackers.items():
            # Refused inside the template: QWeb wraps the access error.
            with self.subTest(user=login), self.assertRaises(Exception) as refused:
                Report.with_user(user)._render_qweb_html(name, self.denunciation.ids)
            error = refused.exception
            self.assertIsInstance(error.__cause__ or error, AccessError)
            # Nor the officer's preview, with the other persons he removed.
            with self.subTest(user=login), self.assertRaises(AccessError):
                wizard.with_user(user).read(["redact_terms", "content"])
        html = (
            Report.with_user(self.officer)
            ._render_qweb_html(name, self.denunciation.ids)[0]
            .decode()
        )
        self.assertNotIn(self.name, html)

    def test_tc12_reclassifying_a_denunciation_keeps_it_confidential(self):
        petition = self.petitions[-1]
        with self.assertRaisesRegex(AccessError, "chỉ lãnh đạo"):
            self._vi(petition, self.officer).petition_type = "petition"
        self.assertEqual(petition.petition_type, "denunciation")
        # Leadership may reclassify it: its sender stays a denouncer.
        petition.with_user(self.users["leader"]).petition_type = "petition"
        petition.with_user(self.users["leader"]).was_denunciation = False
        self.assertTrue(petition.was_denunciation)
        self.assertTrue(petition.sender_ids.is_confidential)
        self.assertTrue(petition._letter_values()["confidential"])
        self._confirm_redacted(petition)
        petition.with_user(self.officer).action_print_redacted()
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            petition.with_user(self.other_officer).read(["content"])
        Sender = self.env["danvan.petition.sender"].with_user(self.other_officer)
        self.assertFalse(Sender.search([("name", "ilike", self.token)]))

    def test_tcd11_confidentiality_is_not_lifted_by_hand(self):
        """The old rules still show a person marked not confidential."""
        senders = self.petitions.with_user(self.officer).sender_ids
        with self.assertRaisesRegex(AccessError, "tự ý bỏ"):
            self._vi(senders, self.officer).is_confidential = False
        with self.assertRaisesRegex(AccessError, "tự ý bỏ"):
            self._vi(self.visit.visitor_ids, self.officer).is_confidential = False
        self.assertTrue(all(senders.sudo().mapped("is_confidential")))

    def test_tcd11_a_first_classification_is_the_officers_work(self):
        unknown = self.petitions[0].with_user(self.officer)
        unknown.petition_type = "complaint"
        self.assertEqual(unknown.petition_type, "complaint")

    # The verification team (TC-13)

    def _team_case(self):
        """A denunciation whose summary, chatter, steps and files name the
        denouncer, with its verification team and its confirmed copy."""
        case = self._case(
            "denunciation",
            received=date(2026, 7, 6),
            summary=f"Ông {self.name} ({self.phone}) tố cáo cán bộ B",
            content=self.letter,
            sender_ids=[self._sender()],
            department_id=self.unit_reception.id,
        )
        # A reception officer: he has the rights on petitions and steps, and
        # only the rules keep him from the letter.
        member = new_test_user(
            self.env,
            login="dvc_team_h2",
            groups="danvan_complaints.group_danvan_reception",
        )
        case.team_member_ids = member
        case.with_user(self.officer).message_post(
            body=f"Đã gọi {self.name} theo số {self.phone}",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        case.sudo()._log_event(
            "suspension", date(2026, 7, 20), note=f"{self.name} xin tạm dừng"
        )
        self._attach(case)
        self._confirm_redacted(case.petition_id)
        # The officer's words on what the denouncer withdrew name him.
        withdrawn = f"{self.name} ({self.phone}) rút một phần tố cáo"
        case.with_user(self.officer).withdrawn_content = withdrawn
        self.env.flush_all()
        return case, member

    def _assert_no_denouncer(self, answer, channel):
        """Neither the denouncer's name nor his phone: the rest of the letter
        (the planted token alone) reaches the team in its copy."""
        for secret in (f"Bímật{self.token}", self.phone):
            self.assertNotIn(secret, answer, f"the team via {channel}")

    def test_tc13_the_verification_team_reads_no_identity_of_its_case(self):
        case, member = self._team_case()
        member.groups_id = [Command.link(self.env.ref("base.group_allow_export").id)]
        Case = self.env["danvan.denunciation"].with_user(member)
        mine = Case.browse(case.ids)
        # Every field he may read, and what was withdrawn as it is kept.
        fnames = [
            fname
            for fname, field in Case.fields_get(attributes=["type"]).items()
            if field["type"] not in ("binary", "many2many", "one2many")
        ]
        self.assertIn("withdrawn_content", fnames)
        spec = {
            "summary": {},
            "petition_id": {"fields": {"display_name": {}, "summary": {}}},
            "message_ids": {"fields": {"body": {}}},
            "attachment_ids": {"fields": {"name": {}, "description": {}}},
            "event_ids": {"fields": {"note": {}}},
            "withdrawn_content": {},
        }
        domain = [("res_model", "=", case._name), ("res_id", "=", case.id)]
        on_case = [("model", "=", case._name), ("res_id", "=", case.id)]
        calls = {
            "read": lambda: mine.read(fnames),
            "search_read": lambda: Case.search_read([], fnames),
            "web_read": lambda: mine.web_read(spec),
            "read_group": lambda: Case.read_group(
                [], ["petition_id"], ["petition_id", "state"], lazy=False
            ),
            "export_data": lambda: mine.export_data(
                ["summary", "number", "petition_id", "withdrawn_content"]
            ),
            "what was withdrawn, as kept": lambda: mine.read(["withdrawn_note"]),
            "search_read of what was withdrawn, as kept": lambda: Case.search_read(
                [("withdrawn_note", "ilike", self.token)], ["withdrawn_note"]
            ),
            "read_group on what was withdrawn, as kept": lambda: Case.read_group(
                [], ["withdrawn_note"], ["withdrawn_note"], lazy=False
            ),
            "export of what was withdrawn, as kept": lambda: mine.export_data(
                ["withdrawn_note"]
            ),
            "name_search": lambda: Case.name_search(self.token)
            + Case.name_search(self.name),
            "search on the summary": lambda: Case.search(
                [("summary", "ilike", self.token)]
            ).ids,
            "messages": lambda: self.env["mail.message"]
            .with_user(member)
            .search_read(on_case, ["body"]),
            "messages by id": lambda: self.env["mail.message"]
            .with_user(member)
            .browse(case.message_ids.ids)
            .read(["body"]),
            "files": lambda: self.env["ir.attachment"]
            .with_user(member)
            .search_read(domain, ["name", "description", "raw"]),
            "files by id": lambda: self.env["ir.attachment"]
            .with_user(member)
            .browse(self.env["ir.attachment"].search(domain).ids)
            .read(["name", "description"]),
            "steps": lambda: self.env["danvan.case.event"]
            .with_user(member)
            .search_read([("res_id", "=", case.id)], ["note"]),
        }
        calls.update(
            {
                f"web_read of {fname}": lambda fname=fname, sub=sub: mine.web_read(
                    {fname: sub}
                )
                for fname, sub in spec.items()
            }
        )
        for channel, call in calls.items():
            with self.subTest(channel=channel):
                self._assert_no_denouncer(self._answer(call), channel)
        # The notice of acceptance, addressed to the denouncer, is refused
        # to him (inside the template: QWeb wraps the access error).
        Report = self.env["ir.actions.report"].with_user(member)
        notice = "danvan_complaints.report_danvan_denunciation_acceptance"
        with self.assertRaises(Exception) as refused:
            Report._render_qweb_html(notice, case.ids)
        error = refused.exception
        self.assertIsInstance(error.__cause__ or error, AccessError)
        # His copy, printed over HTTP, names nobody.
        self.authenticate(member.login, member.login)
        response = self.url_open(
            "/report/html/danvan_complaints.report_danvan_denunciation_redacted/"
            f"{case.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("tố cáo cán bộ B", response.text)
        self._assert_no_denouncer(response.text, "the copy")
        # He opens his case's form, its chatter and files empty to him.
        self.env.invalidate_all()
        views = Case.get_views([(False, "form")])
        form_fields = views["models"][case._name]["fields"]
        form = mine.web_read({fname: {} for fname in form_fields})
        self.assertEqual(form[0]["number"], case.number)
        self._assert_no_denouncer(
            json.dumps(form, default=str, ensure_ascii=False), "the form"
        )
        # He reads the summary of the copy; the handler reads the letter's.
        self.env.invalidate_all()
        self.assertIn("tố cáo cán bộ B", mine.summary)
        self.assertEqual(mine.summary, case.petition_id.sudo().redacted_summary)
        handled = case.with_user(self.officer)
        self.assertIn(self.token, handled.summary)
        self.assertIn(self.token, handled.withdrawn_content)
        self.assertFalse(mine.withdrawn_content)
        self.assertEqual(
            handled.search([("summary", "ilike", self.token)]),
            case.with_user(self.officer),
        )
        self.assertIn(self.token, str(handled.message_ids.mapped("body")))
        self.assertIn(self.token, str(handled.event_ids.mapped("note")))
        self.assertTrue(
            handled.attachment_ids | handled.env["ir.attachment"].search(domain)
        )

    # Reassignment leaves no old reader behind (TCD-11)

    def _mails_to(self, message, user):
        """The notifications and e-mails of ``message`` sent to ``user``."""
        partner = user.partner_id
        notifications = self.env["mail.notification"].search(
            [("mail_message_id", "=", message.id), ("res_partner_id", "=", partner.id)]
        )
        mails = self.env["mail.mail"].search(
            [("mail_message_id", "=", message.id), ("recipient_ids", "in", partner.ids)]
        )
        return notifications, mails

    def test_tcd11_reassignment_unsubscribes_who_may_no_longer_read(self):
        leader = self.users["leader"]
        petition = self.petitions[-1].with_context(
            tracking_disable=False, mail_notrack=False
        )
        records = (
            (petition, "handler_id"),
            (self.complaint.with_context(tracking_disable=False), "handler_id"),
            (self.visit.with_context(tracking_disable=False), "officer_id"),
        )
        for record, fname in records:
            record = record.sudo()
            with self.subTest(model=record._name):
                # The officer follows it, as its creator and handler.
                record.message_subscribe(self.officer.partner_id.ids)
                record.with_user(leader)[fname] = self.other_officer
                if record._name == "danvan.complaint":
                    # He still handles its petition, so still reads the case:
                    # the petition too is handed over.
                    record.petition_id.with_user(leader).handler_id = self.other_officer
                self.env.flush_all()
                self.env.invalidate_all()
                followers = record.message_partner_ids
                self.assertNotIn(self.officer.partner_id, followers)
                self.assertIn(self.other_officer.partner_id, followers)
                with self.assertRaises(AccessError):
                    record.with_user(self.officer).read([fname])
                # Named on a later message, he is sent nothing of it.
                message = record.with_user(leader).message_post(
                    body=f"Ghi chú về đơn, mật{self.token}",
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=self.officer.partner_id.ids,
                )
                notifications, mails = self._mails_to(message, self.officer)
                self.assertFalse(notifications)
                self.assertFalse(mails)
                self.assertTrue(self._mails_to(message, self.other_officer)[0])
