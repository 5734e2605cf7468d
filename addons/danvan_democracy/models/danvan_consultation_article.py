"""An article of the draft under consultation: staff give their opinion on
it or on the whole draft (DC-12). Fixed once the draft is open, so that an
opinion keeps the text it was given on."""

from odoo import api, fields, models


class DanvanConsultationArticle(models.Model):
    _name = "danvan.consultation.article"
    _description = "Article of a Draft under Consultation"
    _order = "consultation_id, sequence, id"
    _rec_names_search = ["number", "title"]

    consultation_id = fields.Many2one(
        "danvan.consultation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="consultation_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    number = fields.Char(required=True, help="e.g. 'Điều 3'.")
    title = fields.Char()
    text = fields.Text()

    @api.depends("number", "title")
    def _compute_display_name(self):
        for article in self:
            article.display_name = " - ".join(
                filter(None, [article.number, article.title])
            )

    @api.model_create_multi
    def create(self, vals_list):
        consultations = self.env["danvan.consultation"].browse(
            {vals.get("consultation_id") for vals in vals_list}
        )
        consultations._check_draft_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.consultation_id._check_draft_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_open(self):
        self.consultation_id._check_draft_editable()
