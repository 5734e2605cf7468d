from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .consultation_common import ConsultationCommon


@tagged("post_install", "-at_install")
class TestConsultation(ConsultationCommon):
    """The plan and the workflow of a consultation (DC-11, DC-12, DC-21)."""

    def test_dc12_from_plan_to_published_table(self):
        consultation = self._consultation()
        self.assertEqual(consultation.state, "open")
        self.assertEqual(consultation.current_version_id.number, 1)
        article = consultation.article_ids[0]
        self._opinion(consultation, self.users["staff"], article)
        self._opinion(
            consultation, self.users["union"], content="Cần phụ lục định mức."
        )
        consultation.action_close()
        # The responsible person compiles the table once it closes.
        todo = consultation.activity_ids.filtered(
            lambda a: a.user_id == self.users["office"]
        )
        self.assertEqual(len(todo), 1)
        consultation.action_compile()
        self.assertFalse(consultation.activity_ids)
        lines = consultation._summary_lines()
        self.assertEqual(lines.mapped("article_id"), article)
        self.assertEqual(lines.mapped("opinion_count"), [1, 1])
        self.assertIn("phụ cấp lưu trú", lines[1].gist)
        with self.assertRaisesRegex(UserError, "decision on every line"):
            consultation.action_summarise()
        self._decide_all(consultation)
        consultation.action_summarise()
        self.assertEqual(consultation.state, "summarised")
        # Leadership is asked to issue it.
        approval = self.env.ref("danvan_base.mail_activity_danvan_approval")
        self.assertIn(
            self.users["leader"],
            consultation.activity_ids.filtered(
                lambda a: a.activity_type_id == approval
            ).user_id,
        )
        with self.assertRaisesRegex(UserError, "edited while the consultation"):
            lines[0].write({"explanation": "Khác"})
        # Staff read the table once it is published, not before.
        staff_view = consultation.with_user(self.users["staff"])
        self.assertFalse(staff_view.response_ids)
        leader = self.users["leader"]
        # Only leadership issues the table.
        with self.assertRaises(AccessError):
            consultation.action_issue()
        consultation.with_user(leader).action_issue()
        self.assertEqual(consultation.state, "published")
        self.assertFalse(consultation.activity_ids)
        self.assertRegex(consultation.number, r"^\d+/BC-")
        self.assertEqual(consultation.date_issued, self.today)
        publication = consultation.publication_id
        self.assertEqual(
            publication.category_id,
            self.env.ref("danvan_democracy.danvan_publication_category_art46_10"),
        )
        self.assertEqual(publication.state, "posted")
        self.assertEqual(publication.res_id, consultation.id)
        self.assertEqual(publication.attachment_ids.mimetype, "application/pdf")
        self.assertTrue(consultation.summary_attachment_id)
        # Staff read the published table.
        self.assertTrue(publication.with_user(self.users["staff"]).read(["name"]))
        staff_view.invalidate_recordset()
        self.assertEqual(len(staff_view.response_ids), 2)
        # Issued: locked and kept.
        with self.assertRaisesRegex(UserError, "locked"):
            consultation.write({"name": "Khác"})
        with self.assertRaisesRegex(UserError, "kept by law"):
            consultation.sudo().unlink()
        # A second click changes nothing.
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            consultation.with_user(leader).action_issue()
        self.assertEqual(
            self.env["danvan.publication"].search_count(
                [
                    ("res_model", "=", "danvan.consultation"),
                    ("res_id", "=", consultation.id),
                ]
            ),
            1,
        )

    def test_dc12_opening_notifies_the_staff_consulted(self):
        consultation = self._consultation(open_it=False)
        consultation.action_open()
        message = self.env["mail.message"].search(
            [
                ("model", "=", "danvan.consultation"),
                ("res_id", "=", consultation.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertIn(self.users["staff"].partner_id, message.partner_ids)
        # A second click changes nothing.
        with self.assertRaisesRegex(UserError, "not possible in the current status"):
            consultation.action_open()

    def test_dc12_opening_needs_a_draft_and_channels(self):
        consultation = self._consultation(open_it=False, article_ids=[], version_ids=[])
        with self.assertRaisesRegex(UserError, "Attach the draft"):
            consultation.action_open()
        consultation.write({"article_ids": [(0, 0, {"number": "Điều 1"})]})
        consultation.write({"channel_ids": [(5,)]})
        with self.assertRaisesRegex(UserError, "channels"):
            consultation.action_open()
        self.assertEqual(consultation.state, "draft")

    def test_dc12_absurd_dates_are_refused(self):
        with self.assertRefused("cannot be before"):
            self._consultation(open_it=False, date_close=self.today - timedelta(days=1))
        with self.assertRefused("1990 and 2100"):
            self._consultation(open_it=False, date_open=date(1900, 1, 1))
        consultation = self._consultation(open_it=False)
        with self.assertRefused("1990 and 2100"):
            consultation.write({"date_close": date(2202, 1, 1)})
        self.assertEqual(consultation.date_close, self.today + timedelta(days=14))

    def test_dc21_a_higher_level_draft_closes_by_its_deadline(self):
        with self.assertRefused("deadline of the higher level"):
            self._consultation(
                open_it=False,
                subject_kind="higher_draft",
                higher_deadline=self.today + timedelta(days=7),
            )
        consultation = self._consultation(
            open_it=False,
            subject_kind="higher_draft",
            higher_deadline=self.today + timedelta(days=14),
        )
        self.assertEqual(consultation.state, "draft")

    def test_dc12_the_status_changes_only_through_the_buttons(self):
        consultation = self._consultation()
        for user in (
            self.users["office"],
            self.users["leader"],
            self.users["dv_admin"],
        ):
            with self.assertRaisesRegex(UserError, "changes only through its buttons"):
                consultation.with_user(user).write({"state": "published"})
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            self.Consultation.with_user(self.users["office"]).create(
                {"name": "X", "date_close": self.today, "state": "published"}
            )
        with self.assertRaises(AccessError):
            consultation.with_user(self.users["staff"]).action_close()
        with self.assertRaises(AccessError):
            consultation.with_user(self.users["union"]).action_close()
        self.assertEqual(consultation.state, "open")

    def test_dc12_the_draft_is_kept_as_staff_read_it(self):
        consultation = self._consultation()
        article = consultation.article_ids[0]
        with self.assertRaisesRegex(UserError, "kept as staff read them"):
            article.with_user(self.users["office"]).write({"text": "Khác"})
        with self.assertRaisesRegex(UserError, "kept as staff read them"):
            article.with_user(self.users["office"]).unlink()
        # A new version may still come while it is open; the last is current.
        version = (
            self.env["danvan.consultation.version"]
            .with_user(self.users["office"])
            .create(
                {
                    "consultation_id": consultation.id,
                    "file": "ZHU=",
                    "file_name": "v2.txt",
                }
            )
        )
        self.assertEqual(version.number, 2)
        self.assertEqual(consultation.current_version_id, version)
        with self.assertRaisesRegex(UserError, "add a new version"):
            version.write({"note": "Khác"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            version.unlink()

    def test_dc12_staff_read_what_they_are_consulted_on(self):
        unit = self.env["hr.department"].create({"name": "Phòng Tin học"})
        for_unit = self._consultation(
            audience="units", department_ids=[(6, 0, unit.ids)]
        )
        for_all = self._consultation()
        planned = self._consultation(open_it=False)
        staff = self.users["staff"]
        visible = self.Consultation.with_user(staff).search(
            [("id", "in", (for_unit | for_all | planned).ids)]
        )
        self.assertEqual(visible, for_all)
        self.assertEqual(
            self.Consultation.with_user(staff).search(
                [("is_concerned", "=", True), ("id", "in", (for_unit | for_all).ids)]
            ),
            for_all,
        )
        # The union supervises all of them, even the plan.
        union = self.Consultation.with_user(self.users["union"]).search(
            [("id", "in", (for_unit | for_all | planned).ids)]
        )
        self.assertEqual(union, for_unit | for_all | planned)
        with self.assertRaises(AccessError):
            for_all.with_user(self.user_outsider).read(["name"])
        with self.assertRaises(AccessError):
            for_all.with_user(staff).write({"name": "Khác"})

    def test_dc12_union_opinion_before_the_democracy_rules_are_issued(self):
        consultation = self._consultation(subject_kind="democracy_rules")
        self._opinion(consultation, self.users["staff"])
        consultation.action_close()
        consultation.action_compile()
        self._decide_all(consultation)
        consultation.action_summarise()
        leader = consultation.with_user(self.users["leader"])
        with self.assertRaisesRegex(UserError, "union executive committee must give"):
            leader.action_issue()
        self.assertEqual(consultation.state, "summarised")
        self.assertFalse(consultation.number)
        # Only a union member records it; the Office cannot write it for them.
        with self.assertRaisesRegex(AccessError, "union executive committee"):
            consultation.with_user(self.users["office"]).write(
                {"union_opinion": "Đồng ý"}
            )
        union = consultation.with_user(self.users["union"])
        # The union writes its opinion, nothing else (its form says so too).
        self.assertTrue(union.can_give_union_opinion)
        self.assertFalse(union.can_edit_plan)
        self.assertTrue(consultation.can_edit_plan)
        with self.assertRaisesRegex(AccessError, "Only the Office"):
            union.write({"union_opinion": "Đồng ý", "name": "Khác"})
        union.write({"union_opinion": "Ban Chấp hành Công đoàn thống nhất."})
        self.assertEqual(consultation.union_user_id, self.users["union"])
        self.assertEqual(consultation.union_opinion_date, self.today)
        leader.action_issue()
        self.assertEqual(consultation.state, "published")
        with self.assertRaisesRegex(UserError, "before its summary is issued"):
            union.write({"union_opinion": "Khác"})

    def test_dc12_other_subjects_need_no_union_opinion(self):
        consultation = self._consultation(subject_kind="working_rules")
        consultation.action_close()
        consultation.action_compile()
        self._decide_all(consultation)
        consultation.action_summarise()
        consultation.with_user(self.users["leader"]).action_issue()
        self.assertEqual(consultation.state, "published")

    def test_dc12_compiling_again_keeps_the_decisions(self):
        consultation = self._consultation()
        with self.assertRaisesRegex(UserError, "once the consultation is closed"):
            consultation.action_compile()
        self._opinion(consultation, self.users["staff"], consultation.article_ids[0])
        consultation.action_close()
        with self.assertRaises(AccessError):
            consultation.with_user(self.users["staff"]).action_compile()
        consultation.action_compile()
        self._decide_all(consultation)
        # DC-22: the numbers of opinions are compiled, never typed.
        line = consultation.response_ids[:1].with_user(self.users["office"])
        with self.assertRaisesRegex(UserError, "not typed"):
            line.write({"opinion_count": 40})
        with self.assertRaisesRegex(UserError, "not typed"):
            line.create({"consultation_id": consultation.id, "opinion_count": 3})
        line.write({"gist": "- Nâng phụ cấp lưu trú."})
        consultation.action_compile()
        self.assertEqual(len(consultation.response_ids), 2)
        self.assertEqual(set(consultation.response_ids.mapped("decision")), {"partly"})
        with self.assertRaisesRegex(UserError, "an explanation"):
            consultation.response_ids[0].write({"explanation": False})
            consultation.action_summarise()

    @freeze_time("2026-12-20")
    def test_dc12_the_cron_closes_past_the_closing_day(self):
        consultation = self._consultation(
            date_open=date(2026, 12, 1), date_close=date(2026, 12, 18)
        )
        still_open = self._consultation(
            date_open=date(2026, 12, 1), date_close=date(2026, 12, 20)
        )
        self.Consultation._cron_close_expired()
        self.assertEqual(consultation.state, "closed")
        self.assertEqual(still_open.state, "open")
        self.assertEqual(consultation.activity_ids.user_id, self.users["office"])

    def test_dc12_printed_in_the_official_layout(self):
        consultation = self._consultation()
        self._opinion(consultation, self.users["staff"], content="Ý kiến in bảng.")
        consultation.action_close()
        consultation.action_compile()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "danvan_democracy.action_report_danvan_consultation_summary",
                consultation.ids,
            )[0]
            .decode()
        )
        self.assertIn("Ý kiến in bảng.", html)
        self.assertIn("BÁO CÁO", html)
        name, content = consultation._render_docx()
        self.assertTrue(name.endswith(".docx"))
        self.assertTrue(content.startswith(b"PK"))

    def test_dc12_a_consultation_with_opinions_is_not_deleted(self):
        planned = self._consultation(open_it=False)
        planned.unlink()
        consultation = self._consultation()
        with self.assertRaisesRegex(UserError, "kept by law"):
            consultation.unlink()

    def test_dc12_validation_of_units(self):
        with self.assertRaises(ValidationError):
            self._consultation(open_it=False, audience="units")

    def test_dc22_what_the_workflow_records_is_never_typed(self):
        consultation = self._consultation()
        office = consultation.with_user(self.users["office"])
        for values in (
            {"number": "01/BC-GIA"},
            {"date_issued": date(2026, 1, 1)},
            {"union_user_id": self.users["union"].id},
            {"union_opinion_date": date(2026, 1, 1)},
        ):
            with self.assertRaisesRegex(UserError, "recorded by the workflow"):
                office.write(values)
        with self.assertRaises(AccessError):
            consultation.with_user(self.users["union"]).write(
                {"union_opinion": "Đồng ý", "union_user_id": self.users["staff"].id}
            )
        self.assertFalse(consultation.number or consultation.union_user_id)
        with self.assertRaisesRegex(UserError, "recorded by the workflow"):
            self._consultation(open_it=False, number="01/BC-GIA")
        with self.assertRaisesRegex(UserError, "not in its plan"):
            self._consultation(open_it=False, union_opinion="Đồng ý")
        # A plan copied for the next year starts without any of them.
        consultation.sudo().write({"union_opinion": "Đồng ý"})
        copy = office.copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.union_opinion or copy.union_user_id)

    def test_dc12_each_agency_sees_its_own_consultations(self):
        other = self.env["res.company"].create({"name": "Sở Tư pháp"})
        # Its responsible is of that agency: a user of another is refused.
        their_office = new_test_user(
            self.env,
            login="dv_other_office",
            groups="danvan_base.group_danvan_office",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        theirs = self.Consultation.sudo().create(
            {
                "name": "Dự thảo của cơ quan khác",
                "company_id": other.id,
                "date_open": self.today,
                "date_close": self.today + timedelta(days=7),
                "user_id": their_office.id,
            }
        )
        ours = self._consultation()
        for login in ("office", "union", "leader"):
            found = self.Consultation.with_user(self.users[login]).search(
                [("id", "in", (theirs | ours).ids)]
            )
            self.assertEqual(found, ours, login)
