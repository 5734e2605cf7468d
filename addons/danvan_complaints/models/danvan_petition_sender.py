from odoo import api, fields, models


class DanvanPetitionSender(models.Model):
    """Who sent a petition: seen by the handlers of the petition and of its
    case and by leadership only (TCD-11, TC-12)."""

    _name = "danvan.petition.sender"
    _description = "Petition Sender"
    _inherit = ["danvan.person.mixin"]
    _identity_case_field = "petition_id"
    _order = "petition_id, id"

    petition_id = fields.Many2one(
        "danvan.petition", required=True, index=True, ondelete="cascade"
    )
    phone = fields.Char()
    email = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        senders = super().create(vals_list)
        senders.petition_id._redaction_outdated()
        return senders

    def write(self, vals):
        """A sender changed: the confirmed copy without the denouncer may now
        name him (TC-13 (2))."""
        petitions = self.petition_id
        result = super().write(vals)
        (petitions | self.petition_id)._redaction_outdated()
        return result

    def unlink(self):
        petitions = self.petition_id
        result = super().unlink()
        petitions._redaction_outdated()
        return result

    def _identity_case_name(self):
        return self.sudo().petition_id.number
