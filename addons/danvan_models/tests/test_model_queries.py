from odoo.tests import tagged

from .common import FULL_REGISTRATION, ModelsCommon

LIST_FIELDS = [
    "year",
    "name",
    "department_id",
    "field_id",
    "kind",
    "appraisal_score",
    "classification",
    "state",
]


@tagged("post_install", "-at_install")
class TestModelQueries(ModelsCommon):
    """Query counts do not grow with the registrations (issue 4, item 10)."""

    def _add_registrations(self, count):
        """``count`` models in appraisal, each scored by both reviewers."""
        registrations = self.Registration.create(
            [
                dict(
                    FULL_REGISTRATION,
                    name=f"Mô hình thử {self.Registration.search_count([]) + n}",
                    round_id=self.model_round.id,
                    department_id=self.unit_science.id,
                    field_id=self.field_digital.id,
                )
                for n in range(count)
            ]
        )
        reviewers = [reviewer.id for reviewer in self.reviewers]
        registrations.write({"state": "appraisal", "reviewer_ids": [(6, 0, reviewers)]})
        self.Registration._demo_score(registrations.ids, reviewers, 0.7)
        self.env.flush_all()
        return registrations

    def _count(self, function):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        function()
        return self.cr.sql_log_count - start

    def _round_list(self):
        self.Registration.with_user(self.users["office"]).search_read(
            [("round_id", "=", self.model_round.id)], LIST_FIELDS
        )

    def _recompute_scores(self):
        registrations = self.Registration.search(
            [("round_id", "=", self.model_round.id)]
        )
        self.env.add_to_compute(
            self.Registration._fields["appraisal_score"], registrations
        )
        registrations.flush_recordset()

    def test_round_list_and_scores_take_the_same_queries_for_5_and_50(self):
        self._add_registrations(5)
        # Warm the caches of rules, access rights and xmlids.
        self._count(self._round_list)
        self._count(self._recompute_scores)
        small = (self._count(self._round_list), self._count(self._recompute_scores))
        self._add_registrations(45)
        large = (self._count(self._round_list), self._count(self._recompute_scores))
        self.assertEqual(large, small)
        self.assertEqual(
            self.Registration.search([("round_id", "=", self.model_round.id)])[
                :1
            ].appraisal_score,
            70.0,
        )
