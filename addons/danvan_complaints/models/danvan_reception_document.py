from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .danvan_identity_log_mixin import LOGGED_PREFETCH


class DanvanReceptionDocument(models.Model):
    """A document a citizen handed over at reception, a line of the receipt
    (TCD-12, Mẫu 02/TCD of Decree 154/2026/NĐ-CP): what it is, its pages and
    whether it is an original or a copy. It names the citizen's case: seen by
    those who see the visit (TCD-11), and every read of what they are is
    logged as the visit's own list of documents is (TC-13)."""

    _name = "danvan.reception.document"
    _description = "Document Received at Reception"
    _inherit = ["danvan.kept.line.mixin", "danvan.identity.log.mixin"]
    _danvan_kept_parent = "visit_id"
    _danvan_logged_fields = frozenset({"name", "note"})
    _order = "visit_id, sequence, id"

    visit_id = fields.Many2one(
        "danvan.reception.visit", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="visit_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Document", required=True, prefetch=LOGGED_PREFETCH)
    pages = fields.Integer(default=1)
    condition = fields.Selection(
        [
            ("original", "Original"),
            ("copy", "Copy"),
            ("certified_copy", "Certified copy"),
        ],
        string="State",
        required=True,
        default="copy",
        help="Mẫu 02/TCD: the state of each document handed over.",
    )
    note = fields.Char(prefetch=LOGGED_PREFETCH)

    @api.constrains("pages")
    def _check_pages(self):
        if any(document.pages < 1 for document in self):
            raise ValidationError(
                self.env._("A document handed over has at least one page.")
            )

    def _identity_persons(self):
        """The citizens who handed the documents over, for the access log."""
        return self.sudo().visit_id.visitor_ids

    def _identity_case_name(self):
        return self.sudo().visit_id.number
