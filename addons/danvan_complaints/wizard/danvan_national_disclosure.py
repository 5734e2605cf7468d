from odoo import fields, models


class DanvanNationalDisclosure(models.TransientModel):
    """The Office's decision to report the identity of a denouncer who asked
    for protection (TC-12), with its reason."""

    _name = "danvan.national.disclosure"
    _description = "Report a Protected Identity to the National Database"

    entry_id = fields.Many2one("danvan.national.entry", required=True)
    reason = fields.Text(
        required=True,
        help="Why the national database gets the identity of this denouncer, "
        "who asked for it to be kept secret.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.entry_id.action_disclose_identity(self.reason)
        return {"type": "ir.actions.act_window_close"}
