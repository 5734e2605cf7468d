from odoo import fields, models

from ..tools.recipients import recipient_lines


class DanvanReportDocumentMixin(models.AbstractModel):
    """A report the agency issues as an official document (BÁO CÁO): the
    official document with its summary line and the recipients the agency
    sets for this kind of report (VB-12)."""

    _name = "danvan.report.document.mixin"
    _inherit = "danvan.document.mixin"
    _description = "Issued Report"
    _danvan_doc_type = "report"
    # The res.company field of the recipients a new report of this kind starts
    # with: each kind goes to other bodies, and each agency sets its own (VB-12).
    _danvan_recipients_field = None

    # Each report words its own summary in ``_compute_name``.
    name = fields.Char(
        string="Summary",
        compute="_compute_name",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="The summary line of the report (trích yếu, Decree 30/2020).",
    )
    recipients = fields.Text(
        default=lambda self: self._default_recipients(),
        help="One recipient per line, printed under 'Nơi nhận' (Decree 30/2020).",
    )

    def _compute_name(self):
        raise NotImplementedError

    def _default_recipients(self):
        """The recipients the agency set in its settings for this kind of report."""
        if not self._danvan_recipients_field:
            return ""
        return self.env.company[self._danvan_recipients_field] or ""

    def _document_values(self):
        values = super()._document_values()
        values["recipients"] = recipient_lines(self.recipients)
        return values
