from odoo import api, models
from odoo.exceptions import AccessError


class MailMessage(models.Model):
    """The chatter of a denunciation quotes the letter: read by those who
    read its letter, not by its verification team (TC-13)."""

    _inherit = "mail.message"

    @api.model
    def _danvan_letter_ids(self, model, res_ids):
        """The ids of ``res_ids`` of ``model`` whose letter the user reads,
        or ``None`` when that is every reader of the record."""
        Model = self.env[model] if model in self.env else None
        if not hasattr(Model, "_danvan_letter_readable"):
            return None
        if not Model._danvan_letter_restricted():
            return None
        return set(Model.browse(res_ids)._danvan_letter_readable().ids)

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        allowed = super()._find_allowed_model_wise(doc_model, doc_dict)
        readable = self._danvan_letter_ids(doc_model, list(doc_dict))
        if readable is None:
            return allowed
        return {
            message_id
            for doc_id in readable
            for message_id in doc_dict[doc_id]
            if message_id in allowed
        }

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su or operation != "read" or not self:
            return result
        forbidden = result[0] if result else self.browse()
        partner = self.env.user.partner_id
        for model, messages in (self - forbidden).sudo().grouped("model").items():
            messages = messages.filtered(lambda m: m.author_id != partner)
            readable = self._danvan_letter_ids(model, messages.mapped("res_id"))
            if readable is not None:
                forbidden |= self.browse(
                    [m.id for m in messages if m.res_id not in readable]
                )
        if not forbidden or (result and forbidden == result[0]):
            return result
        return forbidden, lambda: AccessError(
            self.env._(
                "This message belongs to a denunciation whose letter you do not "
                "read: the identity of the denouncer is kept secret (Article 47 "
                "of the Law on Denunciations 2018)."
            )
        )
