from datetime import date

from odoo.tests import tagged

from odoo.addons.danvan_base.tests.gate import DanvanGateCase

from .common import ModelsCommon


@tagged("post_install", "-at_install")
class TestModelGate(DanvanGateCase, ModelsCommon):
    """Issue 12: the workflow gate of the Dân vận khéo round and registration,
    as each role. Every transition by its role only; the state never
    written; a round done and a decided model locked and kept."""

    freeze_time = "2025-03-10"

    def setUp(self):
        super().setUp()
        self._open_round()

    # Rounds: a year of their own each, as a year has one round.

    def _round(self, *actions):
        year = 2030 + len(self.Round.search([("year", ">=", 2030)]))
        round_ = self.Round.create(
            {
                "year": year,
                "date_deadline": date(2025, 3, 31),
                "department_ids": [(6, 0, self.unit_science.ids)],
            }
        )
        for action in actions:
            getattr(round_, action)()
        return round_

    def test_round_gate(self):
        self.assertTransitions(
            "danvan.model.round",
            {
                "draft": self._round,
                "open": lambda: self._round("action_open"),
                "closed": lambda: self._round("action_open", "action_close"),
            },
        )
        self.assertStateNotWritten(self._round())
        done = self._round("action_open", "action_close", "action_done")
        self.assertStateNotWritten(done)
        self.assertLocked(done, {"date_deadline": date(2025, 4, 30)})
        self.assertKept(done)
        self.assertKept(self._round("action_open"))

    # Registrations of the unit of the staff and unit head.

    def _returnable(self):
        registration = self._submitted()
        registration.sudo().return_reason = "Bổ sung số liệu"
        return registration

    def _appraised(self):
        registration = self._scored_appraisal()
        registration.with_user(self.users["office"]).action_close_appraisal()
        return registration

    def _evaluated(self):
        registration = self._implementing().with_user(self.users["office"])
        registration.write(
            {
                "evaluation_score": 93,
                "commendation_type": "certificate_of_merit",
                "decision_number": "125/QĐ-SKHCN",
                "decision_date": date(2025, 3, 10),
            }
        )
        registration.action_evaluate()
        return registration

    def _with_score(self):
        registration = self._implementing().with_user(self.users["office"])
        registration.evaluation_score = 93
        return registration

    def _with_reviewers(self):
        registration = self._submitted().with_user(self.users["office"])
        registration.action_accept()
        registration.reviewer_ids = [(6, 0, [r.id for r in self.reviewers])]
        return registration

    def test_registration_gate(self):
        self.assertTransitions(
            "danvan.model.registration",
            {
                "draft": self._registration,
                "submitted": self._returnable,
                "accepted": self._with_reviewers,
                "appraisal": self._scored_appraisal,
                "appraised": self._appraised,
                "implementing": self._with_score,
                "evaluated": self._evaluated,
            },
        )
        self.assertStateNotWritten(self._submitted())
        recognized = self._evaluated()
        recognized.action_recognize()
        rejected = self._appraised()
        rejected.with_user(self.users["leader"]).action_reject()
        for decided in (recognized, rejected):
            self.assertStateNotWritten(decided)
            self.assertLocked(decided, {"name": "Mô hình khác", "outputs": "<p>K</p>"})
            self.assertKept(decided)
        self.assertKept(self._submitted())

    def _scored_appraisal(self):
        registration = self._in_appraisal()
        for reviewer in self.reviewers:
            self._score(registration, reviewer, 0.9)
        return registration
