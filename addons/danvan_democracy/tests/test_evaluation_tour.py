from odoo.tests import tagged

from odoo.addons.danvan_base.tests.browser import VietnameseBrowserCase

from ..models.danvan_evaluation_result import default_evaluation_year


@tagged("post_install", "-at_install")
class TestEvaluationTour(VietnameseBrowserCase):
    """In Chromium: the Office imports the evaluation software's export,
    previews it, confirms and publishes the results to staff (DC-19, DC-20)."""

    def test_dc19_office_imports_previews_confirms_publishes(self):
        office = self.env.ref("danvan_base.user_danvan_office_demo")
        year = default_evaluation_year(self.env["danvan.evaluation.batch"])
        self.env["danvan.evaluation.batch"].search(
            [("year", "=", year)]
        ).sudo().unlink()
        self.start_tour(
            "/odoo/action-danvan_democracy.danvan_evaluation_batch_action",
            "danvan_democracy_evaluation_tour",
            login=office.login,
        )
        batch = self.env["danvan.evaluation.batch"].search([("year", "=", year)])
        self.assertEqual(batch.state, "published")
        self.assertEqual(
            sorted(batch.result_ids.mapped("level")), ["completed", "excellent", "good"]
        )
        self.assertEqual(batch.result_ids.mapped("source"), ["import"] * 3)
        self.assertEqual(batch.publication_id.state, "posted")
