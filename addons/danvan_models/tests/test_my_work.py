from odoo.tests import tagged

from .common import ModelsCommon


@tagged("post_install", "-at_install")
class TestMyWorkModels(ModelsCommon):
    """The blocks of the Dân vận khéo models in "My Work" (issue 10)."""

    freeze_time = "2025-03-10"

    def setUp(self):
        super().setUp()
        self._open_round()
        others = self.Registration.search([("round_id", "!=", self.model_round.id)])
        others.action_archive()

    def _blocks(self, user):
        my_work = self.env["danvan.my.work"].with_user(user).get_my_work()
        return {block["key"]: block for block in my_work["blocks"]}

    def test_dvk5_a_reviewer_sees_the_models_to_score_until_scored(self):
        registration = self._in_appraisal()
        first, second = self.reviewers
        block = self._blocks(first)["models_to_score"]
        self.assertEqual(block["count"], 1)
        self.assertEqual(block["records"][0]["res_id"], registration.id)
        self._score(registration, first, 0.8)
        self.assertNotIn("models_to_score", self._blocks(first))
        self.assertEqual(self._blocks(second)["models_to_score"]["count"], 1)
        self.assertNotIn("models_to_score", self._blocks(self.users["staff"]))

    def test_the_office_reviews_and_the_unit_head_sends(self):
        submitted = self._submitted()
        draft = self._registration(name="Bản nháp")
        self._registration(
            name="Mô hình của Chi cục",
            department_id=self.unit_smq.id,
            user=self.head_smq,
        )
        for login in ("office", "leader"):
            blocks = self._blocks(self.users[login])
            self.assertEqual(blocks["registrations_to_review"]["count"], 1, login)
            self.assertEqual(
                blocks["registrations_to_review"]["records"][0]["res_id"],
                submitted.id,
            )
            self.assertNotIn("registrations_to_send", blocks)
        head = self._blocks(self.users["unit_head"])["registrations_to_send"]
        self.assertEqual([row["res_id"] for row in head["records"]], [draft.id])
        smq = self._blocks(self.head_smq)["registrations_to_send"]
        self.assertEqual(smq["count"], 1)
        staff = self._blocks(self.users["staff"])
        self.assertNotIn("registrations_to_send", staff)
        self.assertNotIn("registrations_to_review", staff)
