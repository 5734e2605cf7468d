from odoo import fields, models


class DanvanLegalForm(models.Model):
    """A form of a legal regime (Mẫu 03/TCD, Mẫu 14a ...): its number, its
    title and the template that prints it (domain-vn.md §0.3.3)."""

    _name = "danvan.legal.form"
    _description = "Legal Form"
    _order = "regime_id, sequence, id"

    sequence = fields.Integer(default=10)
    regime_id = fields.Many2one(
        "danvan.legal.regime",
        string="Legal Regime",
        required=True,
        ondelete="cascade",
        index=True,
    )
    code = fields.Char(
        required=True,
        help="What the form is for, e.g. 'reception_register'; the code asks the "
        "regime of the record's date for it.",
    )
    number = fields.Char(
        string="Form Number", help="As the text numbers it, e.g. '03/TCD'."
    )
    name = fields.Char(string="Title", required=True, translate=True)
    legal_basis = fields.Char(help="The text that sets the form, e.g. its appendix.")
    template = fields.Char(
        help="The QWeb template that prints the form, if it is printed."
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "code_unique",
            "unique(regime_id, code)",
            "A regime has one form of each kind.",
        )
    ]
