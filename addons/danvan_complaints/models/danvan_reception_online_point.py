"""The connection points of an online reception session (TCD-2, TCD-18)."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class DanvanReceptionOnlinePoint(models.Model):
    """A point of the video link: the central point at the reception office
    or location, where the reception officer and the advising unit attend,
    and the component points of the bodies concerned (Decree 154/2026
    Arts. 3, 21; TCD-18)."""

    _name = "danvan.reception.online.point"
    _description = "Connection Point of an Online Reception"
    _order = "session_id, kind, sequence, id"

    sequence = fields.Integer(default=10)
    session_id = fields.Many2one(
        "danvan.reception.session",
        string="Reception Session",
        required=True,
        ondelete="cascade",
        index=True,
    )
    name = fields.Char(string="Point", required=True)
    kind = fields.Selection(
        [("central", "Central point"), ("component", "Component point")],
        string="Type of Point",
        required=True,
        default="component",
    )
    address = fields.Char(
        string="Location", help="Where the point is, or the room of the connection."
    )
    department_id = fields.Many2one("hr.department", string="Unit")
    responsible_id = fields.Many2one(
        "res.users",
        string="Person in Charge",
        help="Who sets up and tests the connection of this point.",
    )
    participant_ids = fields.One2many(
        "danvan.reception.online.participant",
        "point_id",
        string="Participants at the Point",
    )
    participant_count = fields.Integer(compute="_compute_participant_count")
    company_id = fields.Many2one(
        related="session_id.company_id", store=True, index=True
    )

    @api.depends("participant_ids")
    def _compute_participant_count(self):
        for point in self:
            point.participant_count = len(point.participant_ids)

    @api.constrains("kind", "session_id")
    def _check_one_central(self):
        """One central point per session (TCD-18)."""
        for session in self.session_id:
            if (
                len(session.online_point_ids.filtered(lambda p: p.kind == "central"))
                > 1
            ):
                raise ValidationError(
                    self.env._(
                        "%s: an online session has one central point only; the "
                        "other bodies join at component points.",
                        session.display_name,
                    )
                )

    def _check_session_open(self, sessions):
        """The points of a held session are kept as it was held (TCD-19)."""
        if self.env.su:
            return
        held = sessions.sudo().filtered(lambda s: s.state != "planned")
        if held:
            raise UserError(
                self.env._(
                    "%s is no longer planned: its connection points and "
                    "participants are kept as they were.",
                    ", ".join(held.mapped("display_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_session_open(
            self.env["danvan.reception.session"].browse(
                [vals["session_id"] for vals in vals_list if vals.get("session_id")]
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        sessions = self.session_id
        if vals.get("session_id"):
            sessions |= sessions.browse(vals["session_id"])
        self._check_session_open(sessions)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        self._check_session_open(self.session_id)


class DanvanReceptionOnlineParticipant(models.Model):
    """Who takes part at a point: a user of the agency or a person named,
    with their role (TCD-18)."""

    _name = "danvan.reception.online.participant"
    _description = "Participant at a Connection Point"
    _order = "point_id, sequence, id"

    sequence = fields.Integer(default=10)
    point_id = fields.Many2one(
        "danvan.reception.online.point",
        string="Connection Point",
        required=True,
        ondelete="cascade",
        index=True,
    )
    session_id = fields.Many2one(
        related="point_id.session_id",
        string="Reception Session",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(related="point_id.company_id", store=True, index=True)
    user_id = fields.Many2one("res.users", string="Agency User")
    name = fields.Char(
        string="Full Name",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    role = fields.Selection(
        [
            ("presider", "Presiding"),
            ("officer", "Reception officer"),
            ("advisor", "Advising unit"),
            ("body", "Body concerned"),
            ("technician", "Technical support"),
            ("other", "Other role"),
        ],
        required=True,
        default="body",
    )
    position = fields.Char(help="Position or body of the participant.")

    @api.depends("user_id")
    def _compute_name(self):
        for participant in self:
            if participant.user_id:
                participant.name = participant.user_id.name

    @api.model_create_multi
    def create(self, vals_list):
        points = self.env["danvan.reception.online.point"].browse(
            [vals["point_id"] for vals in vals_list if vals.get("point_id")]
        )
        points._check_session_open(points.session_id)
        return super().create(vals_list)

    def write(self, vals):
        self.point_id._check_session_open(self.session_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        self.point_id._check_session_open(self.session_id)
