from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import DemocracyCommon


@tagged("post_install", "-at_install")
class TestPublication(DemocracyCommon):
    def test_dc3_due_five_working_days_after_the_decision(self):
        # Tue 01/12/2026 + 5 working days: Tue 08/12/2026.
        publication = self._publication()
        self.assertEqual(publication.date_due, date(2026, 12, 8))
        # Fri 04/12 + 5 working days skips the weekend: Fri 11/12.
        publication.decision_date = date(2026, 12, 4)
        self.assertEqual(publication.date_due, date(2026, 12, 11))

    @freeze_time("2026-12-03")
    def test_dc4_posted_twenty_days_and_not_withdrawn_early(self):
        publication = self._publication()
        publication.with_user(self.users["office"]).action_publish()
        self.assertEqual(publication.state, "posted")
        self.assertEqual(publication.date_start, date(2026, 12, 3))
        self.assertEqual(publication.date_end_min, date(2026, 12, 23))
        self.assertEqual(publication.date_end, date(2026, 12, 23))
        with self.assertRaisesRegex(UserError, "cannot be withdrawn"):
            publication.with_user(self.users["office"]).action_archive()
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            publication.with_user(self.users["office"]).state = "archived"
        self.Publication._cron_archive_expired()
        self.assertEqual(publication.state, "posted")
        with freeze_time("2026-12-24"):
            self.Publication._cron_archive_expired()
        self.assertEqual(publication.state, "archived")
        self.assertFalse(publication.published_late)

    def test_dc2_a_secret_item_is_not_published(self):
        publication = self._publication(confidential=True)
        with self.assertRaisesRegex(UserError, "cannot be made public"):
            publication.with_user(self.users["office"]).action_publish()
        self.assertEqual(publication.state, "draft")

    def test_dc3_staff_read_what_is_posted_for_them(self):
        publication = self._publication()
        staff = self.users["staff"]
        Publication = self.Publication.with_user(staff)
        self.assertFalse(Publication.search([("id", "=", publication.id)]))
        with self.assertRaises(AccessError):
            publication.with_user(staff).action_publish()
        publication.with_user(self.users["office"]).action_publish()
        mine = Publication.search([("id", "=", publication.id)])
        self.assertEqual(mine, publication)
        self.assertFalse(mine.is_read)
        mine.action_mark_read()
        mine.action_mark_read()
        self.assertTrue(mine.is_read)
        self.assertEqual(publication.read_count, 1)
        self.assertEqual(Publication.search([("is_read", "=", True)]), publication)
        self.assertNotIn(publication, Publication.search([("is_read", "=", False)]))


