"""The cases that may be received online (TCD-16, Decree 154/2026 Art. 20)."""

from odoo import fields, models


class DanvanReceptionOnlineCase(models.Model):
    """A ground on which the head may decide to receive citizens online.

    The grounds are data of the regime that sets them: a later decree adds
    or ends a ground by its dates, never by a change of code (TCD-16).
    """

    _name = "danvan.reception.online.case"
    _description = "Case Eligible for Online Reception"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Ground", required=True, translate=True)
    code = fields.Char(string="Ground Code", required=True)
    regime_id = fields.Many2one(
        "danvan.legal.regime",
        string="In Force Under",
        required=True,
        ondelete="cascade",
        index=True,
    )
    legal_basis = fields.Char(
        string="Legal Text",
        help="The text that allows it, e.g. 'Nghị định 154/2026/NĐ-CP, Điều 20'.",
    )
    # TCD-16: a denunciation is received online only when the denouncer
    # does not ask for protection of their identity.
    is_denunciation = fields.Boolean(
        string="Denunciation Ground",
        help="The case of a denunciation: received online only when the denouncer "
        "does not ask for the protection of their identity.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(regime_id, code)",
            "A regime has one case of each code for online reception.",
        )
    ]
