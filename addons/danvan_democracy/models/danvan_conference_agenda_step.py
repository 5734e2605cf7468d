from odoo import fields, models

PRESENTERS = [
    ("head", "Head of the agency"),
    ("union", "Union"),
    ("head_union", "Head and union chair"),
    ("board", "People's inspection board"),
    ("conference", "The conference"),
]


class DanvanConferenceAgendaStep(models.Model):
    """A step of the agenda template of the staff conference, in the order of
    Article 51.4 of the Law on Grassroots Democracy (DC-9)."""

    _name = "danvan.conference.agenda.step"
    _description = "Staff Conference Agenda Step"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(string="Step", required=True, translate=True)
    presenter = fields.Selection(PRESENTERS, string="Presented by")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Empty: the step of every agency's agenda.",
    )
