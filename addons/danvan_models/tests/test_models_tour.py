from datetime import date, timedelta
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from .common import ModelsCommon

MODEL_NAME = "Tour thử nghiệm: tổ tự quản môi trường khu phố"
# The menu's path: each role's list opens on what waits for it.
REGISTRATIONS = "/odoo/danvan-models"
CERTIFICATE = "danvan_models.report_danvan_model_certificate"


@tagged("post_install", "-at_install")
class TestModelsTour(VietnameseBrowserCase, ModelsCommon):
    """In Chromium: a unit head registers and submits a model, the Office
    accepts it, two reviewers score it, leadership approves it, the Office
    evaluates it and prints the certificate (issue 4, item 9)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Registration is open until a deadline ahead of the real today, in a
        # round of this year (the list shows this year's models by default).
        # Names the demo data does not use, for the autocompletes of the tours.
        today = date.today()
        cls.model_round.write(
            {
                "year": today.year,
                "name": "Đợt thử nghiệm tour mô hình",
                "date_deadline": today + timedelta(days=30),
            }
        )
        cls.field_tour = cls.env["danvan.model.field"].create(
            {"name": "Lĩnh vực thử nghiệm tour", "code": "DVTOUR"}
        )
        cls.leader_employee.name = "Trưởng nhóm thử nghiệm tour"
        cls.reviewers[0].name = "Thẩm định viên tour một"
        cls.reviewers[1].name = "Thẩm định viên tour hai"
        # Only the tour's model waits for someone when the lists open.
        cls.Registration.search([]).action_archive()
        # The users work in Vietnamese: the tours find no English label.
        cls.env["res.lang"]._activate_lang("vi_VN")
        tour_users = [cls.users[role] for role in ("unit_head", "office", "leader")]
        for user in tour_users + cls.reviewers:
            user.lang = "vi_VN"

    def _tour(self, tour, login):
        self.start_tour(REGISTRATIONS, tour, login=login)

    def test_from_registration_to_certificate(self):
        self.assertEqual(self.model_round.name, "Đợt thử nghiệm tour mô hình")
        self.assertEqual(self.users["unit_head"].lang, "vi_VN")
        criteria = self.model_round.criterion_ids
        self.assertEqual(len(criteria), 8, "the tours score 8 criteria")
        self._open_round()

        self._tour("danvan_models_register_tour", "dv_unit_head")
        registration = self.Registration.search([("name", "=", MODEL_NAME)])
        self.assertEqual(registration.state, "submitted")
        self.assertEqual(registration.round_id, self.model_round)
        self.assertEqual(registration.department_id, self.unit_science)
        self.assertEqual(registration.field_id, self.field_tour)
        self.assertEqual(registration.leader_id, self.leader_employee)
        self.assertEqual(registration.create_uid, self.users["unit_head"])
        self.assertIn("phân loại rác tại nguồn", str(registration.objectives))
        self.assertIn("ảnh trước và sau", str(registration.outputs))

        self._tour("danvan_models_accept_tour", "dv_office")
        reviewers = self.reviewers[0] | self.reviewers[1]
        self.assertEqual(registration.state, "appraisal")
        self.assertEqual(registration.reviewer_ids, reviewers)
        self.assertEqual(registration.activity_ids.user_id, reviewers)

        self._tour("danvan_models_score_8_tour", "dvm_reviewer_1")
        self.assertEqual(len(registration.score_ids), len(criteria))
        self.assertFalse(registration.scores_complete)
        self.assertFalse(registration.appraisal_score, "no average before both")
        self._tour("danvan_models_score_9_tour", "dvm_reviewer_2")
        scores = registration.score_ids
        self.assertEqual(len(scores), 2 * len(criteria))
        self.assertEqual(scores.reviewer_id, reviewers)
        for reviewer, score in ((self.reviewers[0], 8), (self.reviewers[1], 9)):
            mine = scores.filtered(lambda s, r=reviewer: s.reviewer_id == r)
            self.assertEqual(mine.criterion_id, criteria)
            self.assertEqual(set(mine.mapped("score")), {score})
        self.assertTrue(registration.scores_complete)
        self.assertAlmostEqual(registration.appraisal_score, 85.0)
        self.assertAlmostEqual(registration.appraisal_spread, 5.0)
        self.assertFalse(registration.activity_ids, "both reviewers are done")

        self._tour("danvan_models_close_appraisal_tour", "dv_office")
        self.assertEqual(registration.state, "appraised")
        self._tour("danvan_models_approve_tour", "dv_leader")
        self.assertEqual(registration.state, "implementing")

        # The certificate is rendered, as a PDF or, in tests, as HTML.
        Report = type(self.env["ir.actions.report"])
        render_html = Report._render_qweb_html
        rendered = []

        def _render_qweb_html(report, report_ref, docids, data=None):
            rendered.append((report_ref, list(docids or [])))
            return render_html(report, report_ref, docids, data=data)

        with patch.object(Report, "_render_qweb_html", _render_qweb_html):
            self._tour("danvan_models_evaluate_tour", "dv_office")
        self.assertEqual(registration.state, "recognized")
        self.assertEqual(registration.evaluation_score, 92)
        self.assertEqual(registration.classification, "excellent")
        self.assertEqual(registration.commendation_type, "letter_of_commendation")
        self.assertEqual(registration.decision_number, "88/QĐ-TOURTHU")
        self.assertEqual(registration.decision_date, date.today())
        self.assertEqual(registration.decision_signer, "Giám đốc thử nghiệm tour")
        self.assertIn((CERTIFICATE, [registration.id]), rendered)
