from odoo import fields, models


class DanvanConferenceUnionOpinion(models.TransientModel):
    """The union's opinion on the date of the conference (DC-6), given by a
    member of its executive committee."""

    _name = "danvan.conference.union.opinion"
    _description = "Union's Opinion on the Staff Conference"

    conference_id = fields.Many2one("danvan.conference", required=True)
    date_conference = fields.Datetime(
        related="conference_id.date_conference", string="Proposed Date"
    )
    opinion = fields.Text(string="Union's Opinion", required=True)
    opinion_date = fields.Date(
        string="Given on", required=True, default=fields.Date.context_today
    )

    def action_confirm(self):
        self.ensure_one()
        self.conference_id._record_union_opinion(self.opinion, self.opinion_date)
        return {"type": "ir.actions.act_window_close"}
