from odoo import api, fields, models

from .danvan_person_mixin import DanvanPersonMixin

# TCD-11: the papers a visitor identifies himself with (Article 12 of Decree
# 154/2026/NĐ-CP).
IDENTITY_KINDS = [
    ("citizen_id", "Citizen identity card"),
    ("identity_certificate", "Identity certificate"),
    ("personal_id", "Personal identification number"),
    ("electronic_id", "Electronic identity account"),
    ("passport", "Passport"),
    ("other", "Other document with a photo"),
]
# TCD-11: who speaks for another, and the proof of it (Article 13).
REPRESENTATIVE_KINDS = [
    ("group", "Representative of a group"),
    ("lawyer", "Lawyer"),
    ("legal_aid", "Legal aid provider"),
    ("authorised", "Authorised person"),
    ("legal_representative", "Legal representative"),
]
PROOF_KINDS = [
    ("appointment", "Written appointment of the group's representatives"),
    ("lawyer_card", "Lawyer's card"),
    ("legal_aid", "Legal aid card and assignment decision"),
    ("authorisation", "Lawful authorisation"),
    ("guardianship", "Proof of legal representation"),
]


class DanvanReceptionVisitor(models.Model):
    """A citizen received in a visit: seen by the receiving officer, the
    handler of the petition registered from the visit and leadership only
    (TCD-11, TC-12)."""

    _name = "danvan.reception.visitor"
    _description = "Citizen Received"
    _inherit = ["danvan.person.mixin", "danvan.kept.line.mixin"]
    _danvan_kept_parent = "visit_id"
    _identity_case_field = "visit_id"
    _danvan_logged_fields = DanvanPersonMixin._danvan_logged_fields | {
        "identity_issue_date",
        "identity_issue_place",
    }
    _order = "visit_id, is_representative desc, id"

    visit_id = fields.Many2one(
        "danvan.reception.visit", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="visit_id.company_id", store=True, index=True)
    # Empty on the lines recorded before it existed: printed as an identity
    # paper, whatever its kind.
    identity_kind = fields.Selection(
        IDENTITY_KINDS,
        string="Identity Paper",
        default="citizen_id",
        help="Article 12 of Decree 154/2026/NĐ-CP: the citizen identity card, the "
        "identity certificate, the personal identification number or the passport.",
    )
    identity_issue_date = fields.Date(string="Issued On")
    identity_issue_place = fields.Char(string="Issued At")
    is_representative = fields.Boolean(
        string="Representative",
        compute="_compute_is_representative",
        store=True,
        readonly=False,
        help="Appointed by a group to speak for it (Decree 124/2020/NĐ-CP).",
    )
    representative_kind = fields.Selection(
        REPRESENTATIVE_KINDS,
        string="Acting As",
        help="Speaks for others: a group, a lawyer, a legal aid provider, an "
        "authorised person or a legal representative (Article 13 of Decree "
        "154/2026/NĐ-CP).",
    )
    proof_kind = fields.Selection(
        PROOF_KINDS,
        string="Proof of Representation",
        help="The paper shown for the status of representative (Article 13 of "
        "Decree 154/2026/NĐ-CP).",
    )
    proof_attachment_ids = fields.Many2many(
        "ir.attachment",
        "danvan_reception_visitor_proof_rel",
        "visitor_id",
        "attachment_id",
        string="Proof Files",
    )

    @api.depends("representative_kind")
    def _compute_is_representative(self):
        for visitor in self:
            visitor.is_representative = (
                visitor.is_representative or visitor.representative_kind == "group"
            )

    def _identity_case_name(self):
        return self.sudo().visit_id.number

    def _identity_line(self):
        """'Căn cước số ..., cấp ngày ..., tại ...' for the forms of 2026
        (Mẫu 01 to 03/TCD)."""
        self.ensure_one()
        if not self.identity_number:
            return ""
        kinds = dict(self._fields["identity_kind"]._description_selection(self.env))
        parts = [
            f"{kinds.get(self.identity_kind) or self.env._('Identity paper')}: "
            f"{self.identity_number}"
        ]
        if self.identity_issue_date:
            parts.append(
                self.env._(
                    "issued on %s", self.identity_issue_date.strftime("%d/%m/%Y")
                )
            )
        if self.identity_issue_place:
            parts.append(self.env._("at %s", self.identity_issue_place))
        return ", ".join(parts)
