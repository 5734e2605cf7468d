from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """'Nhiệm vụ kế hoạch được tạo', not 'Plan Task được tạo'.

        Outside a user's session (module install and its demo data, crons,
        external calls) the context has no language: Odoo reads the model's
        name in English but translates "%s created" in the language it guesses
        from the user. The name is read in that same language.
        """
        if not self.env.lang:
            lang = self.env["res.users"].context_get().get("lang")
            if lang:
                return super(
                    MailThread, self.with_context(lang=lang)
                )._creation_message()
        return super()._creation_message()

    def _process_attachments_for_post(
        self, attachments, attachment_ids, message_values
    ):
        """Here, not on the workflow mixin: mail.thread comes first among the
        parents of a model, and does not call super."""
        if (attachments or attachment_ids) and hasattr(
            self, "_danvan_check_post_files"
        ):
            self._danvan_check_post_files(message_values)
        return super()._process_attachments_for_post(
            attachments, attachment_ids, message_values
        )
