"""What Decree 156/2026 adds to a denunciation case: its withdrawals by one,
some or all denouncers (TC-8, TC-16) and the denouncer's request for
protection carried from the petition (TC-12)."""

from odoo import api, fields, models
from odoo.osv import expression


class DanvanDenunciation(models.Model):
    _inherit = "danvan.denunciation"

    withdrawal_ids = fields.One2many(
        "danvan.denunciation.withdrawal", "denunciation_id", string="Withdrawals"
    )
    followup_ids = fields.One2many(
        "danvan.denunciation.followup", "denunciation_id", string="Follow-up"
    )
    expert_ids = fields.One2many(
        "danvan.denunciation.expert", "denunciation_id", string="Expert Assessments"
    )
    # TC-12, TC-13: whether the denouncer asked for protection tells about
    # the denouncer: shown to those who read the letter only, as its summary.
    protection_requested = fields.Boolean(
        compute="_compute_protection_requested",
        search="_search_protection_requested",
        compute_sudo=False,
        help="The denouncer asked to keep their identity secret or for other "
        "protection (Article 47 of the Law on Denunciations 2018).",
    )

    @api.depends("petition_id.protection_requested")
    @api.depends_context("uid")
    def _compute_protection_requested(self):
        readable = self._origin._danvan_letter_readable()
        for case in self:
            case.protection_requested = (
                case._origin in readable
                and case.sudo().petition_id.protection_requested
            )

    def _search_protection_requested(self, operator, value):
        """Among the cases whose letter the user reads only (TC-13)."""
        return expression.AND(
            [
                self._danvan_letter_domain(),
                [("petition_id.protection_requested", operator, value)],
            ]
        )

    def action_new_withdrawal(self):
        """A withdrawal by one, some or all denouncers (TC-8)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Withdrawal of the Denunciation"),
            "res_model": "danvan.denunciation.withdrawal",
            "view_mode": "form",
            "target": "current",
            "context": {"default_denunciation_id": self.id},
        }

    def action_open_followup(self):
        """The follow-up of the conclusion (TC-14): opened, or started."""
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Follow-up of the Conclusion"),
            "res_model": "danvan.denunciation.followup",
            "view_mode": "form",
            "target": "current",
            "context": {"default_denunciation_id": self.id},
        }
        if self.followup_ids:
            action["res_id"] = self.followup_ids[:1].id
        return action
