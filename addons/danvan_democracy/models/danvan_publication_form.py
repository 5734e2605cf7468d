from odoo import fields, models


class DanvanPublicationForm(models.Model):
    """How information is made public to staff (DC-3, Art. 47 of Luật
    10/2022/QH15): posting, the internal system, the conference, a written
    notice..., as data the agency's democracy rules may extend.

    Shared by the agencies of the install, without a company: it holds the
    Law's forms, no agency's data."""

    _name = "danvan.publication.form"
    _description = "Form of Internal Publication"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    requires_posting = fields.Boolean(
        string="Posted for a Period",
        help="Information made public in this form stays posted at least 20 "
        "consecutive days (Article 48 of the Law on Grassroots Democracy).",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each form has its own code."),
    ]