@tagged("post_install", "-at_install")
class TestPublicationRules(DemocracyCommon):
    """The publication as each role uses it, and what a careless or hostile
    user tries (DC-2 to DC-4)."""

    def _posted(self, **values):
        publication = self._publication(**values)
        publication.with_user(self.users["office"]).action_publish()
        return publication

    def test_dc3_due_date_goes_through_a_holiday(self):
        # Tue 01/12/2026 + 5 working days, Tue 08/12 off: Wed 09/12.
        self.Holiday.create({"name": "Ngày nghỉ thử", "date_from": date(2026, 12, 8)})
        publication = self._publication()
        self.assertEqual(publication.date_due, date(2026, 12, 9))
        # Thu 03/12 + 5 working days across the weekend and the day off.
        publication.decision_date = date(2026, 12, 3)
        self.assertEqual(publication.date_due, date(2026, 12, 11))

    def test_dc3_overdue_publication_warns_the_office(self):
        self.Holiday.create({"name": "Ngày nghỉ thử", "date_from": date(2026, 12, 8)})
        publication = self._publication()
        self.assertEqual(publication.date_due, date(2026, 12, 9))
        office = self.users["office"]

        # On the due day (the holiday counted out) nothing is missed yet.
        with freeze_time("2026-12-09"):
            self.Publication._cron_check_deadlines()
        self.assertFalse(publication.deadline_escalated)
        self.assertTrue(publication.deadline_warned)
        with freeze_time("2026-12-10"):
            self.Publication._cron_check_deadlines()
            self.Publication._cron_check_deadlines()
        self.assertTrue(publication.deadline_escalated)
        missed = publication.sudo().activity_ids.filtered(
            lambda a: a.user_id == office and "09/12/2026" in (a.summary or "")
        )
        self.assertEqual(len(missed), 2, "warned once, escalated once")
        self.assertIn(office.partner_id, publication.message_ids.partner_ids)
        # Publishing clears the Office's to-dos.
        with freeze_time("2026-12-10"):
            publication.with_user(office).action_publish()
        self.assertFalse(publication.sudo().activity_ids)
        self.assertTrue(publication.published_late)

    def test_dc3_a_decision_of_1900_or_2200_is_refused(self):
        for year in (1900, 2200):
            with self.assertRefused("1990 and 2100"):
                self._publication(decision_date=date(year, 12, 1))
        with self.assertRefused("later than today"):
            self._publication(decision_date=date(2099, 12, 1))
        with self.assertRefused("cannot be before"):
            self._publication(date_end=date(2026, 11, 1))
        self.assertFalse(
            self.Publication.search([("name", "=", "Nâng bậc lương quý IV")])
        )

    def test_dc3_files_attached_before_the_first_save_belong_to_it(self):
        office = self.users["office"]
        # The many2many_binary widget uploads the file with res_id 0.
        file = (
            self.env["ir.attachment"]
            .with_user(office)
            .create(
                {
                    "name": "qd-nang-luong.pdf",
                    "raw": b"%PDF-1.4 quyet dinh",
                    "res_model": "danvan.publication",
                    "res_id": 0,
                }
            )
        )
        publication = self._publication(
            content=False, attachment_ids=[(4, file.id)], user=office
        )
        self.assertEqual(file.res_id, publication.id)
        publication.with_user(office).action_publish()
        # Another of the Office and staff can open it once it is posted.
        for role in ("leader", "staff"):
            attachment = file.with_user(self.users[role])
            self.assertEqual(attachment.raw, b"%PDF-1.4 quyet dinh")

    def test_dc3_units_only_is_not_seen_by_other_units(self):
        sub_unit = self.env["hr.department"].create(
            {"name": "Tổ văn thư", "parent_id": self.unit_office.id}
        )
        clerk = self._add_role_user("clerk", "danvan_base.group_danvan_staff", sub_unit)
        publication = self._posted(
            audience="units", department_ids=[(6, 0, self.unit_office.ids)]
        )
        staff = self.users["staff"]
        self.assertFalse(
            self.Publication.with_user(staff).search([("id", "=", publication.id)])
        )
        with self.assertRaises(AccessError):
            publication.with_user(staff).read(["name"])
        for user in (self.users["union"], clerk):
            self.assertEqual(
                self.Publication.with_user(user).search([("id", "=", publication.id)]),
                publication,
            )
        # The audience: the unit and its sub-unit, not the science unit.
        office_unit = self.env["hr.employee"].search(
            [("department_id", "child_of", self.unit_office.id)]
        )
        self.assertEqual(publication.audience_count, len(office_unit))

    def test_dc3_the_outsider_sees_nothing(self):
        publication = self._posted()
        outsider = self.user_outsider
        with self.assertRaises(AccessError):
            self.Publication.with_user(outsider).search([])
        with self.assertRaises(AccessError):
            publication.with_user(outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.env["danvan.publication.read"].with_user(outsider).search([])

    def test_dc3_staff_cannot_publish_edit_delete_or_write_the_status(self):
        draft = self._publication()
        posted = self._posted(name="Kế hoạch công tác")
        staff = posted.with_user(self.users["staff"])
        with self.assertRaises(UserError):
            staff.write({"name": "Sửa"})
        with self.assertRaises(AccessError):
            draft.with_user(self.users["staff"]).write({"name": "Sửa"})
        with self.assertRaises(UserError):
            staff.unlink()
        with self.assertRaises(AccessError):
            draft.with_user(self.users["staff"]).unlink()
        with self.assertRaises(AccessError):
            self.Publication.with_user(self.users["staff"]).create(
                {"name": "X", "category_id": self.category_salary.id}
            )
        with self.assertRaises(AccessError):
            draft.with_user(self.users["staff"]).action_publish()
        # Not even the Office rewrites or deletes what is posted.
        office = posted.with_user(self.users["office"])
        with self.assertRaisesRegex(UserError, "locked"):
            office.write({"name": "Sửa"})
        with self.assertRaisesRegex(UserError, "kept by law"):
            office.unlink()
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            draft.with_user(self.users["office"]).write({"state": "posted"})
        self.assertEqual(draft.state, "draft")
        self.assertEqual(posted.name, "Kế hoạch công tác")

    def test_dc3_publish_twice_changes_nothing(self):
        with freeze_time("2026-12-03"):
            publication = self._posted()
        with freeze_time("2026-12-04"):
            with self.assertRaisesRegex(
                UserError, "not possible in the current status"
            ):
                publication.with_user(self.users["office"]).action_publish()
        self.assertEqual(publication.date_start, date(2026, 12, 3))
        self.assertEqual(publication.state, "posted")

    def test_dc4_posted_until_the_twentieth_day_then_archived_for_staff(self):
        with freeze_time("2026-12-03"):
            publication = self._posted()
        with freeze_time("2026-12-23"):
            self.Publication._cron_archive_expired()
            self.assertEqual(publication.state, "posted")
            with self.assertRaisesRegex(UserError, "cannot be withdrawn"):
                publication.with_user(self.users["office"]).action_archive()
        with freeze_time("2026-12-24"):
            self.Publication._cron_archive_expired()
        self.assertEqual(publication.state, "archived")
        mine = self.Publication.with_user(self.users["staff"]).search(
            [("id", "=", publication.id)]
        )
        self.assertEqual(mine, publication)
        self.assertTrue(mine.content)

    def test_dc3_staff_do_not_read_others_reads(self):
        publication = self._posted()
        publication.with_user(self.users["unit_head"]).action_mark_read()
        publication.with_user(self.users["staff"]).action_mark_read()
        Read = self.env["danvan.publication.read"]
        mine = Read.with_user(self.users["staff"]).search([])
        self.assertEqual(mine.user_id, self.users["staff"])
        groups = Read.with_user(self.users["staff"]).read_group(
            [], ["user_id"], ["user_id"]
        )
        self.assertEqual([g["user_id"][0] for g in groups], [self.users["staff"].id])
        self.assertEqual(
            len(
                Read.with_user(self.users["office"]).search(
                    [("publication_id", "=", publication.id)]
                )
            ),
            2,
        )
        # A read is not forged for someone else, nor deleted.
        with self.assertRaises(AccessError):
            mine.with_user(self.users["staff"]).unlink()
        with self.assertRaises(AccessError):
            mine.with_user(self.users["staff"]).write(
                {"user_id": self.users["leader"].id}
            )

    def test_dc3_mark_read_twice_and_a_draft_is_not_read(self):
        draft = self._publication()
        draft.action_mark_read()
        self.assertFalse(draft.read_ids)
        publication = self._posted()
        staff = publication.with_user(self.users["staff"])
        staff.action_mark_read()
        staff.action_mark_read()
        self.assertEqual(len(publication.read_ids), 1)

    def test_dc3_the_office_sees_who_has_not_read(self):
        employees = self._add_staff(3)
        publication = self._posted()
        publication.with_user(self.users["staff"]).action_mark_read()
        staff_employee = self.users["staff"].employee_ids
        audience = self.env["hr.employee"].search([])
        self.assertEqual(publication.audience_count, len(audience))
        self.assertEqual(publication.read_count, 1)
        self.assertEqual(publication.unread_count, len(audience) - 1)
        self.assertAlmostEqual(publication.read_rate, 100.0 / len(audience))
        action = publication.with_user(self.users["office"]).action_open_unread_staff()
        unread = self.env[action["res_model"]].with_user(self.users["office"])
        unread = unread.search(action["domain"])
        self.assertEqual(set(unread.ids), set((audience - staff_employee).ids))
        self.assertTrue(set(employees.ids) <= set(unread.ids))
        reads = publication.with_user(self.users["office"]).action_open_reads()
        self.assertEqual(
            self.env[reads["res_model"]].search(reads["domain"]).user_id,
            self.users["staff"],
        )

    def test_dc3_read_stats_cost_the_same_for_5_and_50_staff(self):
        publications = (
            self._posted()
            | self._posted(
                name="Công khai tổ",
                audience="units",
                department_ids=[(6, 0, self.unit_science.ids)],
            )
            | self._posted(name="Quy chế")
        )
        publications[0].with_user(self.users["staff"]).action_mark_read()
        self.env.flush_all()

        def count():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            publications._recount_reads()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        self._add_staff(5)
        self.env.flush_all()
        with_5 = count()
        self._add_staff(45)
        self.env.flush_all()
        with self.assertQueryCount(with_5):
            self.env.invalidate_all()
            publications._recount_reads()
        self.assertLessEqual(with_5, 8)
        science = self.env["hr.employee"].search_count(
            [("department_id", "child_of", self.unit_science.id)]
        )
        self.assertEqual(publications[1].audience_count, science)
        self.assertGreater(science, 50)

    def test_dc1_another_agency_publication_is_invisible(self):
        other = self.env["res.company"].create({"name": "Sở Tư pháp thử"})
        publication = self.Publication.create(
            {
                "name": "Công khai của Sở khác",
                "company_id": other.id,
                "category_id": self.category_salary.id,
                "decision_date": date(2026, 12, 1),
                "content": "<p>Khác</p>",
            }
        )
        publication.action_publish()
        for role in ("staff", "office", "leader"):
            Publication = self.Publication.with_user(self.users[role])
            self.assertFalse(Publication.search([("id", "=", publication.id)]))
            self.assertFalse(
                Publication.read_group(
                    [("name", "=", "Công khai của Sở khác")], ["name"], ["name"]
                )
            )

    def test_dc3_a_draft_made_for_another_record_asks_the_office(self):
        request = (
            self.env["danvan.information.request"]
            .with_user(self.users["staff"])
            .create({"name": "Hỏi", "question": "Kế hoạch đào tạo"})
        )
        publication = self.Publication._create_for(
            request,
            "danvan_democracy.danvan_publication_category_art46_12",
            {"name": "Trả lời chung", "content": "<p>Kế hoạch</p>"},
        )
        self.assertEqual(publication.state, "draft")
        self.assertEqual(
            (publication.res_model, publication.res_id), (request._name, request.id)
        )
        todo = publication.sudo().activity_ids.filtered(
            lambda a: a.user_id == self.users["office"]
        )
        self.assertEqual(todo.date_deadline, publication.date_due)
        publication.with_user(self.users["office"]).action_publish()
        self.assertFalse(publication.sudo().activity_ids)

    def test_dc3_staff_cannot_mark_read_what_is_not_posted_for_them(self):
        Read = self.env["danvan.publication.read"].with_user(self.users["staff"])
        draft = self._publication()
        with self.assertRaises(AccessError):
            Read.create({"publication_id": draft.id})
        others = self._posted(
            name="Của Văn phòng",
            audience="units",
            department_ids=[(6, 0, self.unit_office.ids)],
        )
        with self.assertRaises(AccessError):
            Read.create({"publication_id": others.id})
        # Nor in someone else's name.
        mine = self._posted(name="Cho toàn cơ quan")
        with self.assertRaises(AccessError):
            Read.create({"publication_id": mine.id, "user_id": self.users["leader"].id})
        self.assertFalse((draft | others | mine).read_ids)
        # The Office sees a draft but a draft is not read.
        with self.assertRaisesRegex(UserError, "not posted yet"):
            self.env["danvan.publication.read"].with_user(self.users["office"]).create(
                {"publication_id": draft.id}
            )

    def test_dc2_a_secret_draft_reaches_no_staff_channel(self):
        secret = "Phương án nhân sự mật ZK-4417"
        draft = self._publication(
            name="Phương án nhân sự", content=f"<p>{secret}</p>", confidential=True
        )
        draft.with_user(self.users["office"]).message_post(body=secret)
        for role in ("staff", "unit_head", "union", "board"):
            user = self.users[role]
            user.groups_id |= self.env.ref("base.group_allow_export")
            Publication = self.Publication.with_user(user)
            self.assertFalse(Publication.search([("content", "ilike", "ZK-4417")]))
            with self.assertRaises(AccessError):
                draft.with_user(user).read(["content"])
            groups = Publication.read_group([], ["name"], ["name"])
            self.assertNotIn("Phương án nhân sự", str(groups))
            exported = Publication.search([]).export_data(["name", "content"])
            self.assertNotIn("ZK-4417", str(exported))
            messages = (
                self.env["mail.message"]
                .with_user(user)
                .search([("body", "ilike", "ZK-4417")])
            )
            self.assertFalse(messages)
            blocks = self.env["danvan.my.work"].with_user(user).get_my_work()
            self.assertNotIn("ZK-4417", str(blocks))
            self.assertNotIn("Phương án nhân sự", str(blocks))
        # The Office sees it, and cannot publish it.
        office = self.Publication.with_user(self.users["office"])
        self.assertEqual(office.search([("content", "ilike", "ZK-4417")]), draft)

    def test_dc3_the_unread_list_opens_for_the_office(self):
        publication = self._posted()
        action = publication.with_user(self.users["office"]).action_open_unread_staff()
        Public = self.env[action["res_model"]].with_user(self.users["office"])
        views = Public.get_views(action["views"])
        self.assertIn("list", views["views"])
        self.assertTrue(Public.search_read(action["domain"], ["name", "department_id"]))
        # Staff have no such list.
        with self.assertRaises(AccessError):
            publication.with_user(self.users["staff"]).action_open_unread_staff()

    def test_dc3_the_office_fills_the_form_as_the_web_client_does(self):
        form = Form(self.Publication.with_user(self.users["office"]))
        form.name = "Công khai qua biểu mẫu"
        form.category_id = self.category_salary
        form.decision_date = date(2026, 12, 4)
        self.assertEqual(form.date_due, date(2026, 12, 11))
        form.audience = "units"
        form.department_ids.add(self.unit_science)
        form.content = "<p>Nội dung</p>"
        publication = form.save()
        self.assertEqual(publication.audience_count, 3)
        with Form(publication.with_user(self.users["office"])) as edit:
            edit.department_ids.add(self.unit_office)
        self.assertEqual(publication.audience_count, 7)

    def test_dc3_the_dashboard_groups_read_rates_by_category(self):
        posted = self._posted()
        self._posted(
            name="Quy chế",
            category_id=self.env.ref(
                "danvan_democracy.danvan_publication_category_art46_9"
            ).id,
        )
        posted.with_user(self.users["staff"]).action_mark_read()
        Publication = self.Publication.with_user(self.users["office"])
        action = self.env.ref("danvan_democracy.danvan_publication_action_dashboard")
        views = Publication.get_views([(False, "graph"), (False, "pivot")])
        self.assertEqual(set(views["views"]), {"graph", "pivot"})
        self.assertIn("graph", action.view_mode)
        groups = Publication.read_group(
            [
                (
                    "id",
                    "in",
                    (posted | Publication.search([("name", "=", "Quy chế")])).ids,
                )
            ],
            ["read_rate:avg", "unread_count:sum"],
            ["category_id"],
        )
        rates = {g["category_id"][0]: g["read_rate"] for g in groups}
        self.assertAlmostEqual(rates[self.category_salary.id], posted.read_rate)
        self.assertGreater(rates[self.category_salary.id], 0)
