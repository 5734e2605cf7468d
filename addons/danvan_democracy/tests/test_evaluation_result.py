import base64
import io

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .evaluation_common import EvaluationCommon

SECRET = "GHI-CHU-BI-MAT-7Q4Z"


@tagged("post_install", "-at_install")
class TestEvaluationResult(EvaluationCommon):
    def test_dc20_one_result_per_staff_member_and_year(self):
        batch = self._import()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Result.create(
                {"batch_id": batch.id, "employee_id": self.emp_a.id, "level": "good"}
            )

    def test_dc19_entered_score_is_out_of_100(self):
        batch = self.Batch.with_user(self.users["office"]).create({"year": 2026})
        with self.assertRefused("from 0 to 100"):
            self.Result.with_user(self.users["office"]).create(
                {
                    "batch_id": batch.id,
                    "employee_id": self.emp_a.id,
                    "level": "good",
                    "score": 101,
                }
            )
        result = self.Result.with_user(self.users["office"]).create(
            {"batch_id": batch.id, "employee_id": self.emp_a.id, "level": "good"}
        )
        self.assertEqual((result.source, result.year), ("manual", 2026))

    def test_dc2_publication_of_the_results_locks_them(self):
        batch = self._import().with_user(self.users["office"])
        # DC-3: the Office who imported publishes next, within 5 working days.
        self.assertEqual(batch.activity_ids.user_id, self.users["office"])
        self.assertEqual(str(batch.activity_ids.date_deadline), "2026-12-10")
        action = batch.action_publish()
        self.assertFalse(batch.activity_ids)
        self.assertEqual(batch.state, "published")
        publication = batch.publication_id
        self.assertEqual(action["res_id"], publication.id)
        self.assertEqual(
            publication.category_id,
            self.env.ref("danvan_democracy.danvan_publication_category_art46_6"),
        )
        self.assertEqual(
            (publication.state, publication.res_model, publication.res_id),
            ("draft", batch._name, batch.id),
        )
        self.assertIn("Trần Thị Mai", publication.content)
        self.assertIn(len(publication.attachment_ids), (1, 2))
        attachment = publication.attachment_ids.filtered(
            lambda a: a.name.endswith(".xlsx")
        )
        # The official notice lists them too (Decree 30/2020).
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "danvan_democracy.action_report_danvan_evaluation_batch", batch.ids
            )[0]
            .decode()
        )
        self.assertIn("THÔNG BÁO", html)
        self.assertIn("Lê Văn Nam", html)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(
                self.users["staff"]
            )._render_qweb_html(
                "danvan_democracy.action_report_danvan_evaluation_batch", batch.ids
            )
        import openpyxl

        sheet = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(attachment.datas))
        ).active
        names = [row[1] for row in sheet.iter_rows(values_only=True)]
        self.assertIn("Lê Văn Nam", names)
        # The Office posts it; staff then read the whole list there.
        publication.action_publish()
        staff_view = publication.with_user(self.users["staff"])
        self.assertIn("Lê Văn Nam", staff_view.content)
        for document in publication.attachment_ids:
            self.assertTrue(document.with_user(self.users["staff"]).datas)
        result = batch.result_ids[:1].with_user(self.users["office"])
        with self.assertRaisesRegex(UserError, "locked in its current status"):
            result.level = "not_completed"
        with self.assertRaisesRegex(UserError, "is published: its results are locked"):
            self.Result.with_user(self.users["office"]).create(
                {
                    "batch_id": batch.id,
                    "employee_id": self.emp_union.id,
                    "level": "good",
                }
            )
        with self.assertRaisesRegex(UserError, "kept by law"):
            result.unlink()
        with self.assertRaisesRegex(UserError, "kept by law"):
            batch.unlink()
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            batch.state = "draft"
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            batch.action_publish()
        self.assertEqual(
            self.env["danvan.publication"].search_count(
                [("res_model", "=", batch._name), ("res_id", "=", batch.id)]
            ),
            1,
        )

    def test_dc3_results_are_published_once_decided(self):
        batch = self._import(decision_date=False).with_user(self.users["office"])
        batch.decision_date = False
        with self.assertRaisesRegex(UserError, "date of the decision"):
            batch.action_publish()
        empty = self.Batch.with_user(self.users["office"]).create({"year": 2027})
        with self.assertRaisesRegex(UserError, "no results to publish"):
            empty.action_publish()
        self.assertEqual((batch.state, empty.state), ("draft", "draft"))
        with self.assertRaises(AccessError):
            batch.with_user(self.users["staff"]).action_publish()

    def test_dc20_staff_see_their_own_result_only(self):
        batch = self._import()
        mine = batch.result_ids.filtered(lambda r: r.employee_id == self.emp_staff)
        other = batch.result_ids.filtered(lambda r: r.employee_id == self.emp_head)
        other.note = SECRET
        Result = self.Result.with_user(self.users["staff"])
        self.assertEqual(Result.search([]), mine)
        self.assertEqual(mine.with_user(self.users["staff"]).level, "excellent")
        self.assertFalse(Result.search([("note", "ilike", SECRET)]))
        self.assertFalse(Result.search([("employee_id", "=", self.emp_head.id)]))
        with self.assertRaises(AccessError):
            other.with_user(self.users["staff"]).read(["level", "note"])
        groups = Result.read_group([], ["level"], ["level"])
        self.assertEqual(
            [(g["level"], g["level_count"]) for g in groups], [("excellent", 1)]
        )
        self.users["staff"].groups_id += self.env.ref("base.group_allow_export")
        exported = Result.search([]).export_data(["employee_id/name", "level", "note"])
        self.assertNotIn(SECRET, str(exported))
        self.assertNotIn(self.emp_head.name, str(exported))
        with self.assertRaises(AccessError):
            mine.with_user(self.users["staff"]).level = "good"
        with self.assertRaises(AccessError):
            self.Batch.with_user(self.users["staff"]).search([])
        # The screens of "My Results" open for them.
        for view_type in ("list", "form", "search"):
            Result.get_views([(False, view_type)])
        shown = mine.with_user(self.users["staff"]).web_read(
            {
                "employee_id": {"fields": {"display_name": {}}},
                "department_id": {"fields": {"display_name": {}}},
                "level": {},
                "year": {},
                "state": {},
            }
        )
        self.assertEqual(shown[0]["employee_id"]["display_name"], self.emp_staff.name)
        # The unit head sees their own result, not their unit's.
        head = self.Result.with_user(self.users["unit_head"])
        self.assertEqual(head.search([]), other)
        # Nothing of it in the chatter either.
        messages = self.env["mail.message"].search([("model", "=", batch._name)])
        self.assertNotIn(SECRET, str(messages.mapped("body")))
        # An outsider has no access at all.
        with self.assertRaises(AccessError):
            self.Result.with_user(self.user_outsider).search([])

    def test_dc20_office_and_leadership_see_all(self):
        batch = self._import()
        for role in ("office", "leader"):
            found = self.Result.with_user(self.users[role]).search(
                [("year", "=", 2026)]
            )
            self.assertEqual(found, batch.result_ids)

    def test_dc20_rewards_are_proposed_from_excellent_and_good(self):
        batch = self._import().with_user(self.users["office"])
        with self.assertRaisesRegex(UserError, "Choose the staff conference"):
            batch.action_propose_rewards()
        conference = (
            self.env["danvan.conference"]
            .with_user(self.users["office"])
            .create({"work_year": 2026})
        )
        batch.conference_id = conference
        batch.action_propose_rewards()
        batch.action_propose_rewards()
        Reward = self.env["danvan.conference.reward"]
        rewards = Reward.search([("conference_id", "=", conference.id)])
        self.assertEqual(rewards.employee_id, self.emp_staff | self.emp_head)
        self.assertEqual(set(rewards.mapped("title")), {"advanced_worker"})
        self.assertEqual(batch.reward_count, 2)
        # Before publication, staff see no proposal, nor the levels it shows.
        staff_rewards = Reward.with_user(self.users["staff"])
        self.assertFalse(staff_rewards.search([]))
        self.assertFalse(staff_rewards.search([("level", "=", "good")]))
        with self.assertRaises(AccessError):
            rewards.with_user(self.users["staff"]).read(["level"])
        batch.decision_date = "2026-12-03"
        batch.action_publish()
        self.assertEqual(staff_rewards.search([]), rewards)
        # The conference of January is chosen on the published, locked results.
        january = self.env["danvan.conference"].create(
            {"work_year": 2026, "kind": "extraordinary"}
        )
        batch.conference_id = january
        batch.action_propose_rewards()
        self.assertEqual(
            Reward.search([("conference_id", "=", january.id)]).employee_id,
            self.emp_staff | self.emp_head,
        )
        with self.assertRaisesRegex(UserError, "locked"):
            batch.decision_ref = "96/QĐ-SKHCN"
        batch.conference_id = conference
        with self.assertRaises(UserError):
            batch.with_user(self.users["staff"]).action_propose_rewards()
        with self.assertRaises(AccessError):
            rewards.with_user(self.users["staff"]).title = "certificate"
        with self.assertRefused("not the one of"):
            rewards[:1].result_id = batch.result_ids.filtered(
                lambda r: r.employee_id == self.emp_a
            )
        conference.sudo().state = "done"
        with self.assertRaisesRegex(UserError, "has been held"):
            rewards.with_user(self.users["office"]).title = "certificate"
        with self.assertRaisesRegex(UserError, "has been held"):
            rewards.with_user(self.users["office"]).unlink()

    def test_dc19_batch_is_one_per_agency_and_year(self):
        self.Batch.create({"year": 2026})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Batch.create({"year": 2026})

    def test_dc20_result_of_another_agency_is_refused(self):
        other = self.env["res.company"].create({"name": "Sở Nội vụ"})
        stranger = self.env["hr.employee"].create(
            {"name": "Người Sở Khác", "company_id": other.id}
        )
        batch = self.Batch.create({"year": 2026})
        with self.assertRefused("is not a staff member of"):
            self.Result.create(
                {"batch_id": batch.id, "employee_id": stranger.id, "level": "good"}
            )


