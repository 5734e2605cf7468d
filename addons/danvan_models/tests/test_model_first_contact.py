"""What stops the users of the models on their first day (issue 10)."""

from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import FULL_REGISTRATION, ModelsCommon

PROGRESS = "<p>Đã làm việc với 12 doanh nghiệp.</p>"


class FirstContactCommon(ModelsCommon):
    freeze_time = "2025-03-10"

    def setUp(self):
        super().setUp()
        self._open_round()

    def _upload(self, user, res_model, name="bien-ban.pdf"):
        """A file as the many2many_binary widget uploads it: res_id 0."""
        return (
            self.env["ir.attachment"]
            .with_user(user)
            .create({"name": name, "raw": b"%PDF-1.4", "res_model": res_model})
        )

    def _appraised(self, reviewers=None):
        registration = self._submitted()
        office = registration.with_user(self.users["office"])
        office.action_accept()
        reviewers = reviewers or self.reviewers
        office.reviewer_ids = [Command.set([r.id for r in reviewers])]
        office.action_start_appraisal()
        for reviewer in reviewers:
            self._score(registration, reviewer, 0.9)
        office.action_close_appraisal()
        return registration

    def _implementing(self):
        registration = self._appraised()
        registration.with_user(self.users["leader"]).action_approve()
        return registration

    def _report_progress(self, registration, user, progress=40, **vals):
        """A progress line added in the registration's form."""
        registration.with_user(user).write(
            {
                "update_ids": [
                    Command.create(
                        dict(vals, content=PROGRESS, progress=progress),
                    )
                ]
            }
        )


@tagged("post_install", "-at_install")
class TestModelAttachments(FirstContactCommon):
    """Files attached before the first save belong to their record."""

    def _assert_read_by_office_and_leadership(self, attachment):
        for role in ("office", "leader"):
            self.assertEqual(
                attachment.with_user(self.users[role]).raw, b"%PDF-1.4", role
            )

    def test_registration_files_uploaded_before_saving_are_read_by_the_office(self):
        head = self.users["unit_head"]
        attachment = self._upload(head, "danvan.model.registration")
        registration = self._registration(attachment_ids=[Command.set(attachment.ids)])
        self.assertEqual(
            (attachment.res_model, attachment.res_id),
            (registration._name, registration.id),
        )
        registration.action_submit()
        self._assert_read_by_office_and_leadership(attachment)

    def test_evidence_of_a_progress_line_in_the_form_is_read_by_the_office(self):
        registration = self._implementing()
        head = self.users["unit_head"]
        evidence = self._upload(head, "danvan.model.update", "anh-hoi-nghi.jpg")
        self._report_progress(
            registration, head, attachment_ids=[Command.set(evidence.ids)]
        )
        self.assertEqual(evidence.res_id, registration.update_ids.id)
        self._assert_read_by_office_and_leadership(evidence)


@tagged("post_install", "-at_install")
class TestModelProgress(FirstContactCommon):
    """The unit head and the Office report the progress of an approved model."""

    def test_unit_head_reports_progress_of_his_approved_model_in_its_form(self):
        registration = self._implementing()
        self._report_progress(registration, self.users["unit_head"], 40)
        self.assertEqual(registration.update_ids.progress, 40)
        self.assertEqual(registration.update_ids.create_uid, self.users["unit_head"])
        registration.update_ids.with_user(self.users["unit_head"]).progress = 55
        self.assertEqual(registration.update_ids.progress, 55)
        with self.assertRaises(UserError, msg="the registration itself stays locked"):
            registration.with_user(self.users["unit_head"]).objectives = "<p>x</p>"

    def test_the_office_and_leadership_report_progress(self):
        registration = self._implementing()
        self._report_progress(registration, self.users["office"], 30)
        self._report_progress(registration, self.users["leader"], 60)
        self.assertEqual(sorted(registration.update_ids.mapped("progress")), [30, 60])

    def test_no_other_unit_reports_on_the_model(self):
        registration = self._implementing()
        for user in (self.head_smq, self.reviewers[0]):
            with self.assertRaises(AccessError):
                self.env["danvan.model.update"].with_user(user).create(
                    {"registration_id": registration.id, "content": PROGRESS}
                )
        self.assertFalse(registration.update_ids)

    def test_progress_is_locked_once_the_model_is_evaluated(self):
        registration = self._implementing()
        self._report_progress(registration, self.users["unit_head"], 90)
        office = registration.with_user(self.users["office"])
        office.evaluation_score = 85
        office.action_evaluate()
        update = registration.update_ids
        for user in (self.users["unit_head"], self.users["office"]):
            with self.assertRaises(ValidationError):
                update.with_user(user).progress = 100
            with self.assertRaises(ValidationError):
                self._report_progress(registration, user, 100)
            with self.assertRaises(ValidationError):
                update.with_user(user).unlink()
        self.assertEqual(registration.update_ids.progress, 90)

    def test_the_progress_can_be_typed_in_the_form(self):
        """The progress bar of a list is read-only unless told it is editable."""
        arch = self.Registration.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertRegex(
            arch,
            r'<field name="progress" widget="progressbar" '
            r"options=\"\{'editable': true\}\"",
        )


