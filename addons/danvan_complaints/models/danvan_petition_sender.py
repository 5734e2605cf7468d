from odoo import fields, models


class DanvanPetitionSender(models.Model):
    """Who sent a petition: seen by the handlers of the petition and of its
    case and by leadership only (TCD-11, TC-12)."""

    _name = "danvan.petition.sender"
    _description = "Petition Sender"
    _inherit = ["danvan.person.mixin", "danvan.kept.line.mixin"]
    _danvan_kept_parent = "petition_id"
    _identity_case_field = "petition_id"
    _order = "petition_id, id"

    petition_id = fields.Many2one(
        "danvan.petition", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="petition_id.company_id", store=True, index=True
    )
    phone = fields.Char()
    email = fields.Char()

    def _identity_case_name(self):
        return self.sudo().petition_id.number
