from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from ..tools.identity_log import logs_identity


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _danvan_letter_files_domain(self):
        """The files the user may read as far as the letter goes: a file of a
        confidential record some readers of which do not read its letter (the
        verification team of a denunciation, TC-13) is the letter's, and
        follows the domain of the records whose letter the user reads."""
        if self.env.su:
            return []
        domains = []
        for name in self.env.registry.descendants(
            ["danvan.confidential.mixin"], "_inherit"
        ):
            Model = self.env[name].with_context(active_test=False)
            letter_domain = not Model._abstract and Model._danvan_letter_domain()
            if not letter_domain:
                continue
            if Model.has_access("read"):
                domains.append(
                    [
                        "|",
                        ("res_model", "!=", name),
                        ("res_id", "in", Model._search(letter_domain)),
                    ]
                )
            else:
                domains.append([("res_model", "!=", name)])
        return expression.AND(domains) if domains else []

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        letter_domain = self._danvan_letter_files_domain()
        if letter_domain:
            domain = expression.AND([domain, letter_domain])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def check(self, mode, values=None):
        """A file of a denunciation is read by who reads its letter, not by
        its verification team (TC-13)."""
        result = super().check(mode, values=values)
        letter_domain = self and mode == "read" and self._danvan_letter_files_domain()
        if letter_domain and self.sudo().search_count(
            [("id", "in", self.ids), *letter_domain]
        ) < len(set(self.ids)):
            raise AccessError(
                self.env._(
                    "This file belongs to the letter of a denunciation: only "
                    "those who handle the case read it; the verification team "
                    "works from the copy without the denouncer (Article 47 of "
                    "the Law on Denunciations 2018)."
                )
            )
        return result

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