@tagged("post_install", "-at_install")
class TestBlindAppraisal(FirstContactCommon):
    """No reviewer sees another's score before all are in, whatever his roles;
    nobody appraises a model he leads or one of his own unit."""

    def _own_scores(self, registration, user):
        return (
            self.env["danvan.model.score"]
            .with_user(user)
            .search([("registration_id", "=", registration.id)])
            .reviewer_id
        )

    def test_an_office_or_leader_reviewer_is_blind_until_all_are_in(self):
        office, leader = self.users["office"], self.users["leader"]
        outsider_office = self.users["dv_admin"]
        registration = self._submitted()
        as_office = registration.with_user(office)
        as_office.action_accept()
        as_office.reviewer_ids = [Command.set([office.id, leader.id])]
        as_office.action_start_appraisal()
        self._score(registration, leader, 0.8)
        self.assertEqual(self._own_scores(registration, office), office.browse())
        self.assertEqual(
            self._own_scores(registration, outsider_office),
            leader,
            "the Office that does not review follows the sheets",
        )
        self.assertFalse(as_office.score_ids)
        self.assertFalse(as_office.appraisal_score)
        # What a user could read stays in the cache of the transaction; the
        # next sheet is saved in a request of its own.
        self.env.invalidate_all()
        self._score(registration, office, 0.6)
        for user in (office, leader):
            self.assertEqual(self._own_scores(registration, user), office | leader)
        self.assertAlmostEqual(as_office.appraisal_score, 70.0)

    def test_nobody_reviews_a_model_he_leads_or_of_his_unit(self):
        registration = self._submitted()
        office = registration.with_user(self.users["office"])
        office.action_accept()
        # The leader is the unit head's employee; the staff user is of the unit.
        for user in (self.users["unit_head"], self.users["staff"]):
            with self.assertRaises(ValidationError):
                office.reviewer_ids = [Command.set([user.id])]
        with self.assertRaises(ValidationError):
            office.reviewer_ids = [Command.set([self.user_outsider.id])]
        office.reviewer_ids = [Command.set([self.reviewers[0].id])]
        office.action_start_appraisal()
        with self.assertRaises(ValidationError):
            office.leader_id = self.env["hr.employee"].create(
                {"name": "Trưởng nhóm mới", "user_id": self.reviewers[0].id}
            )

    def test_the_reviewer_choice_offers_only_danvan_users(self):
        registration = self._submitted()
        office = registration.with_user(self.users["office"])
        field = self.Registration._fields["reviewer_ids"]
        domain = safe_eval(
            field._description_domain(office.env),
            {
                "conflicted_user_ids": office.conflicted_user_ids.ids,
                "company_id": registration.company_id.id,
            },
        )
        offered = self.env["res.users"].with_user(self.users["office"]).search(domain)
        self.assertIn(self.reviewers[0], offered)
        self.assertIn(self.users["office"], offered)
        refused = [
            self.users["unit_head"],  # the model's leader
            self.users["staff"],  # of the model's unit
            self.user_outsider,  # not a Dân vận user
            self.users["dv_admin"],  # the roles only as administrator
        ]
        refused += [
            user
            for user in (
                self.env.ref("base.user_demo", raise_if_not_found=False),
                self.env.ref("base.user_admin", raise_if_not_found=False),
            )
            if user
        ]
        for user in refused:
            self.assertNotIn(user, offered, user.login)


