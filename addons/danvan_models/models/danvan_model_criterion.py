from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression


class DanvanModelCriterion(models.Model):
    """An evaluation criterion of a registration round (DVK-5).

    Criteria without a round are the templates. A round's criterion points to
    its template and reads the template's name and guidance, in the reader's
    language, unless the Office rewrote them for the year: the rewording is
    kept on the round's criterion and wins. The criteria of a done round are
    kept with it, their texts frozen (templates stay editable).
    """

    _name = "danvan.model.criterion"
    _inherit = ["danvan.kept.line.mixin"]
    _danvan_kept_parent = "round_id"
    _description = "Evaluation Criterion of Dân vận khéo Models"
    _order = "round_id, sequence, id"

    round_id = fields.Many2one(
        "danvan.model.round", index=True, ondelete="cascade", string="Round"
    )
    # The default criteria (without a round) are the province's, shared by its
    # agencies; a round's criteria are its agency's (issue 15, item 4).
    company_id = fields.Many2one(related="round_id.company_id", store=True, index=True)
    template_id = fields.Many2one(
        "danvan.model.criterion",
        string="Default Criterion",
        index="btree_not_null",
        ondelete="restrict",
        domain=[("round_id", "=", False)],
        help="The default criterion this round's criterion comes from: its name "
        "and guidance, unless the round rewords them.",
    )
    sequence = fields.Integer(default=10)
    own_name = fields.Char(
        string="Own Wording",
        translate=True,
        help="The name of a default criterion, or the round's wording that "
        "replaces the name of its default.",
    )
    own_guidance = fields.Text(
        translate=True,
        help="The guidance of a default criterion, or the round's guidance that "
        "replaces the one of its default.",
    )
    name = fields.Char(
        string="Criterion",
        compute="_compute_name",
        inverse="_inverse_name",
        search="_search_name",
    )
    guidance = fields.Text(
        compute="_compute_guidance",
        inverse="_inverse_guidance",
        help="What the reviewers look for.",
    )
    weight = fields.Float(
        default=1.0, help="The criterion's share in a model's total score."
    )
    max_score = fields.Float(string="Maximum Score", default=10.0, required=True)

    @api.depends("own_name", "template_id.own_name")
    @api.depends_context("lang")
    def _compute_name(self):
        for criterion in self:
            criterion.name = criterion.own_name or criterion.template_id.own_name

    @api.depends("own_guidance", "template_id.own_guidance")
    @api.depends_context("lang")
    def _compute_guidance(self):
        for criterion in self:
            criterion.guidance = (
                criterion.own_guidance or criterion.template_id.own_guidance
            )

    def _inverse_name(self):
        self._set_own_text("name")

    def _inverse_guidance(self):
        self._set_own_text("guidance")

    def _set_own_text(self, fname):
        """The text typed in is the criterion's own, unless it is its
        template's, which the criterion then follows again."""
        for criterion in self:
            text = criterion[fname]
            if criterion.template_id and text == criterion.template_id[fname]:
                text = False
            criterion[f"own_{fname}"] = text

    def _search_name(self, operator, value):
        if operator in expression.NEGATIVE_TERM_OPERATORS:
            positive = expression.TERM_OPERATORS_NEGATION[operator]
            return ["!", *self._search_name(positive, value)]
        return [
            "|",
            ("own_name", operator, value),
            "&",
            ("own_name", "=", False),
            ("template_id.own_name", operator, value),
        ]

    @api.constrains("own_name", "template_id", "round_id")
    def _check_name(self):
        if any(not c.own_name and not c.template_id for c in self):
            raise ValidationError(self.env._("Give every criterion a name."))

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

    def _freeze_texts(self):
        """Copy the template's name and guidance, in every installed language,
        into the criteria that still read them, so that rewording a template
        no longer changes the criteria of a done round."""
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        for fname in ("own_name", "own_guidance"):
            for criterion in self.filtered(
                lambda c, f=fname: not c[f] and c.template_id[f]
            ):
                template = criterion.template_id
                criterion.with_context(lang="en_US")[fname] = template.with_context(
                    lang="en_US"
                )[fname]
                criterion.update_field_translations(
                    fname,
                    {
                        lang: template.with_context(lang=lang)[fname]
                        for lang in langs
                        if lang != "en_US"
                    },
                )

    @api.model
    def _round_values(self):
        """The values of a new round's criteria: one per template."""
        return [
            {
                "template_id": template.id,
                "sequence": template.sequence,
                "weight": template.weight,
                "max_score": template.max_score,
            }
            for template in self.search([("round_id", "=", False)])
        ]
