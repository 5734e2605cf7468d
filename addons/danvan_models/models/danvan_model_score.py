from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class DanvanModelScore(models.Model):
    """One reviewer's score of one criterion of a model (DVK-5).

    Record rules keep each reviewer's scores to themselves until every
    reviewer has scored the model, whatever other roles he holds. The scores
    of a recognized or rejected model are kept with it.
    """

    _name = "danvan.model.score"
    _inherit = ["danvan.kept.line.mixin"]
    _danvan_kept_parent = "registration_id"
    _description = "Appraisal Score of a Dân vận khéo Model"
    _order = "registration_id, reviewer_id, criterion_id"
    _check_company_auto = True

    registration_id = fields.Many2one(
        "danvan.model.registration", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="registration_id.company_id", store=True, index=True
    )
    reviewer_id = fields.Many2one(
        "res.users",
        string="Reviewer",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env.user,
    )
    criterion_id = fields.Many2one(
        "danvan.model.criterion",
        string="Criterion",
        required=True,
        index=True,
        check_company=True,
    )
    max_score = fields.Float(related="criterion_id.max_score")
    score = fields.Float(required=True)
    comment = fields.Text()

    _sql_constraints = [
        (
            "score_unique",
            "unique(registration_id, reviewer_id, criterion_id)",
            "A reviewer scores each criterion of a model once.",
        ),
    ]

    @api.constrains("score", "criterion_id")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= line.criterion_id.max_score:
                raise ValidationError(
                    self.env._(
                        "%(criterion)s is scored from 0 to %(max)s, not %(score)s.",
                        criterion=line.criterion_id.name,
                        max=line.criterion_id.max_score,
                        score=line.score,
                    )
                )

    @api.constrains("registration_id", "reviewer_id", "criterion_id")
    def _check_reviewer(self):
        for line in self:
            registration = line.registration_id
            if registration.state != "appraisal":
                raise ValidationError(
                    self.env._("%s is not in appraisal.", registration.name)
                )
            if line.reviewer_id not in registration.reviewer_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a reviewer of %(model)s.",
                        user=line.reviewer_id.name,
                        model=registration.name,
                    )
                )
            registration._check_no_conflict(line.reviewer_id)
            if line.criterion_id not in registration.round_id.criterion_ids:
                raise ValidationError(
                    self.env._("The criterion belongs to another round.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        """A reviewer scores in their own name; the Office may record for one."""
        is_office = self.env.user.has_group("danvan_base.group_danvan_office")
        for vals in vals_list:
            reviewer = vals.get("reviewer_id", self.env.uid)
            if reviewer != self.env.uid and not is_office:
                raise AccessError(self.env._("You can only enter your own scores."))
        return super().create(vals_list)
