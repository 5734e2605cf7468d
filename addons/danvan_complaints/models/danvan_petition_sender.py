from odoo import api, fields, models


class DanvanPetitionSender(models.Model):
    """Who sent a petition. Kept apart from the petition so that record rules
    hide a denouncer's identity from all but the handler and leadership
    (TC-12), in every view, export and message."""

    _name = "danvan.petition.sender"
    _description = "Petition Sender"
    _order = "petition_id, id"

    petition_id = fields.Many2one(
        "danvan.petition", required=True, index=True, ondelete="cascade"
    )
    is_confidential = fields.Boolean(
        compute="_compute_is_confidential",
        store=True,
        help="The sender of a denunciation (TC-12).",
    )
    name = fields.Char(required=True)
    address = fields.Char()
    identity_number = fields.Char(string="Identity Document")
    phone = fields.Char()
    email = fields.Char()

    @api.depends("petition_id.petition_type")
    def _compute_is_confidential(self):
        for sender in self:
            sender.is_confidential = sender.petition_id.petition_type == "denunciation"
