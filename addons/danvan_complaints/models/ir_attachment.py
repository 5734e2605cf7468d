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
        user it is served to, also when a token or the portal allows it (TC-13).
        A file of the filestore is streamed as it is, and logged here; one kept
        in the database is read through ``raw``, which logs it, unless under
        sudo."""
        if self.env.su or self.store_fname:
            self.sudo(False)._danvan_log_identity_access()
        return super()._to_http_stream()

    def _danvan_log_identity_access(self):
        if self.env.su:
            return
        Log = self.env["danvan.identity.access"]
        for res_model, attachments in self.sudo().grouped("res_model").items():
            Owner = self.env.get(res_model)
            if Owner is not None and hasattr(Owner, "_identity_persons"):
                owners = Owner.browse(attachments.mapped("res_id")).exists()
                Log._log(owners._identity_persons(), "attachment")
