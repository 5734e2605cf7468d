from odoo import fields, models


class DanvanReportDocumentMixin(models.AbstractModel):
    """A report the agency issues as an official document (BÁO CÁO): its
    number from the agency's yearly sequence, its date, signer and recipients
    (VB-7, VB-11, VB-12), and the header values of ``official_document``."""

    _name = "danvan.report.document.mixin"
    _description = "Issued Report"
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
    number = fields.Char(
        string="Number and Symbol",
        readonly=True,
        copy=False,
        tracking=True,
        help="Given when leadership issues it, e.g. '05/BC-SKHCN' (Decree 30/2020).",
    )
    date_issued = fields.Date(string="Date", readonly=True, copy=False, tracking=True)
    signer_authority = fields.Char(
        string="Signing Authority",
        default=lambda self: self.env.company.danvan_signer_authority,
    )
    signer_title = fields.Char(
        default=lambda self: self.env.company.danvan_signer_title
    )
    signer_name = fields.Char(
        default=lambda self: self.env.company.danvan_signer_name, tracking=True
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

    def _issue_values(self, day):
        """The number and date of the report issued on ``day``: '05/BC-SKHCN',
        the next of the agency's reports of the year (VB-7).

        The sequence has no gaps and restarts each year; a refused issue rolls
        it back with the transaction.
        """
        self.ensure_one()
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .next_by_code("danvan.document.report", sequence_date=day)
        )
        code = self.company_id.danvan_agency_code
        return {
            "number": f"{sequence}/BC-{code}" if code else f"{sequence}/BC",
            "date_issued": day,
        }

    def _document_values(self):
        """The header of the official document, shared by the PDF and the DOCX
        (VB-2 to VB-12)."""
        self.ensure_one()
        return {
            "doc_number": self.number,
            "doc_type_code": "BC",
            "doc_date": self.date_issued or fields.Date.context_today(self),
            "doc_type": "BÁO CÁO",
            "doc_summary": self.name,
            "recipients": [
                line.strip()
                for line in (self.recipients or "").splitlines()
                if line.strip()
            ],
            "signer_authority": self.signer_authority,
            "signer_title": self.signer_title,
            "signer_name": self.signer_name,
            # Printed before it is issued, the report is a draft (dự thảo).
            "is_draft": not self.number,
        }
