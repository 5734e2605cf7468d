from odoo import fields, models


class DanvanPublicationCategory(models.Model):
    """What the head must make public to staff (DC-2, Art. 46 of Luật
    10/2022/QH15): the twelve items of the Law as data, which the agency's
    democracy rules may extend (Art. 48.5).

    Shared by the agencies of the install, without a company: it holds the
    Law's headings, no agency's data."""

    _name = "danvan.publication.category"
    _description = "Category of Internal Publication"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="A short code, e.g. 'art46_6' for item 6 of Article 46."
    )
    legal_basis = fields.Char(
        help="Law and article, e.g. 'Luật 10/2022/QH15, Điều 46 khoản 6'."
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each category has its own code."),
    ]
