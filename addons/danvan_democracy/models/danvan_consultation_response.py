"""A line of the head's table of summary, explanation and acceptance of the
opinions ("Bảng tổng hợp, giải trình, tiếp thu ý kiến", DC-12): one per
article opinions were given on and one for the whole draft, compiled from
the opinions (their number and gist, never their authors), then the head's
decision and explanation. Edited while the consultation is closed."""

from odoo import api, fields, models
from odoo.exceptions import UserError

# The mark of the compile of the table: an object, which a context sent
# through RPC (JSON) can never hold. Only the compile counts the opinions
# (DC-22: the results of a consultation are not forged).
COMPILE_GATE = object()
COMPILE_KEY = "danvan_consultation_compile"


class DanvanConsultationResponse(models.Model):
    _name = "danvan.consultation.response"
    _description = "Line of the Summary Table of Opinions"
    _check_company_auto = True
    _order = "consultation_id, sequence, id"

    consultation_id = fields.Many2one(
        "danvan.consultation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="consultation_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    article_id = fields.Many2one(
        "danvan.consultation.article",
        string="Article",
        ondelete="cascade",
        help="Empty: the opinions on the whole draft.",
        check_company=True,
    )
    opinion_count = fields.Integer(string="Number of Opinions", readonly=True)
    gist = fields.Text(
        string="Gist of the Opinions",
        help="Compiled from the opinions; edit it to group what they say.",
    )
    decision = fields.Selection(
        [
            ("accepted", "Accepted"),
            ("partly", "Partly accepted"),
            ("explained", "Explained, not accepted"),
        ],
        string="Decision of the Head",
    )
    explanation = fields.Text(
        help="Why an opinion is not, or only partly, accepted (giải trình)."
    )

    @api.depends("article_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = line.article_id.display_name or self.env._(
                "The whole draft"
            )

    def _decision_label(self):
        """The head's decision as the table prints it."""
        self.ensure_one()
        labels = dict(self._fields["decision"]._description_selection(self.env))
        return labels.get(self.decision, "")

    def _check_editable(self):
        if self.env.su:
            return
        if self.consultation_id.sudo().filtered(lambda c: c.state != "closed"):
            raise UserError(
                self.env._(
                    "The summary table is edited while the consultation is "
                    "closed, before the table is done."
                )
            )

    def _check_compiled(self, keys):
        if (
            not self.env.su
            and self.env.context.get(COMPILE_KEY) is not COMPILE_GATE
            and keys & {"opinion_count", "consultation_id", "article_id"}
        ):
            raise UserError(
                self.env._(
                    "The lines of the summary table and their numbers of "
                    "opinions come from compiling the opinions: they are not typed."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_compiled(set(vals))
        lines = super().create(vals_list)
        lines._check_editable()
        return lines

    def write(self, vals):
        self._check_compiled(set(vals))
        self._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        self._check_editable()
