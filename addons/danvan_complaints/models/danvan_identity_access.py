from odoo import api, fields, models
from odoo.exceptions import UserError


class DanvanIdentityAccess(models.Model):
    """Who read a denouncer's identity, and when (TC-13): one line each time a
    confidential identity is loaded from the database for a user."""

    _name = "danvan.identity.access"
    _description = "Access to a Denouncer's Identity"
    _order = "create_date desc, id desc"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    res_model = fields.Char(string="Record Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", required=True, readonly=True
    )
    record_name = fields.Char(
        string="Case", readonly=True, help="The petition or visit, never the person."
    )

    @api.model
    def _log(self, persons):
        """Log the reading of ``persons`` (confidential identities) by the
        current user; sudo, since the reader may not write the log."""
        self.sudo().create(
            [
                {
                    "user_id": self.env.uid,
                    "res_model": person._name,
                    "res_id": person.id,
                    "record_name": person._identity_case_name(),
                }
                for person in persons
            ]
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The log of accesses is kept."))
