from odoo import fields, models


class DanvanComplaintComplexity(models.Model):
    """A criterion of a complex complaint, per regime (KN-7, KN-11): the
    seven of the new Article 3a of Decree 124/2020/NĐ-CP. A regime without
    criteria leaves the complexity to the resolver's judgement."""

    _name = "danvan.complaint.complexity"
    _description = "Criterion of a Complex Complaint"
    _order = "regime_id, sequence, id"

    sequence = fields.Integer(default=10)
    regime_id = fields.Many2one(
        "danvan.legal.regime",
        string="Legal Regime",
        required=True,
        ondelete="cascade",
        index=True,
    )
    name = fields.Char(string="Criterion", required=True, translate=True)
    legal_basis = fields.Char()
    active = fields.Boolean(default=True)
