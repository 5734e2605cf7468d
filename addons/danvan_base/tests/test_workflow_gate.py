from odoo_test_helper import FakeModelLoader

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DanvanCommon

# The roles the gate is tried as: a plain user, a manager, the administrator.
ROLES = ("staff", "leader", "dv_admin")


@tagged("post_install", "-at_install")
class TestWorkflowGate(DanvanCommon):
    """The gate of danvan.workflow.mixin, once, on a test-only model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .models import DanvanGateTest, DanvanGateTestLine

        cls.loader.update_registry((DanvanGateTest, DanvanGateTestLine))
        staff = cls.env.ref("danvan_base.group_danvan_staff")
        for model in ("danvan.gate.test", "danvan.gate.test.line"):
            cls.env["ir.model.access"].create(
                {
                    "name": model,
                    "model_id": cls.env["ir.model"]._get_id(model),
                    "group_id": staff.id,
                    "perm_read": True,
                    "perm_write": True,
                    "perm_create": True,
                    "perm_unlink": True,
                }
            )
        cls.Gate = cls.env["danvan.gate.test"]

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _record(self, state="draft"):
        record = self.Gate.create({"name": "Báo cáo", "line_ids": [(0, 0, {})]})
        if state in ("submitted", "issued"):
            record.action_submit()
        if state == "issued":
            record.action_issue()
        return record

    def _as(self, record, role):
        return record.sudo() if role == "su" else record.with_user(self.users[role])

    def test_declared_transition_by_its_role(self):
        record = self._record()
        self._as(record, "staff").action_submit()
        self.assertEqual(record.state, "submitted")
        for role in ("staff", "leader", "su"):
            with self.subTest(role=role):
                submitted = self._record("submitted")
                if role == "staff":
                    with self.assertRaisesRegex(AccessError, "Leadership"):
                        self._as(submitted, role).action_issue()
                    self.assertEqual(submitted.state, "submitted")
                    self.assertFalse(submitted.number)
                else:
                    self._as(submitted, role).action_issue()
                    self.assertEqual(submitted.state, "issued")
                    self.assertEqual(submitted.number, "1/BC")

    def test_a_locked_record_moves_on_only_by_its_transition(self):
        record = self._record("issued")
        with self.assertRaises(AccessError):
            self._as(record, "leader").action_reopen()
        self._as(record, "dv_admin").action_reopen()
        self.assertEqual(record.state, "draft")
        self.assertFalse(record.number)

    def test_no_role_skips_a_state_by_write(self):
        record = self._record()
        for role in ROLES:
            for target in ("submitted", "issued"):
                with self.subTest(role=role, target=target):
                    with self.assertRaisesRegex(UserError, "only through its buttons"):
                        self._as(record, role).write({"state": target})
                    self.assertEqual(record.state, "draft")
        for role in ROLES:
            with self.subTest(role=role, create=True):
                with self.assertRaisesRegex(UserError, "only through its buttons"):
                    self.Gate.with_user(self.users[role]).create(
                        {"name": "Báo cáo", "state": "issued"}
                    )
        self._as(record, "su").write({"state": "issued"})
        self.assertEqual(record.state, "issued")

    def test_a_forged_context_opens_no_gate(self):
        record = self._record()
        forged = (True, "gate", ["danvan.gate.test", record.ids], 1)
        for role in ROLES:
            for value in forged:
                with self.subTest(role=role, value=value):
                    user_record = self._as(record, role).with_context(
                        danvan_workflow_gate=value
                    )
                    with self.assertRaises(UserError):
                        user_record.write({"state": "issued"})
                    self.assertEqual(record.state, "draft")

    def test_a_locked_record_refuses_its_fields(self):
        record = self._record("issued")
        for role in ROLES:
            with self.subTest(role=role):
                with self.assertRaisesRegex(UserError, "locked"):
                    self._as(record, role).write({"name": "Sửa", "number": "2/BC"})
                self.assertEqual(record.name, "Báo cáo")
                self.assertEqual(record.number, "1/BC")

    def test_a_locked_record_accepts_its_free_fields(self):
        record = self._record("issued")
        for role in ROLES:
            with self.subTest(role=role):
                user_record = self._as(record, role)
                user_record.write({"active": False})
                self.assertFalse(record.active)
                user_record.write({"active": True})
                user_record.message_post(body="Ghi chú")
                user_record.message_subscribe(
                    partner_ids=self.users[role].partner_id.ids
                )
                user_record.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=self.users[role].id
                )
                self.assertIn(self.users[role], record.activity_ids.user_id)
        self.assertIn(self.users["staff"].partner_id, record.message_partner_ids)

    def test_past_draft_no_role_deletes(self):
        for state in ("submitted", "issued"):
            record = self._record(state)
            for role in (*ROLES, "su"):
                with self.subTest(state=state, role=role):
                    with self.assertRaisesRegex(UserError, "kept by law"):
                        self._as(record, role).unlink()
                    self.assertTrue(record.exists())
        draft = self._record()
        self._as(draft, "staff").unlink()
        self.assertFalse(draft.exists())

    def test_the_lines_of_a_locked_record_are_kept(self):
        record = self._record("issued")
        Line = self.env["danvan.gate.test.line"]
        for role in ROLES:
            with self.subTest(role=role):
                line = self._as(record.line_ids, role)
                with self.assertRaisesRegex(UserError, "its lines"):
                    line.write({"name": "Sửa"})
                with self.assertRaisesRegex(UserError, "its lines"):
                    line.unlink()
                with self.assertRaisesRegex(UserError, "its lines"):
                    Line.with_user(self.users[role]).create({"gate_id": record.id})
                self.assertEqual(record.line_ids, line)
                self.assertFalse(line.name)
        draft = self._record()
        self._as(draft.line_ids, "staff").write({"name": "Dòng"})
        self.assertEqual(draft.line_ids.name, "Dòng")

    def test_a_double_click_moves_once(self):
        record = self._as(self._record(), "staff")
        record.action_submit()
        with self.assertRaisesRegex(UserError, "current status"):
            record.action_submit()
        self.assertEqual(record.state, "submitted")

    def test_the_files_of_a_locked_record_are_kept(self):
        record = self._record("issued")
        Attachment = self.env["ir.attachment"]
        kept = Attachment.sudo().create(
            {
                "name": "bc.pdf",
                "raw": b"%PDF",
                "res_model": record._name,
                "res_id": record.id,
            }
        )
        for role in ROLES:
            with self.subTest(role=role):
                user_file = kept.with_user(self.users[role])
                with self.assertRaisesRegex(UserError, "files of"):
                    user_file.unlink()
                with self.assertRaisesRegex(UserError, "files of"):
                    user_file.write({"raw": b"other"})
                with self.assertRaisesRegex(UserError, "files of"):
                    Attachment.with_user(self.users[role]).create(
                        {
                            "name": "moi.pdf",
                            "res_model": record._name,
                            "res_id": record.id,
                        }
                    )
                self.assertEqual(kept.raw, b"%PDF")
        draft = self._record()
        Attachment.with_user(self.users["staff"]).create(
            {"name": "nhap.pdf", "res_model": draft._name, "res_id": draft.id}
        ).unlink()

    def test_no_default_of_the_state_skips_a_state(self):
        """The context (sent by RPC, followed by copy()) and a user's own
        ir.default give no state but the first one of the code."""
        draft = self._record()
        for role in ROLES:
            user = self.users[role]
            with self.subTest(role=role, default="context"):
                Gate = self.Gate.with_user(user).with_context(default_state="issued")
                with self.assertRaisesRegex(UserError, "only through its buttons"):
                    Gate.create({"name": "Báo cáo"})
                with self.assertRaisesRegex(UserError, "only through its buttons"):
                    draft.with_user(user).with_context(default_state="issued").copy()
            with self.subTest(role=role, default="ir.default"):
                self.env["ir.default"].set(
                    "danvan.gate.test", "state", "issued", user_id=user.id
                )
                with self.assertRaisesRegex(UserError, "only through its buttons"):
                    self.Gate.with_user(user).create({"name": "Báo cáo"})
                self.env["ir.default"].search(
                    [("field_id.model", "=", "danvan.gate.test")]
                ).unlink()
            self.assertEqual(self.Gate.search_count([("state", "!=", "draft")]), 0)
        copied = draft.with_user(self.users["staff"]).copy()
        self.assertEqual(copied.state, "draft")
        default = self.Gate.with_user(self.users["staff"]).with_context(
            default_state="draft"
        )
        self.assertEqual(default.create({"name": "Báo cáo"}).state, "draft")

    def _tracked(self, record):
        """A message tracking a change of ``record``, as its moves log them
        (the tests turn the tracking off)."""
        field = self.env["ir.model.fields"]._get("res.partner", "name")
        return record.sudo()._message_log(
            body="",
            tracking_value_ids=[
                Command.create(
                    {"field_id": field.id, "old_value_char": "A", "new_value_char": "B"}
                )
            ],
        )

    def _messages(self, record, message_type=None):
        domain = [("model", "=", record._name), ("res_id", "=", record.id)]
        if message_type:
            domain.append(("message_type", "=", message_type))
        return self.env["mail.message"].search(domain)

    def test_the_history_of_the_chatter_is_kept(self):
        """No role deletes nor rewrites a tracking message, nor any message
        of a locked record, by the message or by the record's message_ids."""
        issued = self._record("issued")
        issued.with_user(self.users["staff"]).message_post(
            body="Ghi chú", message_type="comment"
        )
        note = self._messages(issued, "comment")
        draft = self._record()
        draft.with_user(self.users["staff"]).message_post(
            body="Nháp", message_type="comment"
        )
        draft_note = self._messages(draft, "comment")
        self.assertTrue(note and draft_note)
        for role in ROLES:
            user = self.users[role]
            kept = (self._tracked(issued), note)
            for message in kept:
                with self.subTest(role=role, message=message.message_type):
                    as_user = message.with_user(user)
                    with self.assertRaisesRegex(UserError, "history of"):
                        as_user.unlink()
                    with self.assertRaisesRegex(UserError, "history of"):
                        as_user.write({"body": "Sửa"})
                    with self.assertRaises(UserError):
                        issued.with_user(user).write(
                            {"message_ids": [Command.delete(message.id)]}
                        )
                    self.assertTrue(message.exists())
            with self.subTest(role=role, record="draft"):
                tracked = self._tracked(draft)
                with self.assertRaisesRegex(UserError, "history of"):
                    draft.with_user(user).write(
                        {"message_ids": [Command.delete(tracked.id)]}
                    )
                self.assertTrue(tracked.exists())
        self.assertIn("Ghi chú", str(note.body))
        # The author's own note on a record not locked stays his to edit.
        draft.with_user(self.users["staff"])._message_update_content(
            draft_note.with_user(self.users["staff"]), "Nháp sửa"
        )
        self.assertIn("Nháp sửa", str(draft_note.body))
        # Reading marks and stars are each reader's own.
        note.with_user(self.users["leader"]).toggle_message_starred()
        self.assertTrue(note.with_user(self.users["leader"]).starred)

    def test_the_chatter_adds_no_file_to_a_locked_record(self):
        """Files posted in the chatter join the record under sudo: a locked
        record that takes no new files refuses them still."""
        issued = self._record("issued")
        draft = self._record()
        for role in ROLES:
            user = self.users[role]
            with self.subTest(role=role):
                pending = (
                    self.env["ir.attachment"]
                    .with_user(user)
                    .create(
                        {
                            "name": "moi.pdf",
                            "raw": b"%PDF",
                            "res_model": "mail.compose.message",
                            "res_id": 0,
                        }
                    )
                )
                with self.assertRaisesRegex(UserError, "files of|Các tệp của"):
                    issued.with_user(user).message_post(
                        body="Tệp", attachment_ids=pending.ids
                    )
                with self.assertRaisesRegex(UserError, "files of|Các tệp của"):
                    issued.with_user(user).message_post(
                        body="Tệp", attachments=[("moi.pdf", b"%PDF")]
                    )
                self.assertEqual(pending.res_model, "mail.compose.message")
                draft.with_user(user).message_post(
                    body="Tệp", attachment_ids=pending.ids
                )
                self.assertEqual(pending.res_id, draft.id)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", issued._name), ("res_id", "=", issued.id)]
            )
        )
