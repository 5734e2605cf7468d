from odoo import fields, models


class DanvanLegalRegime(models.Model):
    """The rules of Decree 155/2026/NĐ-CP on complaints that are flags or dates
    of a regime (KN-8, KN-15)."""

    _inherit = "danvan.legal.regime"

    # KN-8: a head who resolves a second-time complaint holds its dialogue in
    # person (new Article 28 of Decree 124/2020/NĐ-CP).
    dialogue_head_in_person = fields.Boolean(
        string="Second-time Dialogue by the Head in Person",
        tracking=True,
        help="The head who resolves a complaint for the second time holds the "
        "dialogue in person.",
    )
    # KN-15: an individual's authorisation needs no notarisation from this day.
    notarisation_end = fields.Date(
        string="Notarisation of Individuals Ends On",
        tracking=True,
        help="From this day an individual's authorisation to complain needs no "
        "certification or notarisation; empty, it always needs one.",
    )
    complexity_criterion_ids = fields.One2many(
        "danvan.complaint.complexity", "regime_id", string="Criteria of Complexity"
    )
