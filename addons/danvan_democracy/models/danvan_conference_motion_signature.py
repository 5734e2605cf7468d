from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.danvan_base.tools.date_checks import check_dates, check_past_dates


class DanvanConferenceMotionSignature(models.Model):
    """A staff member's signature of a motion proposed by the staff: at
    least one third of the headcount must sign (DC-5). Append-only (DC-22)."""

    _name = "danvan.conference.motion.signature"
    _description = "Staff Conference Motion Signature"
    _check_company_auto = True
    _order = "motion_id, date, id"

    motion_id = fields.Many2one(
        "danvan.conference.motion", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="motion_id.company_id", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)

    _sql_constraints = [
        (
            "employee_unique",
            "unique(motion_id, employee_id)",
            "A staff member signs a proposal once.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            office = self.env.user.has_group("danvan_base.group_danvan_office")
            mine = self.env.user.employee_ids
            for vals in vals_list:
                motion = self.env["danvan.conference.motion"].browse(
                    vals.get("motion_id")
                )
                if motion.proposer != "staff" or motion.state != "draft":
                    raise UserError(
                        self.env._(
                            "Signatures are collected only for a motion the "
                            "staff propose, before it is put to the vote."
                        )
                    )
                if not office and vals.get("employee_id") not in mine.ids:
                    raise UserError(
                        self.env._("You can sign a proposal only in your own name.")
                    )
                employee = self.env["hr.employee"].sudo().browse(vals["employee_id"])
                if (
                    self.sudo().search_count(
                        [
                            ("motion_id", "=", motion.id),
                            ("employee_id", "=", employee.id),
                        ]
                    )
                    or [v.get("employee_id") for v in vals_list].count(employee.id) > 1
                ):
                    raise UserError(
                        self.env._(
                            "%(name)s has already signed %(motion)s.",
                            name=employee.name,
                            motion=motion.name,
                        )
                    )
                if employee.company_id != motion.company_id:
                    raise UserError(
                        self.env._("Only the agency's own staff sign its proposals.")
                    )
        return super().create(vals_list)

    @api.constrains("date")
    def _check_date(self):
        # A signature is dated when it was given: never ahead, never absurd.
        check_dates(self, ["date"])
        check_past_dates(self, ["date"])

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._("A signature is kept as given: it cannot be changed.")
            )
        return super().write(vals)

    def unlink(self):
        # Before the access check: the reason, not a missing right.
        if not self.env.su:
            raise UserError(
                self.env._("A signature is kept as given: it cannot be deleted.")
            )
        return super().unlink()
