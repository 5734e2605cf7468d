from odoo import Command, fields, models
from odoo.exceptions import UserError


class DanvanReceptionSession(models.Model):
    """The head's session: its lines of the register and the notice of its
    conclusions (TCD-7, TCD-21)."""

    _inherit = "danvan.reception.session"

    visit_ids = fields.One2many(
        "danvan.reception.visit", "session_id", string="Register Lines"
    )
    conclusion_ids = fields.One2many(
        "danvan.reception.conclusion", "session_id", string="Conclusion Notices"
    )
    conclusion_count = fields.Integer(compute="_compute_conclusion_count")

    def _compute_conclusion_count(self):
        counts = dict(
            self.env["danvan.reception.conclusion"]._read_group(
                [("session_id", "in", self.ids)], ["session_id"], ["__count"]
            )
        )
        for session in self:
            session.conclusion_count = counts.get(session, 0)

    def action_view_visits(self):
        """The lines of the register received at the session."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "danvan_complaints.danvan_reception_visit_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        action["context"] = {
            "default_session_id": self.id,
            "default_date": self.date.isoformat(),
            "default_kind": self.kind,
        }
        return action

    def action_create_conclusion(self):
        """The notice of the session's conclusions, a line per case received
        (TCD-21); its text is the head's to write."""
        self.ensure_one()
        self._danvan_form("reception_conclusion")
        if self.state != "held":
            raise UserError(
                self.env._("The conclusions are written once the session is held.")
            )
        visits = (
            self.env["danvan.reception.visit"]
            .sudo()
            .search(
                [("session_id", "=", self.id), ("refused", "=", False)],
                order="date, id",
            )
        )
        conclusion = self.env["danvan.reception.conclusion"].create(
            {
                "session_id": self.id,
                "signer_name": self.presider_id.name
                or self.company_id.danvan_signer_name,
                "line_ids": [
                    Command.create(
                        {
                            "visit_id": visit.id,
                            "subject": (visit.summary or visit.number).splitlines()[0][
                                :200
                            ],
                        }
                    )
                    for visit in visits
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "danvan.reception.conclusion",
            "res_id": conclusion.id,
            "view_mode": "form",
        }

    def action_view_conclusions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Conclusion Notices"),
            "res_model": "danvan.reception.conclusion",
            "view_mode": "list,form",
            "domain": [("session_id", "=", self.id)],
            "context": {"default_session_id": self.id},
        }
