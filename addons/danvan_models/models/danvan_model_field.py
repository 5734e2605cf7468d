from odoo import fields, models


class DanvanModelField(models.Model):
    """Field of activity of a 'Dân vận khéo' model (configurable list, DVK rules)."""

    _name = "danvan.model.field"
    _description = "Field of Activity of a Dân vận khéo Model"
    _order = "sequence, id"
    # A catalogue of the Dân vận khéo movement, shared by every agency of the
    # install: no company (issue 15, item 4).

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a field must be unique."),
    ]
