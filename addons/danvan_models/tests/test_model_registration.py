from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ModelsCommon


@tagged("post_install", "-at_install")
class TestModelRound(ModelsCommon):
    """Registration rounds (issue 4, item 1)."""

    freeze_time = "2025-03-10"

    def test_dvk5_round_starts_with_the_default_criteria(self):
        criteria = self.model_round.criterion_ids
        self.assertEqual(len(criteria), 8)
        self.assertEqual(sum(criteria.mapped("weight")), 10)
        criteria[0].weight = 3
        default = self.env.ref("danvan_models.danvan_model_criterion_registered")
        self.assertEqual(default.weight, 1, "editing the round keeps the defaults")

    def test_round_name_follows_the_agency_language(self):
        """The stored name is rebuilt when the agency changes its language."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["res.lang"]._activate_lang("en_US")
        new_round = self.Round.create(
            {"year": 2031, "date_deadline": date(2031, 3, 31)}
        )
        self.env.company.danvan_lang = "en_US"
        self.assertEqual(new_round.name, "Dân vận khéo models registered in 2031")
        self.env.company.danvan_lang = "vi_VN"
        self.assertEqual(new_round.name, "Mô hình Dân vận khéo đăng ký năm 2031")

    def test_round_criteria_read_their_default_in_the_reader_language(self):
        """No copy of the default's texts: a round read in Vietnamese shows
        the default's Vietnamese, even a translation written after the round
        was made (issue 12, item 7)."""
        self.env["res.lang"]._activate_lang("vi_VN")
        default = self.env.ref("danvan_models.danvan_model_criterion_spread")
        new_round = self.Round.create(
            {"year": 2031, "date_deadline": date(2031, 3, 31)}
        )
        criterion = new_round.criterion_ids.filtered(lambda c: c.template_id == default)
        self.assertEqual(criterion.sequence, default.sequence)
        self.assertFalse(criterion.own_name)
        default.with_context(lang="vi_VN").name = "Sức lan tỏa, khả năng nhân rộng"
        as_office = new_round.criterion_ids.with_user(self.users["office"])
        self.assertIn(
            "Sức lan tỏa, khả năng nhân rộng",
            as_office.with_context(lang="vi_VN").mapped("name"),
        )
        self.assertEqual(
            criterion.with_context(lang="en_US").name,
            default.with_context(lang="en_US").name,
        )
        self.assertEqual(
            self.env["danvan.model.criterion"]
            .with_context(lang="vi_VN")
            .search(
                [
                    ("name", "=", "Sức lan tỏa, khả năng nhân rộng"),
                    ("round_id", "in", [False, new_round.id]),
                ]
            ),
            default | criterion,
        )

    def test_a_criterion_reworded_in_the_round_keeps_its_wording(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        default = self.env.ref("danvan_models.danvan_model_criterion_registered")
        criterion = self.model_round.criterion_ids.filtered(
            lambda c: c.template_id == default
        )
        office = criterion.with_user(self.users["office"]).with_context(lang="vi_VN")
        office.write({"name": "Tiêu chí riêng của đợt", "guidance": "Hướng dẫn riêng"})
        default.with_context(lang="vi_VN").name = "Tên, địa chỉ rõ ràng"
        self.env.invalidate_all()
        self.assertEqual(office.name, "Tiêu chí riêng của đợt")
        self.assertEqual(office.guidance, "Hướng dẫn riêng")
        self.assertEqual(
            default.with_context(lang="vi_VN").name, "Tên, địa chỉ rõ ràng"
        )
        # Typing the default's text again follows the default again.
        office.name = "Tên, địa chỉ rõ ràng"
        self.assertFalse(criterion.own_name)
        with self.assertRaises(ValidationError):
            self.env["danvan.model.criterion"].create({"round_id": self.model_round.id})

    def test_opening_notifies_the_unit_heads(self):
        self._open_round()
        self.assertEqual(self.model_round.state, "open")
        self.assertEqual(
            self.model_round.activity_ids.user_id,
            self.users["unit_head"] | self.head_smq,
        )
        mail = self.model_round.message_ids.filtered(
            lambda m: m.message_type == "comment"
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(
            mail.notified_partner_ids,
            (self.users["unit_head"] | self.head_smq).partner_id,
        )

    def test_only_the_office_opens_a_round(self):
        with self.assertRaises(AccessError):
            self.model_round.with_user(self.users["unit_head"]).action_open()
        self.assertEqual(self.model_round.state, "draft")

    def test_one_round_a_year(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Round.create({"year": 2025, "date_deadline": date(2025, 4, 30)})

    def test_thresholds_must_rise(self):
        with self.assertRaises(ValidationError):
            self.model_round.threshold_good = 95

    def test_cal5_reminder_before_the_deadline_to_units_not_registered(self):
        """3 working days before 31/3/2025 (a Monday) is Wednesday 26/3."""
        self._open_round()
        self._submitted()
        Round = self.Round
        with freeze_time("2025-03-25"):
            Round._cron_remind_units()
        self.assertFalse(self.model_round.date_reminded)
        with freeze_time("2025-03-26"):
            Round._cron_remind_units()
        self.assertEqual(self.model_round.date_reminded, date(2025, 3, 26))
        reminder = self.model_round.message_ids.filtered(
            lambda m: m.message_type == "comment"
        )[0]
        self.assertIn(self.head_smq.partner_id, reminder.notified_partner_ids)
        self.assertNotIn(
            self.users["unit_head"].partner_id,
            reminder.notified_partner_ids,
            "the unit that registered is not reminded",
        )
        with freeze_time("2025-03-27"):
            Round._cron_remind_units()
        comments = self.model_round.message_ids.filtered(
            lambda m: m.message_type == "comment"
        )
        self.assertEqual(len(comments), 2, "the opening, then a single reminder")


@tagged("post_install", "-at_install")
class TestModelRegistration(ModelsCommon):
    """A model from registration to recognition (issue 4, items 2-4, 7, 8)."""

    freeze_time = "2025-03-10"

    def setUp(self):
        super().setUp()
        self._open_round()

    # Registration -------------------------------------------------------

    def test_registering_after_the_deadline_needs_the_office_to_reopen(self):
        with freeze_time("2025-04-01"):
            with self.assertRaises(ValidationError) as caught:
                self._registration()
            self.assertIn("closed on 31/03/2025", str(caught.exception))
            office_round = self.model_round.with_user(self.users["office"])
            office_round.action_close()
            with self.assertRaises(UserError):
                office_round.action_reopen()
            office_round.date_deadline = date(2025, 4, 15)
            office_round.action_reopen()
            self.assertEqual(self._registration().state, "draft")

    def test_submission_lists_the_missing_items_and_changes_nothing(self):
        registration = self._registration(objectives=False, timeline="<p><br></p>")
        with self.assertRaises(ValidationError) as caught:
            registration.action_submit()
        self.assertIn("Objectives", str(caught.exception))
        self.assertIn("Timeline", str(caught.exception))
        self.assertEqual(registration.state, "draft")

    def test_staff_cannot_submit_for_the_unit(self):
        registration = self._registration(user=self.users["staff"])
        with self.assertRaises(AccessError):
            registration.action_submit()
        self.assertEqual(registration.state, "draft")

    def test_returned_with_a_reason_then_revised_and_resubmitted(self):
        registration = self._submitted()
        with self.assertRaises(UserError):
            registration.write({"objectives": "<p>Sửa sau khi gửi</p>"})
        office = registration.with_user(self.users["office"])
        with self.assertRaises(UserError):
            office.action_return()
        office.return_reason = "Bổ sung chỉ tiêu đo lường."
        office.action_return()
        self.assertEqual(registration.state, "returned")
        registration.measurable_criteria = "<p>40 doanh nghiệp, 20 hồ sơ.</p>"
        registration.action_submit()
        self.assertEqual(registration.state, "submitted")

    def test_nothing_is_deleted_after_submission(self):
        draft = self._registration(name="Bản nháp")
        draft.unlink()
        registration = self._submitted()
        with self.assertRaises(UserError):
            registration.with_user(self.users["dv_admin"]).unlink()
        registration.with_user(self.users["office"]).action_archive()
        self.assertFalse(registration.active)

    def test_duplicate_check_finds_a_similar_name(self):
        earlier = self._submitted()
        other = self._registration(
            name="Doanh nghiệp đồng hành đổi mới công nghệ cấp tỉnh",
            department_id=self.unit_smq.id,
            user=self.head_smq,
        )
        unrelated = self._registration(
            name="Câu lạc bộ sáng tạo trẻ",
            department_id=self.unit_smq.id,
            user=self.head_smq,
        )
        self.assertIn(earlier, other.sudo().similar_ids)
        self.assertFalse(unrelated.sudo().similar_ids)

    def test_record_rules_per_role(self):
        science = self._submitted()
        smq = self._registration(
            name="Mô hình của Chi cục",
            department_id=self.unit_smq.id,
            user=self.head_smq,
        )
        Registration = self.Registration
        self.assertEqual(
            Registration.with_user(self.users["staff"]).search([]), science
        )
        self.assertEqual(Registration.with_user(self.head_smq).search([]), smq)
        self.assertFalse(Registration.with_user(self.reviewers[0]).search([]))
        self.assertEqual(
            Registration.with_user(self.users["office"]).search(
                [("round_id", "=", self.model_round.id)]
            ),
            science | smq,
        )

    # Appraisal ----------------------------------------------------------

    def test_appraisal_needs_reviewers(self):
        registration = self._submitted()
        office = registration.with_user(self.users["office"])
        office.action_accept()
        with self.assertRaises(UserError):
            office.action_start_appraisal()
        self.assertEqual(registration.state, "accepted")

    def test_reviewers_see_only_their_own_scores_until_all_are_in(self):
        registration = self._in_appraisal()
        first, second = self.reviewers
        self.assertIn(registration, self.Registration.with_user(first).search([]))
        self._score(registration, first, 0.8)
        Score = self.env["danvan.model.score"]
        own = [("registration_id", "=", registration.id)]
        self.assertEqual(Score.with_user(first).search(own).reviewer_id, first)
        self.assertFalse(Score.with_user(second).search(own))
        self.assertFalse(registration.scores_complete)
        self.assertEqual(
            registration.with_user(second).appraisal_score,
            0,
            "no average while a sheet is missing",
        )
        self._score(registration, second, 0.6)
        self.assertTrue(registration.scores_complete)
        self.assertEqual(
            Score.with_user(second).search(own).reviewer_id, first | second
        )
        self.assertAlmostEqual(registration.appraisal_score, 70.0)
        self.assertAlmostEqual(registration.appraisal_spread, 10.0)

    def test_a_reviewer_scores_once_and_within_range(self):
        registration = self._in_appraisal()
        reviewer = self.reviewers[0]
        with self.assertRaises(ValidationError):
            self._score(registration, reviewer, 1.2)
        self.assertFalse(registration.score_ids)
        self._score(registration, reviewer, 0.5)
        with self.assertRaises(UserError):
            self._score(registration, reviewer, 0.9)
        self.assertEqual(len(registration.sudo().score_ids), 8)

    def test_only_reviewers_score(self):
        registration = self._in_appraisal()
        with self.assertRaises(ValidationError):
            self._score(registration, self.users["staff"], 0.5)
        self.assertFalse(registration.sudo().score_ids)

    def test_approval_waits_for_the_closed_appraisal(self):
        registration = self._in_appraisal()
        leader = registration.with_user(self.users["leader"])
        with self.assertRaises(UserError):
            leader.action_approve()
        self._score(registration, self.reviewers[0], 0.9)
        with self.assertRaises(UserError):
            registration.with_user(self.users["office"]).action_close_appraisal()
        self._score(registration, self.reviewers[1], 0.9)
        registration.with_user(self.users["office"]).action_close_appraisal()
        with self.assertRaises(AccessError):
            registration.with_user(self.users["office"]).action_approve()
        leader.action_approve()
        self.assertEqual(registration.state, "implementing")

    # Implementation, evaluation, recognition ----------------------------

    def test_progress_updates_while_implementing(self):
        registration = self._implementing()
        update = self.env["danvan.model.update"].with_user(self.users["unit_head"])
        update.create(
            {
                "registration_id": registration.id,
                "content": "<p>Đã làm việc với 12 doanh nghiệp.</p>",
                "progress": 40,
            }
        )
        self.assertEqual(registration.update_ids.progress, 40)
        with self.assertRaises(ValidationError):
            update.create(
                {"registration_id": registration.id, "content": "x", "progress": 140}
            )

    def test_evaluation_classifies_with_the_round_thresholds(self):
        registration = self._implementing()
        office = registration.with_user(self.users["office"])
        with self.assertRaises(UserError):
            office.action_evaluate()
        office.evaluation_score = 82
        office.action_evaluate()
        self.assertEqual(registration.classification, "good")
        with self.assertRaises(ValidationError):
            office.evaluation_score = 120

    def test_recognition_needs_the_decision_and_prints_a_certificate(self):
        registration = self._implementing()
        office = registration.with_user(self.users["office"])
        office.evaluation_score = 93
        office.action_evaluate()
        self.assertEqual(registration.classification, "excellent")
        with self.assertRaises(UserError):
            office.action_recognize()
        office.write(
            {
                "commendation_type": "certificate_of_merit",
                "decision_number": "125/QĐ-SKHCN",
                "decision_date": date(2025, 12, 20),
                "decision_signer": "Trần Văn Bình",
            }
        )
        office.action_recognize()
        self.assertEqual(registration.state, "recognized")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "danvan_models.action_report_danvan_model_certificate",
                registration.ids,
            )[0]
            .decode()
        )
        for text in ("GIẤY KHEN", "125/QĐ-SKHCN", registration.name, "Trần Văn Bình"):
            self.assertIn(text, html)
        agency_lang = registration.company_id._danvan_lang()
        self.assertIn(
            registration.with_context(lang=agency_lang)._classification_label(), html
        )
        self.assertEqual(
            registration.with_context(lang="en_US")._classification_label(),
            "Excellent (xuất sắc)",
        )

    def test_replication_links_the_copies(self):
        registration = self._implementing()
        wizard = (
            self.env["danvan.model.replicate"]
            .with_user(self.users["office"])
            .with_context(active_id=registration.id)
            .create({"department_ids": [(6, 0, self.unit_smq.ids)]})
        )
        wizard.action_replicate()
        copy = registration.sudo().replica_ids
        self.assertEqual(copy.department_id, self.unit_smq)
        self.assertEqual(copy.state, "draft")
        self.assertEqual(copy.origin_id, registration)
