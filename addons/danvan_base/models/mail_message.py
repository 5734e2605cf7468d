from odoo import api, models
from odoo.exceptions import UserError

# What a message says and where it stands: the rest (stars, read marks,
# pins, reactions) is each reader's own and stays free.
KEPT_FIELDS = {
    "attachment_ids",
    "author_guest_id",
    "author_id",
    "body",
    "date",
    "message_type",
    "model",
    "res_id",
    "subject",
    "subtype_id",
    "tracking_value_ids",
}


class MailMessage(models.Model):
    """The chatter is the history of a record of the workflow gate: its
    tracked changes are never deleted nor rewritten, and no message of a
    locked record is, by any user but the superuser."""

    _inherit = "mail.message"

    def _danvan_check_kept(self):
        """Refuse when a message of ``self`` tracks changes of a record of the
        workflow gate, or belongs to a locked one. One search per model."""
        if self.env.su:
            return
        for model, messages in self.sudo().grouped("model").items():
            records = self.env.get(model) if model else None
            # Not isinstance: see ir.attachment.
            if records is None or not hasattr(records, "_danvan_locked"):
                continue
            records = records.browse(messages.mapped("res_id")).exists()
            locked = set(records._danvan_locked().ids)
            kept = messages.browse(
                message.id
                for message in messages
                if message.tracking_value_ids or message.res_id in locked
            )
            if kept:
                documents = records.browse(kept.mapped("res_id")).sudo()
                raise UserError(
                    self.env._(
                        "The history of %s is kept with it: its messages can no "
                        "longer be changed or deleted.",
                        ", ".join(documents.exists().mapped("display_name")),
                    )
                )

    def write(self, vals):
        if vals.keys() & KEPT_FIELDS:
            self._danvan_check_kept()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        self._danvan_check_kept()
