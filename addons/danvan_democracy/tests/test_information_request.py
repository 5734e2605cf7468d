from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DemocracyCommon

SECRET = "Câu hỏi riêng tư XQ-7781 về phụ cấp"


@tagged("post_install", "-at_install")
class TestInformationRequest(DemocracyCommon):
    """A staff member asks for information, the Office answers, each sees
    what is theirs (DC-4, Article 48.4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["danvan.information.request"]

    def _request(self, user=None, **values):
        vals = {
            "name": "Danh sách nâng lương",
            "reason": "expired",
            "question": SECRET,
        }
        vals.update(values)
        return self.Request.with_user(user or self.users["staff"]).create(vals)

    @freeze_time("2026-12-04")
    def test_dc4_staff_ask_and_the_office_answers(self):
        staff, office = self.users["staff"], self.users["office"]
        # The history is kept: tracking on, as in production.
        tracked = {"tracking_disable": False, "mail_notrack": False}
        request = self._request().with_context(**tracked)
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.requester_id, staff)
        # Fri 04/12/2026 + 5 working days: Fri 11/12.
        self.assertEqual(request.date_due, date(2026, 12, 11))
        todo = request.sudo().activity_ids.filtered(lambda a: a.user_id == office)
        self.assertEqual(todo.date_deadline, date(2026, 12, 11))
        with self.assertRaises(AccessError):
            request.with_user(staff).write({"answer": "Tự trả lời"})
        with self.assertRaises(AccessError):
            request.with_user(staff).action_answer()
        mine = request.with_user(office)
        with self.assertRaisesRegex(UserError, "Write the answer"):
            mine.action_answer()
        publication = self._publication()
        mine.write({"answer": "Đã công khai lại.", "publication_id": publication.id})
        mine.action_answer()
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.date_answer, date(2026, 12, 4))
        self.assertEqual(request.answer_user_id, office)
        self.assertFalse(request.activity_ids)
        notice = request.sudo().message_ids.filtered(
            lambda m: staff.partner_id in m.partner_ids
        )
        self.assertIn("Đã công khai lại.", notice.body)
        # The tracking is written when the transaction commits.
        self.env.flush_all()
        self.env.cr.precommit.run()
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search([("mail_message_id", "in", request.sudo().message_ids.ids)])
        )
        self.assertTrue(
            {"state", "answer", "date_answer", "answer_user_id"}
            <= set(values.field_id.mapped("name"))
        )
        # A second click, and a late rewrite of the answer, change nothing.
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            mine.action_answer()
        with self.assertRaisesRegex(UserError, "locked"):
            mine.write({"answer": "Sửa lại"})
        self.assertEqual(request.answer, "Đã công khai lại.")

    def test_dc4_the_answer_time_is_the_agency_setting_through_the_calendar(self):
        self.company.danvan_information_answer_days = 3
        self.Holiday.create({"name": "Ngày nghỉ thử", "date_from": date(2026, 12, 8)})
        with freeze_time("2026-12-04"):
            request = self._request()
        # Fri 04/12 + 3 working days, Tue 08/12 off: Thu 10/12.
        self.assertEqual(request.date_due, date(2026, 12, 10))
        # A later change of the setting keeps the time the request was given.
        self.company.danvan_information_answer_days = 10
        self.assertEqual(request.date_due, date(2026, 12, 10))
        with freeze_time("2026-12-11"):
            self.env.ref(
                "danvan_democracy.ir_cron_danvan_information_request_deadlines"
            ).method_direct_trigger()
        self.assertTrue(request.deadline_escalated)
        self.assertIn(
            self.users["office"],
            request.sudo().activity_ids.user_id,
            "the Office is alerted",
        )

    def test_dc4_staff_cannot_forge_the_answer_the_date_or_the_requester(self):
        with self.assertRaisesRegex(UserError, "Only the Office answers"):
            self._request(answer="Tự trả lời")
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            self._request(state="answered")
        request = self._request(
            requester_id=self.users["leader"].id, date_request=date(1900, 1, 1)
        )
        self.assertEqual(request.requester_id, self.users["staff"])
        self.assertEqual(request.date_request, date.today())
        with self.assertRefused("1990 and 2100"):
            self.Request.create(
                {"name": "X", "question": "Y", "date_request": date(2200, 1, 1)}
            )

    def test_dc4_a_request_is_kept(self):
        request = self._request()
        with self.assertRaises(AccessError):
            request.with_user(self.users["staff"]).unlink()
        with self.assertRaises(AccessError):
            request.with_user(self.users["office"]).unlink()
        with self.assertRaisesRegex(UserError, "kept by law"):
            request.sudo().unlink()

    def test_dc4_a_request_is_seen_by_its_author_and_the_office_only(self):
        request = self._request()
        self.assertEqual(
            self.Request.with_user(self.users["staff"]).search([]), request
        )
        self.assertIn(request, self.Request.with_user(self.users["office"]).search([]))
        for role in ("unit_head", "union", "board"):
            user = self.users[role]
            Request = self.Request.with_user(user)
            self.assertFalse(Request.search([("question", "ilike", "XQ-7781")]))
            with self.assertRaises(AccessError):
                request.with_user(user).read(["question"])
            self.assertFalse(
                Request.read_group([], ["question"], ["question"]),
            )
            user.groups_id |= self.env.ref("base.group_allow_export")
            exported = Request.search([]).export_data(["question"])["datas"]
            self.assertNotIn(SECRET, str(exported))
            messages = (
                self.env["mail.message"]
                .with_user(user)
                .search([("model", "=", request._name), ("res_id", "=", request.id)])
            )
            self.assertFalse(messages)
        with self.assertRaises(AccessError):
            self.Request.with_user(self.user_outsider).search([])

    def test_dc1_another_agency_request_is_invisible(self):
        other = self.env["res.company"].create({"name": "Sở Tư pháp thử"})
        request = self.Request.create(
            {"name": "Khác", "question": SECRET, "company_id": other.id}
        )
        self.assertFalse(
            self.Request.with_user(self.users["office"]).search(
                [("id", "=", request.id)]
            )
        )

    def test_dc4_an_answer_for_all_staff_becomes_a_publication(self):
        request = self._request()
        with self.assertRaises(AccessError):
            request.with_user(self.users["staff"]).action_answer_by_publication()
        office = request.with_user(self.users["office"])
        action = office.action_answer_by_publication()
        publication = request.publication_id
        self.assertEqual(action["res_id"], publication.id)
        self.assertEqual(publication.state, "draft")
        self.assertEqual(publication.category_id.code, "art46_12")
        # A second click opens the same draft.
        office.action_answer_by_publication()
        self.assertEqual(
            self.env["danvan.publication"].search_count(
                [("res_model", "=", request._name), ("res_id", "=", request.id)]
            ),
            1,
        )
        publication.with_user(self.users["office"]).write(
            {"content": "<p>Kế hoạch</p>"}
        )
        publication.with_user(self.users["office"]).action_publish()
        office.action_answer()
        self.assertEqual(request.state, "answered")
        self.assertEqual(publication.with_user(self.users["office"]).request_count, 1)
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            office.action_answer_by_publication()
