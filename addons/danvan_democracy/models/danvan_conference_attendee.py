from odoo import fields, models


class DanvanConferenceAttendee(models.Model):
    """A staff member invited to the conference, and whether they came."""

    _name = "danvan.conference.attendee"
    _description = "Staff Conference Attendee"
    _order = "conference_id, department_id, employee_id"

    conference_id = fields.Many2one(
        "danvan.conference", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="conference_id.company_id", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    is_delegate = fields.Boolean(
        string="Delegate", help="Elected as a delegate of the staff (Article 51)."
    )
    present = fields.Boolean()
    date_checkin = fields.Datetime(string="Checked in at", readonly=True)

    _sql_constraints = [
        (
            "employee_unique",
            "unique(conference_id, employee_id)",
            "A staff member is invited once to a conference.",
        ),
    ]
