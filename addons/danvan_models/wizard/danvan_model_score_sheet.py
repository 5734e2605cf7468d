from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class DanvanModelScoreSheet(models.TransientModel):
    """A reviewer's whole score sheet of a model, entered at once."""

    _name = "danvan.model.score.sheet"
    _description = "Score Sheet of a Dân vận khéo Model"

    registration_id = fields.Many2one(
        "danvan.model.registration", required=True, readonly=True
    )
    line_ids = fields.One2many(
        "danvan.model.score.sheet.line", "sheet_id", string="Scores"
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        registration = self.env["danvan.model.registration"].browse(
            values.get("registration_id") or self.env.context.get("active_id")
        )
        values["registration_id"] = registration.id
        values["line_ids"] = [
            Command.create({"criterion_id": criterion.id})
            for criterion in registration.round_id.criterion_ids
        ]
        return values

    def action_save(self):
        """Record the scores; a reviewer scores a model once."""
        self.ensure_one()
        registration = self.registration_id
        already = self.env["danvan.model.score"].search_count(
            [
                ("registration_id", "=", registration.id),
                ("reviewer_id", "=", self.env.uid),
            ]
        )
        if already:
            raise UserError(
                self.env._("You have already scored %s.", registration.name)
            )
        self.env["danvan.model.score"].create(
            [
                {
                    "registration_id": registration.id,
                    "criterion_id": line.criterion_id.id,
                    "score": line.score,
                    "comment": line.comment,
                }
                for line in self.line_ids
            ]
        )
        registration.activity_feedback(
            ["mail.mail_activity_data_todo"], user_id=self.env.uid
        )
        return {"type": "ir.actions.act_window_close"}
