from markupsafe import Markup

from odoo import api, fields, models

from ..tools import decree30
from ..tools.official_docx import build_official_docx


class ResCompany(models.Model):
    """The agency's identity, printed on official documents (VB-6, VB-8)."""

    _inherit = "res.company"

    danvan_parent_agency = fields.Char(
        string="Parent Agency",
        help="First line of the agency block, "
        "e.g. 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI' (Decree 30/2020).",
    )
    danvan_agency_name = fields.Char(
        string="Agency Name",
        help="Second line of the agency block, e.g. 'SỞ KHOA HỌC VÀ CÔNG NGHỆ' "
        "(Decree 30/2020). "
        "Defaults to the company name.",
    )
    danvan_agency_code = fields.Char(
        string="Agency Symbol",
        help="Symbol used in document numbers, e.g. 'SKHCN' in '15/BC-SKHCN' "
        "(Decree 30/2020).",
    )
    danvan_place = fields.Char(
        string="Place Name",
        help="Place of the date line, e.g. 'Quảng Ngãi' in "
        "'Quảng Ngãi, ngày 05 tháng 3 năm 2026' (Decree 30/2020).",
    )
    danvan_signer_authority = fields.Char(
        string="Signing Authority",
        help="Authority line of the signature block, e.g. 'KT. GIÁM ĐỐC' "
        "(Decree 30/2020).",
    )
    danvan_signer_title = fields.Char(
        string="Signer Title",
        help="Title of the signer, e.g. 'PHÓ GIÁM ĐỐC' (Decree 30/2020).",
    )
    danvan_signer_name = fields.Char(
        string="Signer Name",
        help="Full name of the signer, without academic titles (Decree 30/2020).",
    )
    danvan_lang = fields.Selection(
        "_danvan_lang_selection",
        string="Agency Language",
        default=lambda self: self._danvan_default_lang(),
        help="Language of the names the agency stores once for every reader: "
        "periods, sessions, rounds, file names.",
    )
    danvan_archive_code = fields.Char(
        string="Archive Line",
        default=decree30.DEFAULT_ARCHIVE_CODE,
        help="Units keeping the copy, printed as '- Lưu: VT, ...' "
        "under the recipients (Decree 30/2020).",
    )

    @api.model
    def _danvan_lang_selection(self):
        return self.env["res.lang"].get_installed()

    @api.model
    def _danvan_default_lang(self):
        installed = dict(self.env["res.lang"].get_installed())
        return "vi_VN" if "vi_VN" in installed else self.env.lang

    @api.model
    def _danvan_recipients_text(self, lines):
        """The default recipients of a kind of document (tools/recipients.py):
        ``lines`` in the language a new agency starts with, one per line."""
        lang = self._danvan_default_lang() or "en_US"
        return "\n".join(line._translate(lang) for line in lines)

    def _danvan_lang(self):
        """The agency's language, whoever builds a stored name (an installer in
        English, a user who reads in another language)."""
        self.ensure_one()
        installed = dict(self.env["res.lang"].get_installed())
        if self.danvan_lang in installed:
            return self.danvan_lang
        return self._danvan_default_lang() or "en_US"

    def _danvan_document_sequence(self, sequence_code):
        """The agency's own sequence of ``sequence_code``: each agency of an
        install numbers its documents from 01 (VB-7; issue 15, item 4).

        The shared sequence of the data files keeps serving the main company,
        which has numbered with it since the install; another agency gets a
        copy of it of its own, starting at 1, the first time it issues one.
        """
        self.ensure_one()
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search(
            [("code", "=", sequence_code), ("company_id", "in", [self.id, False])],
            order="company_id",
            limit=1,
        )
        main = self.env.ref("base.main_company", raise_if_not_found=False)
        if sequence and not sequence.company_id and self != main:
            sequence = sequence.copy(
                {
                    "name": f"{sequence.name} - {self.name}",
                    "company_id": self.id,
                    "number_next": 1,
                }
            )
        return sequence

    def _danvan_agency_lines(self):
        """(parent agency, agency) in upper case, as printed top left (VB-6)."""
        self.ensure_one()
        parent = (self.danvan_parent_agency or "").upper()
        return parent, (self.danvan_agency_name or self.name or "").upper()

    def _danvan_date_line(self, day):
        """'Quảng Ngãi, ngày 05 tháng 3 năm 2026' (VB-8)."""
        self.ensure_one()
        return decree30.date_line(self.danvan_place, day)

    def _danvan_number_line(self, doc_number=None, doc_type_code=None, doc_symbol=None):
        """'Số: 15/BC-SKHCN', or with the number left blank to be written by
        hand: 'Số:       /BC-SKHCN', or '/SKHCN-VP' for a symbol of its own
        (VB-7)."""
        self.ensure_one()
        if not doc_number:
            doc_number = decree30.blank_number(
                doc_symbol
                or decree30.symbol(doc_type_code or "", self.danvan_agency_code)
            )
        return decree30.number_line(doc_number)

    def _danvan_decree30(self):
        """The fixed values of the Decree 30/2020 layout for the QWeb template
        ``official_document``: those the Word writer reads (VB-2 to VB-12)."""
        self.ensure_one()
        return {
            # A constant of the layout, not user input: safe in a <style>.
            "font_family": Markup(decree30.css_font_family()),
            "font_size": decree30.FONT_SIZE,
            "sizes": decree30.SIZES,
            "body_indent_mm": decree30.BODY_INDENT_MM,
            "body_space_after_pt": decree30.BODY_SPACE_AFTER_PT,
            "national_title": decree30.NATIONAL_TITLE,
            "motto": decree30.MOTTO,
            "number_label": decree30.NUMBER_LABEL,
            "recipients_label": decree30.RECIPIENTS_LABEL,
            "draft_mark": decree30.DRAFT_MARK,
            "subject_prefix": decree30.SUBJECT_PREFIX,
            "addressee_label": decree30.ADDRESSEE_LABEL,
            "signature_hint": decree30.SIGNATURE_HINT,
            "archive_line": decree30.archive_line(self.danvan_archive_code),
        }

    def _danvan_official_docx(self, values, body_html):
        """The bytes of a Word file in the official layout: ``values`` are those
        of the ``official_document`` template (doc_number, doc_type_code,
        doc_date, doc_type, doc_summary, recipients, signer_*, is_draft)."""
        self.ensure_one()
        parent_agency, agency = self._danvan_agency_lines()
        header = {
            "parent_agency": parent_agency,
            "agency": agency,
            "number": self._danvan_number_line(
                values.get("doc_number"), values.get("doc_type_code")
            ),
            "date_line": self._danvan_date_line(
                values.get("doc_date") or fields.Date.context_today(self)
            ),
            "doc_type": values.get("doc_type"),
            "doc_summary": values.get("doc_summary"),
            "recipients": values.get("recipients") or [],
            "archive_line": decree30.archive_line(self.danvan_archive_code),
            "signer_authority": values.get("signer_authority")
            or self.danvan_signer_authority,
            "signer_title": values.get("signer_title") or self.danvan_signer_title,
            "signer_name": values.get("signer_name") or self.danvan_signer_name,
            "draft": values.get("is_draft"),
        }
        return build_official_docx(header, body_html)
