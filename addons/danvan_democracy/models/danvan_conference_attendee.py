from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# The mark of a write of the attendance by the check-in: an object of this
# module, which no RPC context can hold.
_CHECKIN = object()
_CHECKIN_KEY = "danvan_conference_checkin"
# The states of the conference in which the attendance is still recorded:
# convened (at the door) and in session (who arrives late counts in the votes).
CHECKIN_STATES = ("convened", "in_session")


class DanvanConferenceAttendee(models.Model):
    """A staff member invited to the conference, and whether they came."""

    _name = "danvan.conference.attendee"
    _description = "Staff Conference Attendee"
    _check_company_auto = True
    _order = "conference_id, department_id, employee_id"

    conference_id = fields.Many2one(
        "danvan.conference", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="conference_id.company_id", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    is_delegate = fields.Boolean(
        string="Delegate", help="Elected as a delegate of the staff (Article 51)."
    )
    present = fields.Boolean(readonly=True)
    date_checkin = fields.Datetime(string="Checked in at", readonly=True)
    conference_state = fields.Selection(related="conference_id.state")

    _sql_constraints = [
        (
            "employee_unique",
            "unique(conference_id, employee_id)",
            "A staff member is invited once to a conference.",
        ),
    ]

    @api.depends("employee_id")
    def _compute_display_name(self):
        # sudo: the employee's name, without their private fields.
        for attendee in self:
            attendee.display_name = attendee.sudo().employee_id.name or ""

    def _checkin_gate_open(self):
        token = self.env.context.get(_CHECKIN_KEY)
        return (
            isinstance(token, tuple)
            and token[0] is _CHECKIN
            and token[1].issuperset(self.ids)
        )

    def _check_list_open(self, conferences):
        """DC-8: the list of those invited is the base of the quorum: it is
        fixed once the conference opens."""
        closed = conferences.sudo().filtered(
            lambda c: c.state not in ("draft", "convened")
        )
        if closed:
            raise UserError(
                self.env._(
                    "The list of those invited to %s is fixed once the conference "
                    "opens.",
                    ", ".join(closed.mapped("display_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            if any(
                vals.get("present") or vals.get("date_checkin") for vals in vals_list
            ):
                self._refuse_attendance_write()
            self._check_list_open(
                self.env["danvan.conference"].browse(
                    {vals.get("conference_id") for vals in vals_list} - {None, False}
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            gated = self._checkin_gate_open()
            if {"present", "date_checkin"} & vals.keys() and not gated:
                self._refuse_attendance_write()
            held = self.sudo().filtered(
                lambda a: a.conference_id.state in ("ballot", "done")
            )
            if held:
                raise UserError(
                    self.env._(
                        "The attendance of %s is kept as it was: it can no longer "
                        "be changed.",
                        ", ".join(held.conference_id.mapped("display_name")),
                    )
                )
            if not gated:
                self._check_list_open(self.conference_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        self._check_list_open(self.conference_id)

    def _refuse_attendance_write(self):
        raise UserError(
            self.env._(
                "Who is present is recorded by checking them in at the conference."
            )
        )

    def _lock_rows(self):
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["present", "date_checkin"])

    def _write_attendance(self, values):
        self.with_context(**{_CHECKIN_KEY: (_CHECKIN, frozenset(self.ids))}).write(
            values
        )

    def _check_checkin_allowed(self):
        if not self.env.su and not self.env.user.has_group(
            "danvan_base.group_danvan_office"
        ):
            raise UserError(self.env._("Only the Office checks attendees in."))
        self.check_access("write")
        closed = self.conference_id.filtered(lambda c: c.state not in CHECKIN_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "Attendees of %s are checked in once it is convened and until "
                    "it ends.",
                    ", ".join(closed.mapped("display_name")),
                )
            )

    def action_check_in(self):
        """The attendee is present; a second check-in changes nothing."""
        if not self:
            return True
        self._check_checkin_allowed()
        self._lock_rows()
        todo = self.filtered(lambda attendee: not attendee.present)
        if todo:
            todo._write_attendance(
                {"present": True, "date_checkin": fields.Datetime.now()}
            )
        return True

    def action_undo_check_in(self):
        """A check-in by mistake, undone before the conference opens."""
        if not self:
            return True
        self._check_checkin_allowed()
        opened = self.conference_id.filtered(lambda c: c.state != "convened")
        if opened:
            raise UserError(
                self.env._(
                    "%s is open: who was present at its opening stays so.",
                    ", ".join(opened.mapped("display_name")),
                )
            )
        self._lock_rows()
        self.filtered("present")._write_attendance(
            {"present": False, "date_checkin": False}
        )
        return True

    def _reset_attendance(self):
        """DC-5: a second convocation counts its attendance again."""
        if self:
            self._lock_rows()
            self.filtered("present")._write_attendance(
                {"present": False, "date_checkin": False}
            )
