from odoo import models

from ..tools.identity_log import logs_identity


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
        """Log the persons of the records whose files are read: nothing to do,
        at once, for the files of other models (avatars, logos, assets)."""
        if self.env.su:
            return
        attachments = self.sudo()
        models = {
            res_model
            for res_model in set(attachments.mapped("res_model"))
            if logs_identity(self.env.registry, res_model)
        }
        if not models:
            return
        Log = self.env["danvan.identity.access"]
        logged = attachments.filtered(lambda attachment: attachment.res_model in models)
        for res_model, files in logged.grouped("res_model").items():
            owners = self.env[res_model].browse(files.mapped("res_id")).exists()
            Log._log(owners._identity_persons(), "attachment")
