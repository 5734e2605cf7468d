from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .consultation_common import ConsultationCommon


@tagged("post_install", "-at_install")
class TestConsultationOpinion(ConsultationCommon):
    """Opinions of staff (DC-12, Article 54): directly or through the unit
    head, only while open, append-only (DC-22)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = new_test_user(
            cls.env, login="dv_colleague", groups="danvan_base.group_danvan_staff"
        )
        cls.env["hr.employee"].create(
            {
                "name": cls.colleague.name,
                "user_id": cls.colleague.id,
                "department_id": cls.unit_science.id,
            }
        )

    def test_dc12_an_opinion_only_while_open(self):
        consultation = self._consultation(open_it=False)
        # Planned: staff cannot even read it yet.
        with self.assertRaises(AccessError):
            self._opinion(consultation, self.users["staff"])
        consultation.action_open()
        opinion = self._opinion(consultation, self.users["staff"])
        self.assertEqual(opinion.employee_id.user_id, self.users["staff"])
        self.assertEqual(opinion.department_id, self.unit_science)
        self.assertEqual(opinion.channel, "direct")
        consultation.action_close()
        with self.assertRaisesRegex(UserError, "not open for opinions"):
            self._opinion(consultation, self.users["staff"])
        self.assertEqual(consultation.opinion_count, 1)

    def test_dc22_nobody_edits_or_deletes_an_opinion(self):
        consultation = self._consultation()
        opinion = self._opinion(consultation, self.users["staff"])
        for login in ("staff", "unit_head", "office", "leader", "dv_admin", "union"):
            user = self.users[login]
            with self.assertRaisesRegex(UserError, "nobody changes it"):
                opinion.with_user(user).write({"content": "Sửa"})
            with self.assertRaisesRegex(UserError, "nobody deletes it"):
                opinion.with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "nobody deletes it"):
            opinion.sudo().unlink()
        self.assertEqual(opinion.content, "Đề nghị nâng mức phụ cấp lưu trú.")

    def test_dc22_staff_see_their_own_opinions(self):
        consultation = self._consultation()
        mine = self._opinion(consultation, self.users["staff"])
        theirs = self._opinion(consultation, self.colleague, content="Của người khác")
        Opinion = self.Opinion.with_user(self.users["staff"])
        self.assertEqual(
            Opinion.search([("consultation_id", "=", consultation.id)]), mine
        )
        self.assertEqual(consultation.with_user(self.users["staff"]).opinion_ids, mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.users["staff"]).read(["content"])
        # The Office and the union read them all, the outsider none.
        for login in ("office", "union", "leader"):
            self.assertEqual(
                self.Opinion.with_user(self.users[login]).search(
                    [("consultation_id", "=", consultation.id)]
                ),
                mine | theirs,
            )
        with self.assertRaises(AccessError):
            self.Opinion.with_user(self.user_outsider).search([])

    def test_dc12_the_unit_head_records_for_their_unit(self):
        consultation = self._consultation()
        head = self.users["unit_head"]
        employee = self.colleague.employee_ids
        opinion = self._opinion(
            consultation, head, channel="unit_head", employee_id=employee.id
        )
        self.assertEqual(opinion.employee_id, employee)
        self.assertEqual(opinion.recorded_by_id, head)
        # The staff member is told, and sees it as theirs; the unit head sees
        # what they recorded.
        told = self.env["mail.message"].search(
            [
                ("model", "=", "danvan.consultation"),
                ("res_id", "=", consultation.id),
                ("partner_ids", "in", self.colleague.partner_id.ids),
                ("body", "ilike", head.name),
            ]
        )
        self.assertEqual(len(told), 1)
        self.assertTrue(opinion.with_user(self.colleague).is_mine)
        self.assertTrue(opinion.with_user(head).read(["content"]))
        other = self.users["office"].employee_ids
        with self.assertRaisesRegex(AccessError, "their own unit"):
            self._opinion(consultation, head, channel="unit_head", employee_id=other.id)
        # Not a unit head: no opinion on behalf of someone else.
        with self.assertRaisesRegex(AccessError, "their own unit"):
            self._opinion(
                consultation,
                self.users["staff"],
                channel="unit_head",
                employee_id=employee.id,
            )
        with self.assertRaisesRegex(AccessError, "your own opinion"):
            self._opinion(consultation, self.users["staff"], employee_id=employee.id)
        with self.assertRaisesRegex(UserError, "gives it directly"):
            self._opinion(
                consultation,
                head,
                channel="unit_head",
                employee_id=employee.id,
                anonymous=True,
            )

    def test_dc12_only_the_staff_consulted_give_an_opinion(self):
        unit = self.env["hr.department"].create({"name": "Phòng Tin học"})
        consultation = self._consultation(
            audience="units", department_ids=[(6, 0, self.unit_science.ids)]
        )
        self._opinion(consultation, self.users["staff"])
        with self.assertRaises(AccessError):
            self._opinion(consultation, self.users["office"])
        self.assertTrue(unit)

    def test_dc12_a_later_opinion_replaces_an_earlier_one_both_kept(self):
        consultation = self._consultation()
        article = consultation.article_ids[0]
        staff = self.users["staff"]
        first = self._opinion(consultation, staff, article, content="Lần đầu")
        theirs = self._opinion(consultation, self.colleague, article, content="Khác")
        with self.assertRaisesRegex(UserError, "replaces only"):
            self._opinion(consultation, staff, article, supersedes_id=theirs.id)
        with self.assertRaisesRegex(UserError, "replaces only"):
            self._opinion(consultation, staff, supersedes_id=first.id)
        second = self._opinion(
            consultation, staff, article, content="Lần sau", supersedes_id=first.id
        )
        self.assertTrue(first.superseded)
        self.assertFalse(second.superseded)
        with self.assertRaisesRegex(UserError, "replaces only"):
            self._opinion(consultation, staff, article, supersedes_id=first.id)
        consultation.action_close()
        consultation.action_compile()
        line = consultation.response_ids.filtered("article_id")
        self.assertEqual(line.opinion_count, 2)
        self.assertIn("Lần sau", line.gist)
        self.assertNotIn("Lần đầu", line.gist)
        self.assertEqual(consultation.opinion_count, 3)

    def test_dc12_an_article_of_the_draft_and_a_text(self):
        consultation = self._consultation()
        other = self._consultation(name="Dự thảo khác")
        with self.assertRaisesRegex(UserError, "not one of the draft"):
            self._opinion(consultation, self.users["staff"], other.article_ids[0])
        with self.assertRaisesRegex(UserError, "Write your opinion"):
            self._opinion(consultation, self.users["staff"], content="   ")

    def test_dc22_anonymous_only_where_allowed(self):
        consultation = self._consultation(allow_anonymous=False)
        with self.assertRaisesRegex(UserError, "does not allow anonymous"):
            self._opinion(consultation, self.users["staff"], anonymous=True)

    def test_dc22_a_second_click_gives_the_opinion_once(self):
        consultation = self._consultation()
        article = consultation.article_ids[0]
        self._opinion(consultation, self.users["staff"], article)
        with self.assertRaisesRegex(UserError, "already given"):
            self._opinion(consultation, self.users["staff"], article)
        anonymous = {"anonymous": True, "content": "Ý kiến ẩn danh"}
        self._opinion(consultation, self.colleague, article, **anonymous)
        with self.assertRaisesRegex(UserError, "already given"):
            self._opinion(consultation, self.colleague, article, **anonymous)
        # The same words from someone else are their own opinion.
        self._opinion(consultation, self.users["unit_head"], article)
        self.assertEqual(consultation.opinion_count, 3)

    def test_dc12_no_opinion_before_the_opening_or_after_the_closing_day(self):
        consultation = self._consultation()
        # The cron has not closed it yet: the closing day still decides.
        with freeze_time(self.today + timedelta(days=15)):
            with self.assertRaisesRegex(UserError, "not open for opinions"):
                self._opinion(consultation, self.users["staff"])
        with freeze_time(self.today - timedelta(days=1)):
            with self.assertRaisesRegex(UserError, "not open for opinions"):
                self._opinion(consultation, self.users["staff"])
        with freeze_time(self.today + timedelta(days=14)):
            self._opinion(consultation, self.users["staff"])
        self.assertEqual(consultation.opinion_count, 1)
