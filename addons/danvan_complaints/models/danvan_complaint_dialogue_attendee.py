from odoo import api, fields, models
from odoo.exceptions import UserError


class DanvanComplaintDialogueAttendee(models.Model):
    """A party to a complaint dialogue and whether they came (KN-8): the
    minutes on Mẫu 14 record an absence with or without a valid reason."""

    _name = "danvan.complaint.dialogue.attendee"
    _description = "Complaint Dialogue Participant"
    _order = "dialogue_id, sequence, id"

    sequence = fields.Integer(default=10)
    dialogue_id = fields.Many2one(
        "danvan.complaint.dialogue",
        string="Dialogue",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="dialogue_id.company_id", store=True, index=True
    )
    name = fields.Char(required=True)
    position = fields.Char(string="Position or Address")
    role = fields.Selection(
        [
            ("complainant", "Complainant"),
            ("representative", "Representative or authorised person"),
            ("respondent", "Person complained about"),
            ("related", "Person with related rights and duties"),
            ("agency", "Agency, organisation or unit concerned"),
            ("other", "Other"),
        ],
        required=True,
        default="complainant",
    )
    attendance = fields.Selection(
        [
            ("present", "Present"),
            ("absent_excused", "Absent with a valid reason"),
            ("absent", "Absent without a valid reason"),
        ]
    )
    absence_reason = fields.Text(
        help="Force majeure or an objective obstacle (natural disaster, epidemic, "
        "war, accident, illness, work travel, study far away, case files seized or "
        "sealed), with its evidence in the file."
    )

    def _check_open(self, dialogues=None):
        """No line of minutes already signed changes, nor is one moved into
        them (``dialogues``: where a write moves the lines)."""
        if dialogues is None:
            dialogues = self.sudo().dialogue_id
        if any(dialogue.state == "held" for dialogue in dialogues.sudo()) and (
            not self.env.su
        ):
            raise UserError(
                self.env._("The minutes of a dialogue held are kept as signed.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_open()
        return lines

    def write(self, vals):
        self._check_open()
        if vals.get("dialogue_id"):
            self._check_open(
                self.env["danvan.complaint.dialogue"].browse(vals["dialogue_id"])
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_open(self):
        self._check_open()
