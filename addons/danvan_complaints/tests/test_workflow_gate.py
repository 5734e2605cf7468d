"""The workflow gate on every record of the complaints addon, as each role
reaches it through RPC (issue 12): the states move by the buttons only, for
the roles that make each move; a locked record keeps its fields; what the law
keeps, and its lines, is never deleted nor rewritten (TCD-13, XLD-9, KN-9,
TC-10, TC-11, TC-13, BC-1)."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CaseCommon

# The roles of the tests, by their name in ``users`` (``other`` is a reception
# officer who does not handle the records).
ROLES = ("reception", "other", "unit_head", "office", "leader", "dv_admin")


@tagged("post_install", "-at_install")
class TestWorkflowGate(CaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = dict(cls.users, other=cls.other_officer)
        cls.today = fields.Date.context_today(cls.env.user)
        day = cls.today + timedelta(days=1)
        while not cls.env["danvan.holiday"].is_working_day(day):
            day += timedelta(days=1)
        cls.working_day = day
        cls.place = cls.env["danvan.reception.place"].create(
            {"name": "Phòng tiếp công dân"}
        )

    # Records in each state, made by the reception officer ------------------

    def _petition(self):
        return (
            self.env["danvan.petition"]
            .with_user(self.officer)
            .create(
                {
                    "summary": "Phản ánh chậm cấp giấy phép",
                    "date_received": self.today,
                    "petition_type": "petition",
                    "qualified": "yes",
                    "outcome": "answer",
                    "sender_ids": [Command.create({"name": self.DENOUNCER})],
                }
            )
        )

    def _processed_petition(self):
        petition = self._petition()
        petition.action_classify()
        petition.action_process()
        return petition

    def _complaint(self):
        case = self._case("complaint", received=self.today).with_user(self.officer)
        case.acceptance_reference = "12/TB-SKHCN"
        return case

    def _denunciation(self):
        case = self._case("denunciation", received=self.today).with_user(self.officer)
        case.write(
            {
                "denounced": "Ông Lê Văn B",
                "accepted_content": "Thu tiền sai quy định",
                "acceptance_reference": "08/QĐ-SKHCN",
            }
        )
        return case

    def _closed_complaint(self):
        case = self._complaint()
        case.action_accept()
        case.write(
            {
                "settlement_number": "45/QĐ-SKHCN",
                "date_settled": self.today,
                "respondent": "Phòng Quản lý Khoa học",
                "verification_result": "<p>Việc thu tiền có căn cứ.</p>",
                "legal_basis": "Điều 28 Luật Khiếu nại",
                "conclusion": "wrong",
                "measure": "keep",
            }
        )
        case.action_settle()
        case.write(
            {
                "date_sent": self.today,
                "publication_method": "posting",
                "date_published": self.today,
            }
        )
        case.action_close()
        return case

    def _visit(self):
        return (
            self.env["danvan.reception.visit"]
            .with_user(self.officer)
            .create(
                {
                    "date": self.today,
                    "summary": "Hỏi về thủ tục",
                    "petition_type": "petition",
                    "path": "answer",
                    "visitor_ids": [
                        Command.create(
                            {
                                "name": "Lê Thị Cúc",
                                "address": "Thôn 5",
                                "identity_number": "051234567890",
                            }
                        )
                    ],
                }
            )
        )

    def _recorded_visit(self):
        visit = self._visit()
        visit.action_record()
        return visit

    def _session(self):
        return (
            self.env["danvan.reception.session"]
            .with_user(self.officer)
            .create(
                {
                    "kind": "unscheduled",
                    "date": self.working_day,
                    "place_id": self.place.id,
                }
            )
        )

    def _held_session(self):
        session = self._session()
        session.action_held()
        return session

    def _report(self):
        return (
            self.env["danvan.complaints.report"]
            .with_user(self.officer)
            .create({"period_kind": "q1", "year": self.today.year + 1})
        )

    def _submitted_report(self):
        report = self._report()
        report.action_submit()
        return report

    def _issued_report(self):
        report = self._submitted_report()
        report.with_user(self.users["leader"]).action_issue()
        return report

    # Transitions --------------------------------------------------------

    def test_each_move_is_made_by_its_roles_only(self):
        """(record, action, target, roles that make the move); every other
        role gets an AccessError and the record stays as it was."""
        everyone_who_handles = {"reception", "leader", "dv_admin"}
        reception = {"reception", "other", "dv_admin"}
        leadership = {"leader", "dv_admin"}
        table = (
            (self._petition, "action_classify", "classified", everyone_who_handles),
            (self._complaint, "action_accept", "accepted", everyone_who_handles),
            (self._denunciation, "action_accept", "accepted", everyone_who_handles),
            (self._visit, "action_record", "recorded", {"reception", "dv_admin"}),
            (self._session, "action_held", "held", reception),
            (self._session, "action_cancel", "cancelled", reception),
            (self._report, "action_submit", "submitted", reception),
            (self._submitted_report, "action_issue", "issued", leadership),
            (self._submitted_report, "action_back_to_draft", "draft", leadership),
        )
        for make, action, target, allowed in table:
            for role in ROLES:
                record = make()
                before = record.sudo().state
                with self.subTest(model=record._name, action=action, role=role):
                    as_role = record.with_user(self.users[role])
                    if role in allowed:
                        getattr(as_role, action)()
                        self.assertEqual(record.sudo().state, target)
                    else:
                        with self.assertRaises(AccessError):
                            getattr(as_role, action)()
                        record.invalidate_recordset()
                        self.assertEqual(record.sudo().state, before)

    def test_no_role_writes_the_state(self):
        """A plain write of the state skips the checks and the role of the
        move: refused for every role, the administrator included."""
        table = (
            (self._petition, "processed"),
            (self._complaint, "closed"),
            (self._denunciation, "settled"),
            (self._visit, "recorded"),
            (self._session, "held"),
            (self._report, "issued"),
        )
        for make, target in table:
            record = make()
            before = record.sudo().state
            for role in ROLES:
                with self.subTest(model=record._name, role=role):
                    with self.assertRaises(UserError):
                        record.with_user(self.users[role]).write({"state": target})
                    record.invalidate_recordset()
                    self.assertEqual(record.sudo().state, before)

    # Locked records -----------------------------------------------------

    def test_a_locked_record_keeps_its_fields(self):
        """(record, a field of it): refused for every role; its followers
        and its archiving stay open to who may write it."""
        table = (
            (self._processed_petition, "summary"),
            (self._closed_complaint, "respondent"),
            (self._recorded_visit, "summary"),
            (self._held_session, "planned_content"),
            (self._issued_report, "assessment"),
        )
        for make, fname in table:
            record = make()
            before = record.sudo()[fname]
            for role in ROLES:
                with self.subTest(model=record._name, role=role):
                    with self.assertRaises(UserError):
                        record.with_user(self.users[role]).write({fname: "Sửa lại"})
                    record.invalidate_recordset()
                    self.assertEqual(record.sudo()[fname], before)
            with self.subTest(model=record._name, free="followers, active"):
                admin = record.with_user(self.users["dv_admin"])
                admin.message_subscribe(self.users["office"].partner_id.ids)
                self.assertIn(
                    self.users["office"].partner_id, record.sudo().message_partner_ids
                )
                admin.action_archive()
                self.assertFalse(record.sudo().active)

    def test_tc6_an_extension_goes_through_the_gate(self):
        """Extended while being settled only: the gate locks its row and
        checks its state; a closed case is not extended."""
        case = self._denunciation()
        case.complexity = "complex"
        case.action_accept()
        self._case_step(case, "extend", self.today)
        self.assertEqual((case.state, case.extension_count), ("accepted", 1))
        case.sudo()._transition("action_settle")
        with self.assertRaises(UserError):
            self._case_step(case, "extend", self.today)
        self.assertEqual(case.extension_count, 1)

    # What the law keeps -------------------------------------------------

    def test_kept_records_are_never_deleted(self):
        """By any role, the administrator and the superuser included."""
        table = (
            self._petition,
            self._processed_petition,
            self._complaint,
            self._closed_complaint,
            self._recorded_visit,
            self._held_session,
            self._submitted_report,
            self._issued_report,
        )
        for make in table:
            record = make()
            for user in (*(self.users[role] for role in ROLES), None):
                with self.subTest(model=record._name, user=user and user.login):
                    target = record.with_user(user) if user else record.sudo()
                    with self.assertRaises(UserError):
                        target.unlink()
                    self.assertTrue(record.exists())

    def test_a_draft_may_still_be_deleted(self):
        for make, user in (
            (self._visit, self.officer),
            (self._session, self.users["dv_admin"]),
            (self._report, self.users["dv_admin"]),
        ):
            record = make()
            with self.subTest(model=record._name):
                record.with_user(user).unlink()
                self.assertFalse(record.exists())

    def test_the_lines_of_a_kept_record_are_kept(self):
        """Senders, citizens received, figures: not added, rewritten nor
        deleted once their record is locked, by any role; case events never
        rewritten nor deleted."""
        petition = self._processed_petition()
        visit = self._recorded_visit()
        report = self._issued_report()
        case = self._closed_complaint()
        table = (
            (petition.sender_ids, "name", "petition_id", petition),
            (visit.visitor_ids, "name", "visit_id", visit),
            (report.line_ids[:1], "name", "report_id", report),
        )
        for lines, fname, parent, record in table:
            for role in ROLES:
                user = self.users[role]
                with self.subTest(model=lines._name, role=role):
                    with self.assertRaises(UserError):
                        lines.with_user(user).write({fname: "Sửa lại"})
                    with self.assertRaises(UserError):
                        lines.with_user(user).unlink()
                    with self.assertRaises(UserError):
                        lines.with_user(user).create(
                            {
                                **lines.sudo().copy_data()[0],
                                fname: "Thêm",
                                parent: record.id,
                            }
                        )
                    self.assertTrue(lines.exists())
        events = case.sudo().event_ids
        self.assertTrue(events)
        for role in ROLES:
            with self.subTest(model=events._name, role=role):
                with self.assertRaises(UserError):
                    events.with_user(self.users[role]).write({"note": "Sửa lại"})
                with self.assertRaises(UserError):
                    events.with_user(self.users[role]).unlink()
        self.assertEqual(len(case.sudo().event_ids), len(events))

    def test_tc11_no_role_records_a_case_event_by_hand(self):
        """A decision or a publication is recorded by the case's step only:
        no role adds one to a case it reads, a locked one included."""
        case = self._closed_complaint()
        events = case.sudo().event_ids
        self.assertEqual(events.mapped("user_id"), self.officer)
        for role in ROLES:
            for kind in ("decision", "publication"):
                with self.subTest(role=role, kind=kind):
                    with self.assertRaises(UserError):
                        self.env["danvan.case.event"].with_user(
                            self.users[role]
                        ).create(
                            {
                                "res_model": case._name,
                                "res_id": case.id,
                                "kind": kind,
                                "date": self.today,
                                "reference": "99/QĐ-GIẢ",
                            }
                        )
        self.assertEqual(case.sudo().event_ids, events)

    def test_a_recorded_visit_or_held_session_is_copied_as_a_draft(self):
        """The copy starts the workflow again (TCD-13): the gate would refuse
        a copy carrying the state, which Odoo resets as for any field named
        ``state``."""
        for make, user, draft in (
            (self._recorded_visit, self.officer, "draft"),
            (self._held_session, self.officer, "planned"),
        ):
            record = make()
            with self.subTest(model=record._name):
                copy = record.with_user(user).copy()
                self.assertEqual(copy.state, draft)
                self.assertNotEqual(record.state, draft)

    def test_a_place_keeps_its_held_sessions(self):
        """A place where sessions were held cannot be deleted; one never used
        can (TCD-13). Uninstalling the addon still removes both, by the
        database's cascade."""
        session = self._held_session()
        with self.assertRaises(UserError):
            self.place.with_user(self.users["dv_admin"]).unlink()
        self.assertTrue(session.exists())
        unused = self.env["danvan.reception.place"].create({"name": "Phòng họp 2"})
        unused.with_user(self.users["dv_admin"]).unlink()
        self.assertFalse(unused.exists())

    def test_the_pdf_of_an_issued_report_is_kept(self):
        report = self._issued_report()
        pdf = self.env["ir.attachment"].create(
            {
                "name": "BC.pdf",
                "res_model": report._name,
                "res_id": report.id,
                "raw": b"%PDF-1.4",
            }
        )
        for role in ("reception", "leader", "dv_admin"):
            with self.subTest(role=role):
                with self.assertRaises(UserError):
                    pdf.with_user(self.users[role]).write({"raw": b"%PDF-1.5"})
                with self.assertRaises(UserError):
                    pdf.with_user(self.users[role]).unlink()
        self.assertTrue(pdf.exists())

    # Confidentiality ----------------------------------------------------

    def test_tc13_the_copy_without_the_denouncer_is_made_by_its_preview_only(self):
        """A plain write of the confirmed copy would send the team a copy
        nobody read; the preview's confirmation writes it and says so."""
        case = self._denunciation()
        petition = case.petition_id
        for role in ("reception", "leader", "dv_admin"):
            with self.subTest(role=role):
                with self.assertRaises(UserError):
                    petition.with_user(self.users[role]).write(
                        {"redacted_content": "<p>Bản sao không ai đọc</p>"}
                    )
                self.assertFalse(petition.sudo().redacted_content)
        self._confirm_redacted(petition)
        self.assertTrue(petition.sudo().date_redacted)
        self.assertEqual(petition.sudo().redacted_by_id, self.officer)
        self.assertIn(
            self.officer.name,
            petition.sudo().message_ids[:1].body,
            "The confirmation is kept in the chatter",
        )

    def test_tc13_what_was_withdrawn_is_written_by_a_reader_of_the_letter(self):
        """The verification team reads the case but not the letter: it does
        not write what the denouncer withdrew."""
        case = self._denunciation()
        member = self._team_member("dvc_gate_verifier")
        case.sudo().team_member_ids = member
        with self.assertRaises(AccessError):
            case.with_user(member).write({"withdrawn_content": "Rút toàn bộ"})
        with self.assertRaises(AccessError):
            case.with_user(member)._inverse_withdrawn_content()
        self.assertFalse(case.sudo().withdrawn_note)
