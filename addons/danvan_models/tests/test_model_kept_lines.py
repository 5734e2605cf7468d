from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ModelsCommon


@tagged("post_install", "-at_install")
class TestModelKeptLines(ModelsCommon):
    """The scores of a decided model and the criteria of a done round are kept
    with them, for the Office and leadership alike (DVK-5, DVK-6)."""

    freeze_time = "2025-03-10"

    def setUp(self):
        super().setUp()
        self._open_round()

    def _appraised(self):
        registration = self._in_appraisal()
        for reviewer in self.reviewers:
            self._score(registration, reviewer, 0.9)
        registration.with_user(self.users["office"]).action_close_appraisal()
        return registration

    def _assert_refused(self, records, vals):
        """Each refused write and unlink leaves the records as they were."""
        before = records.sudo().read(list(vals))
        for role in ("office", "leader"):
            mine = records.with_user(self.users[role])
            with self.assertRaisesRegex(UserError, "locked"):
                mine.write(vals)
            with self.assertRaisesRegex(UserError, "locked"):
                mine.unlink()
        self.assertEqual(records.sudo().exists(), records)
        self.assertEqual(records.sudo().read(list(vals)), before)

    def test_dvk5_scores_of_a_rejected_model_are_kept(self):
        registration = self._appraised()
        score = registration.score_ids[0]
        # Not yet decided: the Office may still correct a score.
        score.with_user(self.users["office"]).score = 0.8 * score.max_score
        registration.with_user(self.users["leader"]).action_reject()
        appraisal_score = registration.appraisal_score
        self._assert_refused(registration.score_ids, {"score": 0.0})
        self.env.invalidate_all()
        self.assertEqual(registration.appraisal_score, appraisal_score)
        with self.assertRaisesRegex(UserError, "locked"):
            self.env["danvan.model.score"].with_user(self.users["office"]).create(
                {
                    "registration_id": registration.id,
                    "reviewer_id": self.users["office"].id,
                    "criterion_id": score.criterion_id.id,
                    "score": 1.0,
                }
            )

    def test_dvk6_criteria_of_a_done_round_are_kept(self):
        office_round = self.model_round.with_user(self.users["office"])
        criteria = self.model_round.criterion_ids
        # Before the round is done the Office still weighs its criteria.
        criteria[0].with_user(self.users["office"]).weight = 2.0
        office_round.action_close()
        office_round.action_done()
        self._assert_refused(criteria, {"weight": 5.0, "max_score": 100.0})
        self.assertEqual(criteria[0].weight, 2.0)
        # The templates stay editable.
        template = criteria[0].template_id.with_user(self.users["office"])
        template.weight = 3.0
        self.assertEqual(template.weight, 3.0)

    def test_dvk6_done_round_keeps_the_wording_of_its_criteria(self):
        """Rewording a template after the round is done, in either language,
        leaves the round's criteria as they were worded that year."""
        criterion = self.model_round.criterion_ids[0]
        template = criterion.template_id
        texts = {
            lang: (
                criterion.with_context(lang=lang).name,
                criterion.with_context(lang=lang).guidance,
            )
            for lang in ("en_US", "vi_VN")
        }
        self.assertNotEqual(texts["en_US"][0], texts["vi_VN"][0])
        office_round = self.model_round.with_user(self.users["office"])
        office_round.action_close()
        office_round.action_done()
        office_template = template.with_user(self.users["office"])
        for lang in ("en_US", "vi_VN"):
            office_template.with_context(lang=lang).write(
                {"name": f"New {lang}", "guidance": f"New guidance {lang}"}
            )
        self.env.invalidate_all()
        for lang, (name, guidance) in texts.items():
            self.assertEqual(criterion.with_context(lang=lang).name, name)
            self.assertEqual(criterion.with_context(lang=lang).guidance, guidance)
        self.assertEqual(template.with_context(lang="vi_VN").name, "New vi_VN")
