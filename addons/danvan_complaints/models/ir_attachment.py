from odoo import models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _compute_raw(self):
        """The content of an attachment of a petition, visit or case, read by a
        user (RPC, export), is the letter and so the identity (TC-13)."""
        self._danvan_log_identity_access()
        return super()._compute_raw()

    def _to_http_stream(self):
        """A file downloaded (``/web/content``, ``/web/image``) is logged for the
        user it is served to, also when the download is allowed by a token or
        to the portal (TC-13); its content is then read as superuser so that
        reading it is not logged a second time."""
        self.sudo(False)._danvan_log_identity_access()
        return super(IrAttachment, self.sudo())._to_http_stream()

    def _danvan_log_identity_access(self):
        if self.env.su:
            return
        Log = self.env["danvan.identity.access"]
        for res_model, attachments in self.sudo().grouped("res_model").items():
            Owner = self.env.get(res_model)
            if Owner is not None and hasattr(Owner, "_identity_persons"):
                owners = Owner.browse(attachments.mapped("res_id")).exists()
                Log._log(owners._identity_persons(), "attachment")
