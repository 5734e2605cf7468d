from odoo import fields, models


class DanvanCaseEvent(models.Model):
    """The steps after a denunciation's conclusion and during its settlement
    that Decree 156/2026 adds (TC-9, TC-14)."""

    _inherit = "danvan.case.event"

    kind = fields.Selection(
        selection_add=[
            ("expert_request", "Request for expert assessment"),
            ("followup", "Follow-up of the conclusion"),
            ("followup_closed", "Follow-up closed"),
        ],
        ondelete={
            "expert_request": "cascade",
            "followup": "cascade",
            "followup_closed": "cascade",
        },
    )
