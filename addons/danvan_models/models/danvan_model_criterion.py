from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DanvanModelCriterion(models.Model):
    """An evaluation criterion of a registration round (DVK-5).

    Criteria without a round are the defaults, copied into each new round,
    where the Office may edit them for the year.
    """

    _name = "danvan.model.criterion"
    _description = "Evaluation Criterion of Dân vận khéo Models"
    _order = "round_id, sequence, id"

    round_id = fields.Many2one(
        "danvan.model.round", index=True, ondelete="cascade", string="Round"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True, translate=True)
    weight = fields.Float(
        default=1.0, help="The criterion's share in a model's total score."
    )
    max_score = fields.Float(string="Maximum Score", default=10.0, required=True)
    guidance = fields.Text(translate=True, help="What the reviewers look for.")

    @api.constrains("weight", "max_score")
    def _check_values(self):
        for criterion in self:
            if criterion.weight <= 0 or criterion.max_score <= 0:
                raise ValidationError(
                    self.env._(
                        "%s: the weight and the maximum score must be positive.",
                        criterion.name,
                    )
                )

    def _translate_copies(self, langs):
        """Give the round criteria whose name or guidance is still a default's
        English text that default's translations in ``langs``, where they have
        none of their own."""
        Criterion = self.with_context(lang="en_US")
        for default in Criterion.search([("round_id", "=", False)]):
            for fname in ("name", "guidance"):
                english = default[fname]
                if not english:
                    continue
                copies = Criterion.search(
                    [("round_id", "!=", False), (fname, "=", english)]
                )
                for lang in set(langs) - {"en_US"}:
                    text = default.with_context(lang=lang)[fname]
                    untranslated = copies.with_context(lang=lang).filtered(
                        lambda c, f=fname, e=english: c[f] == e
                    )
                    if text != english and untranslated:
                        untranslated[fname] = text
