"""DC-22: the author of an anonymous opinion is protected as a denouncer is.
Each test plants a unique name and looks for it in the whole answer of every
channel, as every role but the author."""

import json
import uuid

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .consultation_common import ConsultationCommon


@tagged("post_install", "-at_install")
class TestConsultationConfidentiality(ConsultationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.token = uuid.uuid4().hex[:12]
        cls.secret_name = f"Nguyễn Văn Bímật{cls.token}"
        cls.author = new_test_user(
            cls.env,
            login=f"dv_author_{cls.token}",
            name=cls.secret_name,
            groups="danvan_base.group_danvan_staff",
        )
        cls.author_employee = cls.env["hr.employee"].create(
            {
                "name": cls.secret_name,
                "user_id": cls.author.id,
                "department_id": cls.unit_science.id,
            }
        )
        cls.attackers = {
            login: cls.users[login]
            for login in ("office", "leader", "unit_head", "union", "staff", "dv_admin")
        }
        # Even those allowed to export find nothing in an export.
        export = cls.env.ref("base.group_allow_export")
        for user in cls.attackers.values():
            user.groups_id = [(4, export.id)]

    def setUp(self):
        super().setUp()
        self.consultation = self._consultation()
        self.opinion = self._opinion(
            self.consultation,
            self.author,
            self.consultation.article_ids[0],
            anonymous=True,
            content="Ý kiến không nêu tên về công tác phí.",
        )

    def _assert_hidden(self, value, who, channel):
        text = json.dumps(value, default=str, ensure_ascii=False)
        self.assertNotIn(self.token, text, f"{channel} as {who}")

    def test_dc22_the_opinion_stores_no_author(self):
        opinion = self.opinion.sudo()
        self.assertFalse(opinion.employee_id)
        self.assertFalse(opinion.department_id)
        self.assertFalse(opinion.recorded_by_id)
        self.assertNotEqual(opinion.create_uid, self.author)
        self.assertNotEqual(opinion.write_uid, self.author)
        self.assertEqual(opinion.with_context(lang="en_US").author_name, "Anonymous")
        # Its author still sees it as theirs.
        mine = self.Opinion.with_user(self.author).search([("is_mine", "=", True)])
        self.assertEqual(mine, self.opinion)
        self.assertTrue(self.opinion.with_user(self.author).read(["content"]))

    def test_dc22_read_search_group_export_as_every_role(self):
        fields_all = list(self.Opinion._fields)
        for who, user in self.attackers.items():
            Opinion = self.Opinion.with_user(user)
            opinions = Opinion.search([("consultation_id", "=", self.consultation.id)])
            if opinions:
                self._assert_hidden(opinions.read(fields_all), who, "read")
                self.assertFalse(opinions.with_user(user).is_mine)
                self._assert_hidden(
                    opinions.export_data(
                        [
                            "employee_id/name",
                            "create_uid/name",
                            "write_uid/name",
                            "author_name",
                            "department_id/name",
                            "content",
                        ]
                    ),
                    who,
                    "export",
                )
            for domain in (
                [("employee_id.name", "ilike", self.token)],
                [("create_uid.name", "ilike", self.token)],
                [("write_uid", "=", self.author.id)],
                [("create_uid", "=", self.author.id)],
                [("employee_id", "=", self.author_employee.id)],
                [("employee_id.user_id", "=", self.author.id)],
            ):
                self.assertFalse(Opinion.search(domain), f"search {domain} as {who}")
            for groupby in ("employee_id", "create_uid", "write_uid", "department_id"):
                groups = Opinion.read_group(
                    [("consultation_id", "=", self.consultation.id)],
                    [groupby],
                    [groupby],
                )
                self._assert_hidden(groups, who, f"read_group {groupby}")
            Author = self.env["danvan.consultation.opinion.author"].with_user(user)
            self.assertFalse(Author.search([]), f"author rows as {who}")
            self.assertFalse(Author.search_count([("user_id", "=", self.author.id)]))
            self.assertFalse(Author.read_group([], ["user_id"], ["user_id"]))
            author_row = (
                self.env["danvan.consultation.opinion.author"]
                .sudo()
                .search([("opinion_id", "=", self.opinion.id)])
            )
            with self.assertRaises(AccessError):
                author_row.with_user(user).read(["user_id"])
            # The consultation itself: its fields and its chatter.
            consultation = self.consultation.with_user(user)
            if consultation.has_access("read"):
                self._assert_hidden(
                    consultation.read(["opinion_ids", "message_ids", "response_ids"]),
                    who,
                    "consultation",
                )

    def test_dc22_no_message_report_or_publication_names_the_author(self):
        self.consultation.action_close()
        self.consultation.action_compile()
        self._decide_all(self.consultation)
        self.consultation.action_summarise()
        self.consultation.with_user(self.users["leader"]).action_issue()
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                ["|", ("body", "ilike", self.token), ("subject", "ilike", self.token)]
            )
        )
        # The only message naming the author is the notification to that author.
        for message in messages:
            self.assertEqual(message.partner_ids, self.author.partner_id)
        notified = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", "danvan.consultation"),
                    ("res_id", "=", self.consultation.id),
                ]
            )
        )
        self._assert_hidden(notified.mapped("body"), "anyone", "chatter")
        self._assert_hidden(
            self.env["mail.tracking.value"]
            .sudo()
            .search([("mail_message_id", "in", notified.ids)])
            .read(["old_value_char", "new_value_char"]),
            "anyone",
            "tracking",
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "danvan_democracy.action_report_danvan_consultation_summary",
                self.consultation.ids,
            )[0]
            .decode()
        )
        self.assertIn("Ý kiến không nêu tên về công tác phí.", html)
        self.assertNotIn(self.token, html)
        self.assertNotIn(self.token, self.consultation._document_body())
        publication = self.consultation.publication_id
        self.assertNotIn(self.token, publication.content)
        self._assert_hidden(
            self.consultation.response_ids.read(["gist", "explanation"]),
            "office",
            "summary table",
        )
