from odoo import fields, models

from ..tools import decree30


class DanvanDocumentMixin(models.AbstractModel):
    """An official document the agency issues (Decree 30/2020): its number
    from the agency's yearly sequence of its type, its date and signer
    (VB-7, VB-11), and the header values of ``official_document``."""

    _name = "danvan.document.mixin"
    _description = "Issued Official Document"
    # The type of the document, a key of decree30.DOC_TYPES: its name, its
    # abbreviation in the number and its sequence.
    _danvan_doc_type = None
    # The QWeb template of the document's text, rendered with ``o``: the same
    # text in the PDF and in the Word file.
    _danvan_body_template = None
    # The route of the Word file, with the record's id for ``%s``.
    _danvan_docx_route = None

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

    def _issue_values(self, day):
        """The number and date of the document issued on ``day``:
        '05/BC-SKHCN', the next of the agency's documents of its type in the
        year (VB-7).

        The sequence is the agency's own, has no gaps and restarts each year;
        a refused issue rolls it back with the transaction.
        """
        self.ensure_one()
        doc_type = decree30.DOC_TYPES[self._danvan_doc_type]
        company = self.company_id or self.env.company
        sequence = company._danvan_document_sequence(doc_type.sequence_code).next_by_id(
            sequence_date=day
        )
        return {
            "number": decree30.document_number(
                sequence, doc_type.code, company.danvan_agency_code
            ),
            "date_issued": day,
        }

    def _document_values(self):
        """The header of the official document, shared by the PDF and the DOCX
        (VB-2 to VB-12)."""
        self.ensure_one()
        doc_type = decree30.DOC_TYPES[self._danvan_doc_type]
        return {
            "doc_number": self.number,
            "doc_type_code": doc_type.code,
            "doc_date": self.date_issued or fields.Date.context_today(self),
            "doc_type": doc_type.name,
            "doc_summary": self.name,
            "recipients": [],
            "signer_authority": self.signer_authority,
            "signer_title": self.signer_title,
            "signer_name": self.signer_name,
            # Printed before it is issued, the document is a draft (dự thảo).
            "is_draft": not self.number,
        }

    def _document_body(self):
        """The text of the document, as HTML."""
        self.ensure_one()
        return self.env["ir.qweb"]._render(self._danvan_body_template, {"o": self})

    def _render_docx(self):
        """(file name, bytes) of the document as a Word file, in the layout of
        its PDF."""
        self.ensure_one()
        name = (self.number or self.name).replace("/", "-")
        content = self.company_id._danvan_official_docx(
            self._document_values(), self._document_body()
        )
        return f"{name}.docx", content

    def action_download_docx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": self._danvan_docx_route % self.id,
            "target": "download",
        }
