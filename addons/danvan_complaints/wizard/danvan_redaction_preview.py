from odoo import api, fields, models


class DanvanRedactionPreview(models.TransientModel):
    """The copy of a denunciation without its denouncer, as the verification
    team and the competent body will read it: the officer reads it, marks the
    other persons the letter names, and confirms it (TC-13 (2)).

    Reading it makes the copy, which reads the letter and its senders and so
    is logged: it is marked as a model whose reading is logged, served on a
    read-write cursor. Its own fields hold no identity: it logs nothing of
    them."""

    _name = "danvan.redaction.preview"
    _description = "Preview of the Copy Without the Denouncer"
    _danvan_logs_identity = True

    petition_id = fields.Many2one(
        "danvan.petition", required=True, readonly=True, ondelete="cascade"
    )
    redact_terms = fields.Text(
        string="Other Persons to Remove",
        help="Names, addresses or numbers of other citizens named in the letter, "
        "one per line.",
    )
    summary = fields.Char(compute="_compute_copy")
    content = fields.Html(string="Copy", compute="_compute_copy")

    @api.depends("petition_id", "redact_terms")
    def _compute_copy(self):
        for wizard in self:
            wizard.summary, wizard.content = wizard.petition_id._redact(
                wizard.redact_terms
            )

    def action_confirm(self):
        """Keep the copy as read: it is the one printed and sent."""
        self.ensure_one()
        self.petition_id._confirm_redacted(
            self.redact_terms, self.summary, self.content
        )
        return {"type": "ir.actions.act_window_close"}