@tagged("post_install", "-at_install")
class TestEvaluationIntegrity(EvaluationCommon):
    def test_dc19_absurd_years_and_decision_dates_are_refused(self):
        Batch = self.Batch.with_user(self.users["office"])
        with self.assertRefused("between 1990 and 2100"):
            Batch.create({"year": 20026})
        with self.assertRefused("taken at the end of the year"):
            Batch.create({"year": 2026, "decision_date": "2020-12-10"})
        with self.assertRefused("taken at the end of the year"):
            self._import(decision_date="2029-01-05")
        self.assertFalse(self.Batch.search([("year", "in", (2026, 20026))]))

    def test_dc19_plain_write_of_state_is_refused(self):
        batch = self._import().with_user(self.users["office"])
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            batch.state = "published"
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            batch.result_ids[:1].state = "published"
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            self.Batch.with_user(self.users["office"]).create(
                {"year": 2027, "state": "published"}
            )
        self.assertEqual(batch.state, "draft")

    def test_dc1_another_agency_sees_none_of_the_results(self):
        batch = self._import()
        other = self.env["res.company"].create({"name": "Sở Tư pháp"})
        office = self.users["office"]
        office.write({"company_ids": [(4, other.id)], "company_id": other.id})
        Result = self.Result.with_user(office).with_context(
            allowed_company_ids=[other.id]
        )
        self.assertFalse(Result.search([]))
        self.assertFalse(
            self.Batch.with_user(office)
            .with_context(allowed_company_ids=[other.id])
            .search([("id", "=", batch.id)])
        )

    def test_dc1_no_import_into_another_agency(self):
        other = self.env["res.company"].create({"name": "Sở Tài chính"})
        self.env["hr.employee"].create({"name": "Trần Thị Mai", "company_id": other.id})
        wizard = self._wizard(self._csv(self.GOOD_FILE), company_id=other.id)
        with self.assertRaisesRegex(AccessError, "import the results of your own"):
            wizard.action_preview()
        self.assertFalse(wizard.line_ids)

    def test_dc2_publication_queries_flat_in_the_number_of_staff(self):
        Employee = self.env["hr.employee"]

        def queries(count, year):
            staff = Employee.create(
                [
                    {
                        "name": f"Cán bộ {year} {n:02d}",
                        "department_id": self.unit_science.id,
                    }
                    for n in range(count)
                ]
            )
            lines = [("Họ và tên", "Xếp loại")] + [
                (e.name, "Hoàn thành") for e in staff
            ]
            batch = self._import(lines, year=year, decision_date=f"{year}-12-10")
            batch = batch.with_user(self.users["office"])
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            batch.action_publish()
            batch.read(
                ["result_count", "excellent_count", "quota_warning", "reward_count"]
            )
            self.env.flush_all()
            return self.cr.sql_log_count - before

        # Years of their own, decided in the past of a frozen today.
        with freeze_time("2032-01-15"):
            few = queries(5, 2030)
            many = queries(50, 2031)
        self.assertLessEqual(many, few + 2, f"{few} queries for 5 staff, {many} for 50")
