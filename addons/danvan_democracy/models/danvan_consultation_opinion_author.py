"""The author of an anonymous opinion (DC-22): a row only its own user reads,
by a global record rule, so that the identity goes out through no channel.

No company of its own: the global rule already keeps the row from every other
user, of this agency or another, and its opinion carries the agency."""

from odoo import fields, models
from odoo.exceptions import UserError


class DanvanConsultationOpinionAuthor(models.Model):
    _name = "danvan.consultation.opinion.author"
    _description = "Author of an Anonymous Opinion"

    opinion_id = fields.Many2one(
        "danvan.consultation.opinion",
        required=True,
        index=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users", required=True, index=True, ondelete="cascade"
    )

    _sql_constraints = [
        ("opinion_unique", "UNIQUE(opinion_id)", "An opinion has one author.")
    ]

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("The author of an opinion cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(self.env._("The author of an opinion cannot be changed."))
        return super().unlink()
