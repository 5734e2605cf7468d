import base64

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_open


@tagged("post_install", "-at_install")
class TestEvaluationDemo(TransactionCase):
    """The demo's example export of the evaluation software (DC-19, DC-20)."""

    def test_dc19_example_file_matches_the_demo_staff(self):
        batch = self.env.ref("danvan_democracy.danvan_evaluation_batch_demo")
        self.assertEqual(batch.state, "published")
        self.assertEqual(batch.result_count, 61)
        self.assertFalse(batch.quota_warning)
        self.assertEqual(batch.publication_id.state, "posted")
        with file_open(
            "danvan_democracy/demo/danvan_evaluation_import_demo.csv", "rb"
        ) as f:
            content = f.read()
        wizard = self.env["danvan.evaluation.import"].create(
            {
                "year": batch.year - 1,
                "file": base64.b64encode(content),
                "filename": "danvan_evaluation_import_demo.csv",
            }
        )
        wizard.action_preview()
        self.assertEqual(wizard.line_count, 61)
        self.assertEqual(wizard.update_count, 0)
