"""DC-22 through the web client's own routes: JSON-RPC reads, groups and
exports, the printed table (HTML) and its Word file, as every role but the
author of an anonymous opinion."""

import io
import json
import uuid
import zipfile

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .consultation_common import ConsultationCommon

ROLES = ("office", "leader", "unit_head", "union", "staff")


@tagged("post_install", "-at_install")
class TestConsultationConfidentialityHttp(HttpCase, ConsultationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.token = uuid.uuid4().hex[:12]
        cls.author = new_test_user(
            cls.env,
            login=f"dv_author_{cls.token}",
            name=f"Trần Thị Bímật{cls.token}",
            groups="danvan_base.group_danvan_staff",
        )
        cls.env["hr.employee"].create(
            {
                "name": cls.author.name,
                "user_id": cls.author.id,
                "department_id": cls.unit_science.id,
            }
        )
        export = cls.env.ref("base.group_allow_export")
        for login in ROLES:
            cls.users[login].groups_id = [(4, export.id)]

    def setUp(self):
        super().setUp()
        self.consultation = self._consultation()
        self.opinion = self._opinion(
            self.consultation,
            self.author,
            self.consultation.article_ids[0],
            anonymous=True,
            content="Ý kiến ẩn danh qua trình duyệt.",
        )
        self.consultation.action_close()
        self.consultation.action_compile()

    def _call(self, model, method, *args, **kwargs):
        """The answer of the RPC, or its refusal (an access error reveals
        nothing)."""
        try:
            return self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            )
        except JsonRpcException as error:
            self.assertIn("AccessError", str(error))
            return "refused"

    def _hidden(self, value, who, channel):
        text = (
            value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        )
        self.assertNotIn(self.token, text, f"{channel} as {who}")

    # The refusals of the roles who may not read are logged as warnings.
    @mute_logger("odoo.http")
    def test_dc22_rpc_report_and_word_file_as_every_role(self):
        spec = {
            name: {}
            for name in (
                "content",
                "author_name",
                "department_id",
                "recorded_by_id",
                "date_given",
                "anonymous",
            )
        }
        spec.update(
            {
                "employee_id": {"fields": {"display_name": {}}},
                "create_uid": {"fields": {"display_name": {}}},
                "write_uid": {"fields": {"display_name": {}}},
            }
        )
        for who in ROLES:
            user = self.users[who]
            self.authenticate(user.login, user.login)
            domain = [("consultation_id", "=", self.consultation.id)]
            found = self._call(
                "danvan.consultation.opinion", "web_search_read", domain, spec
            )
            self._hidden(found, who, "web_search_read")
            if who in ("office", "leader", "union"):
                # They read the opinion itself, never its author.
                self.assertEqual(found["length"], 1)
                self.assertEqual(found["records"][0]["employee_id"], False)
            for groupby in ("create_uid", "employee_id", "write_uid"):
                self._hidden(
                    self._call(
                        "danvan.consultation.opinion",
                        "web_read_group",
                        domain,
                        ["__count"],
                        [groupby],
                    ),
                    who,
                    f"web_read_group {groupby}",
                )
            self._hidden(
                self._call(
                    "danvan.consultation.opinion.author",
                    "search_read",
                    [],
                    ["user_id", "opinion_id"],
                ),
                who,
                "author rows",
            )
            self._hidden(
                self._call(
                    "danvan.consultation.opinion",
                    "export_data",
                    [self.opinion.id],
                    [
                        "employee_id/name",
                        "create_uid/name",
                        "write_uid/name",
                        "content",
                    ],
                ),
                who,
                "export",
            )
            page = self.url_open(
                "/report/html/danvan_democracy.report_danvan_consultation_summary/"
                f"{self.consultation.id}"
            )
            self._hidden(page.text, who, "report")
            docx = self.url_open(
                f"/danvan_democracy/consultation/{self.consultation.id}/docx"
            )
            if who in ("office", "leader", "union"):
                self.assertEqual(docx.status_code, 200)
            if docx.status_code == 200:
                with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
                    body = archive.read("word/document.xml").decode()
                self._hidden(body, who, "docx")
        # The Office's printed table does hold the opinion, without its author.
        self.authenticate("dv_office", "dv_office")
        page = self.url_open(
            "/report/html/danvan_democracy.report_danvan_consultation_summary/"
            f"{self.consultation.id}"
        )
        self.assertIn("Ý kiến ẩn danh qua trình duyệt.", page.text)
