from odoo import fields, models


class DanvanReceptionVisitor(models.Model):
    """A citizen received in a visit: seen by the receiving officer, the
    handler of the petition registered from the visit and leadership only
    (TCD-11, TC-12)."""

    _name = "danvan.reception.visitor"
    _description = "Citizen Received"
    _inherit = ["danvan.person.mixin", "danvan.kept.line.mixin"]
    _danvan_kept_parent = "visit_id"
    _identity_case_field = "visit_id"
    _order = "visit_id, is_representative desc, id"

    visit_id = fields.Many2one(
        "danvan.reception.visit", required=True, index=True, ondelete="cascade"
    )
    is_representative = fields.Boolean(
        string="Representative",
        help="Appointed by a group to speak for it (Decree 124/2020/NĐ-CP).",
    )

    def _identity_case_name(self):
        return self.sudo().visit_id.number
