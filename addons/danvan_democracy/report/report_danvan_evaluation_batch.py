from odoo import api, models


class ReportDanvanEvaluationBatch(models.AbstractModel):
    """The printed list of the year's results: only for those who may read the
    results (DC-20), refused before anything is rendered."""

    _name = "report.danvan_democracy.report_danvan_evaluation_batch"
    _description = "Evaluation Results Notice"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["danvan.evaluation.batch"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docids, "doc_model": docs._name, "docs": docs}