@tagged("post_install", "-at_install")
class TestApprovalTodo(FirstContactCommon):
    """Leadership is asked to approve an appraised model; done when decided."""

    def _approval_todos(self, registration):
        approval = self.env.ref("danvan_base.mail_activity_danvan_approval")
        return registration.activity_ids.filtered(
            lambda a: a.activity_type_id == approval
        )

    def test_leadership_gets_a_todo_until_it_approves(self):
        registration = self._appraised()
        todos = self._approval_todos(registration)
        self.assertIn(self.users["leader"], todos.user_id)
        self.assertNotIn(self.users["office"], todos.user_id)
        registration.with_user(self.users["leader"]).action_approve()
        self.assertFalse(self._approval_todos(registration))

    def test_a_rejection_closes_the_todo_too(self):
        registration = self._appraised()
        registration.with_user(self.users["leader"]).action_reject()
        self.assertFalse(self._approval_todos(registration))


@tagged("post_install", "-at_install")
class TestWaitingLists(FirstContactCommon):
    """The list opens on what waits for the user."""

    def setUp(self):
        super().setUp()
        # Only the registrations of the tests wait for someone.
        self.Registration.search([]).action_archive()

    def _filters(self, user):
        action = self.Registration.with_user(user)._action_open_waiting()
        return {key for key in action["context"] if key.startswith("search_default")}

    def test_each_role_sees_first_what_waits_for_it(self):
        office, leader = self.users["office"], self.users["leader"]
        reviewer = self.reviewers[0]
        self.assertEqual(
            self._filters(office), {"search_default_filter_current_rounds"}
        )
        registration = self._submitted()
        self.assertEqual(self._filters(office), {"search_default_filter_to_review"})
        self.assertEqual(
            self._filters(self.users["unit_head"]),
            {"search_default_filter_current_rounds"},
        )
        as_office = registration.with_user(office)
        as_office.action_accept()
        as_office.reviewer_ids = [Command.set([r.id for r in self.reviewers])]
        as_office.action_start_appraisal()
        self.assertEqual(self._filters(reviewer), {"search_default_filter_to_score"})
        self._score(registration, reviewer, 0.9)
        self.assertEqual(
            self._filters(reviewer),
            {"search_default_filter_current_rounds"},
            "a scored model no longer waits",
        )
        self._score(registration, self.reviewers[1], 0.9)
        as_office.action_close_appraisal()
        self.assertEqual(self._filters(leader), {"search_default_filter_to_approve"})


@tagged("post_install", "-at_install")
class TestAgencyLanguage(FirstContactCommon):
    """Names stored once for every reader are in the agency's language; the
    certificate says what the classification says."""

    def setUp(self):
        super().setUp()
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env.company.danvan_lang = "vi_VN"
        self.users["office"].lang = "en_US"

    def test_closing_the_round_ends_the_todos_to_register(self):
        self.assertTrue(self.model_round.activity_ids)
        self.model_round.with_user(self.users["office"]).action_close()
        self.assertFalse(self.model_round.activity_ids)

    def test_round_name_and_todos_in_the_agency_language(self):
        office = self.users["office"]
        new_round = self.Round.with_user(office).create(
            {
                "year": 2031,
                "date_deadline": date(2031, 3, 31),
                "department_ids": [Command.set(self.unit_science.ids)],
            }
        )
        self.assertEqual(new_round.name, "Mô hình Dân vận khéo đăng ký năm 2031")
        new_round.with_user(office).action_open()
        self.assertEqual(
            new_round.activity_ids.summary,
            "Đăng ký các mô hình Dân vận khéo của đơn vị",
        )
        registration = self._submitted()
        as_office = registration.with_user(office)
        as_office.action_accept()
        as_office.reviewer_ids = [Command.set(self.reviewers[0].ids)]
        as_office.action_start_appraisal()
        self.assertEqual(
            registration.activity_ids.summary, "Chấm điểm mô hình Dân vận khéo này"
        )

    def test_round_criteria_show_the_guidance_of_their_default(self):
        """The demo's criteria, made before Vietnamese is loaded, read the
        default's guidance in Vietnamese without any copy to translate."""
        default = self.env.ref("danvan_models.danvan_model_criterion_effective")
        english = default.with_context(lang="en_US").guidance
        vietnamese = default.with_context(lang="vi_VN").guidance
        self.assertNotEqual(english, vietnamese)
        demo_round = self.env.ref("danvan_models.danvan_model_round_current_demo")
        criterion = demo_round.criterion_ids.filtered(
            lambda c: c.template_id == default
        ).with_user(self.users["office"])
        self.assertEqual(criterion.with_context(lang="vi_VN").guidance, vietnamese)
        self.assertEqual(criterion.with_context(lang="en_US").guidance, english)

    def _certificate(self, score):
        registration = self._implementing()
        office = registration.with_user(self.users["office"])
        office.evaluation_score = score
        office.action_evaluate()
        office.write(
            {
                "commendation_type": "certificate_of_merit",
                "decision_number": "125/QĐ-SKHCN",
                "decision_date": date(2025, 12, 20),
            }
        )
        office.action_recognize()
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_html(
                "danvan_models.action_report_danvan_model_certificate",
                registration.ids,
            )[0]
            .decode()
        )
        return registration, html

    def test_certificate_of_a_good_model_says_good(self):
        registration, html = self._certificate(80)
        self.assertEqual(registration.classification, "good")
        self.assertIn("Đã có thành tích tốt trong phong trào", html)
        self.assertNotIn("xuất sắc", html)
        label = registration.with_context(lang="vi_VN")._classification_label()
        self.assertIn(f"Xếp loại: {label}", html, "in the agency's language")

    def test_certificate_of_an_excellent_model_says_excellent(self):
        _registration, html = self._certificate(95)
        self.assertIn("Đã có thành tích xuất sắc trong phong trào", html)

    def test_certificate_file_is_named_as_the_commendation(self):
        registration, _html = self._certificate(80)
        report = self.env.ref("danvan_models.action_report_danvan_model_certificate")
        self.assertEqual(
            safe_eval(report.print_report_name, {"object": registration}),
            "giay-khen-125-QĐ-SKHCN",
        )
        for xmlid, name in (
            ("action_report_danvan_model_round_list", "danh-sach-mo-hinh-2025"),
            ("action_report_danvan_model_round_results", "ket-qua-mo-hinh-2025"),
        ):
            report = self.env.ref(f"danvan_models.{xmlid}")
            self.assertEqual(
                safe_eval(report.print_report_name, {"object": self.model_round}),
                name,
            )


