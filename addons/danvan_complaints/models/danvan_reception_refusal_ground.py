"""The grounds on which a citizen may be refused reception, by legal regime
(TCD-10).

The Law on Citizen Reception 2013 gave four (Article 9); since 01/7/2026 the
law keeps its first three and Decree 154/2026/NĐ-CP adds ten (Article 4(1),
points a to k). The grounds are data of their regime: a visit picks one of
the regime of its date.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError


class DanvanReceptionRefusalGround(models.Model):
    _name = "danvan.reception.refusal.ground"
    _description = "Ground for Refusing Reception"
    _order = "regime_id, sequence, id"

    sequence = fields.Integer(default=10)
    regime_id = fields.Many2one(
        "danvan.legal.regime",
        string="Legal Regime",
        required=True,
        ondelete="restrict",
        index=True,
    )
    code = fields.Char(
        required=True,
        help="The point of the text, e.g. '9.3' or '4.1.h'.",
    )
    name = fields.Char(string="Ground", required=True, translate=True)
    legal_basis = fields.Char(
        required=True, help="The law and article, as the notice cites them."
    )
    # TCD-10: Article 9(3) of the law and point h of Decree 154/2026 Article
    # 4(1) need the head's written notice; the others an oral explanation.
    needs_written_notice = fields.Boolean(
        string="Written Notice",
        help="The head of the agency notifies the refusal in writing; for the "
        "other grounds the officer explains the reason to the citizen.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(regime_id, code)",
            "A legal regime has one refusal ground of each code.",
        )
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for ground in self:
            ground.display_name = f"{ground.code} - {ground.name}"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        """A ground cited by a visit stays: the register keeps its reason;
        archive it instead."""
        used = (
            self.env["danvan.reception.visit"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("refusal_ground_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "A refusal ground cited in the reception register cannot be "
                    "deleted; archive it instead."
                )
            )