@tagged("post_install", "-at_install")
class TestModelDemo(TransactionCase):
    """On the installed demo, the unit head registers today in the open round."""

    def test_the_unit_head_registers_a_model_today(self):
        current = self.env.ref(
            "danvan_models.danvan_model_round_current_demo", raise_if_not_found=False
        )
        if not current:
            self.skipTest("the demo data is not installed")
        today = fields.Date.context_today(current)
        self.assertEqual(current.state, "open")
        self.assertEqual(current.year, today.year)
        self.assertGreaterEqual(current.date_deadline, today)
        last_year = self.env.ref("danvan_models.danvan_model_round_last_year_demo")
        self.assertEqual(last_year.year, today.year - 1)
        self.assertIn("recognized", last_year.registration_ids.mapped("state"))
        head = self.env.ref("danvan_base.user_danvan_unit_head_demo")
        Registration = self.env["danvan.model.registration"].with_user(head)
        defaults = Registration.default_get(["round_id", "department_id"])
        self.assertEqual(defaults["round_id"], current.id)
        registration = Registration.create(
            dict(
                FULL_REGISTRATION,
                name="Mô hình đăng ký lần đầu",
                field_id=self.env.ref("danvan_models.danvan_model_field_digital").id,
                leader_id=head.employee_ids[:1].id,
                **defaults,
            )
        )
        registration.action_submit()
        self.assertEqual(registration.state, "submitted")
        self.assertEqual(registration.round_id, current)

    def test_the_demo_speaks_the_agency_language(self):
        """Notices and to-dos of the demo, and no to-do left done or past."""
        current = self.env.ref(
            "danvan_models.danvan_model_round_current_demo", raise_if_not_found=False
        )
        if not current or current.company_id._danvan_lang() != "vi_VN":
            self.skipTest("the demo data is not installed in Vietnamese")
        notice = current.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("Đề nghị đăng ký mô hình Dân vận khéo", notice.subject)
        last_year = self.env.ref("danvan_models.danvan_model_round_last_year_demo")
        self.assertFalse(last_year.activity_ids, "its registration is closed")
        scored = self.env.ref("danvan_models.danvan_model_appraised_demo")
        self.assertFalse(
            scored.activity_ids.filtered(lambda a: a.user_id in scored.reviewer_ids)
        )
        self.assertIn(
            "Phê duyệt", scored.activity_ids.summary, "leadership is asked to approve"
        )
