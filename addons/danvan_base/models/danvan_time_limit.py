"""Legal time limits as data with effective dates (domain-vn.md §0.1, CAL-6).

An amendment of the law is a new record with its own effective date, never a
code change; every deadline asks for the limit in force on its start date.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.date_checks import check_dates


class DanvanTimeLimit(models.Model):
    _name = "danvan.time.limit"
    _description = "Legal Time Limit"
    _inherit = ["mail.thread"]
    _order = "sequence, code, variant, date_from desc"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        index=True,
        tracking=True,
        help="What the limit applies to, e.g. 'complaint_resolution_1'.",
    )
    variant = fields.Selection(
        [
            ("normal", "Ordinary"),
            ("complex", "Complex"),
            ("remote", "Remote area"),
            ("remote_complex", "Remote area, complex"),
        ],
        required=True,
        default="normal",
        tracking=True,
    )
    duration = fields.Integer(required=True, tracking=True)
    unit = fields.Selection(
        [("days", "Calendar days"), ("working_days", "Working days")],
        string="Time Unit",
        required=True,
        default="days",
        tracking=True,
        help="Calendar days end on the next working day when the last day is a day "
        "off (Articles 144 to 148 of the Civil Code 2015); working days skip weekends "
        "and days off.",
    )
    rule_ref = fields.Char(
        string="Rule", help="Reference of the rule in the developers' legal notes."
    )
    legal_basis = fields.Char(
        tracking=True, help="Law and article, e.g. 'Luật Khiếu nại 2011, Điều 28'."
    )
    date_from = fields.Date(string="In Force From", required=True, tracking=True)
    date_to = fields.Date(string="In Force Until", tracking=True)
    active = fields.Boolean(default=True, tracking=True)

    @api.constrains("duration", "date_from", "date_to")
    def _check_values(self):
        check_dates(self, ["date_from", "date_to"])
        for limit in self:
            if limit.duration <= 0:
                raise ValidationError(
                    self.env._("A time limit must be at least one day.")
                )
            if limit.date_to and limit.date_to < limit.date_from:
                raise ValidationError(
                    self.env._(
                        "%s: the end of validity is before its start.", limit.name
                    )
                )

    @api.constrains("code", "variant", "date_from", "date_to", "active")
    def _check_overlap(self):
        """Only one limit of a kind is in force on any day."""
        for limit in self.filtered("active"):
            domain = [
                ("id", "!=", limit.id),
                ("code", "=", limit.code),
                ("variant", "=", limit.variant),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", limit.date_from),
            ]
            if limit.date_to:
                domain.append(("date_from", "<=", limit.date_to))
            if self.search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "%s: another limit of this kind is in force on the same days.",
                        limit.name,
                    )
                )

    @api.model
    def _get_limit(self, code, on_date, variant="normal"):
        """The limit of ``code`` in force on ``on_date``; a clear error if none."""
        limit = self.search(
            [
                ("code", "=", code),
                ("variant", "=", variant),
                ("date_from", "<=", on_date),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", on_date),
            ],
            limit=1,
        )
        if not limit:
            raise UserError(
                self.env._(
                    "No legal time limit '%(code)s' (%(variant)s) is in force on "
                    "%(date)s. "
                    "Add it under Configuration > Legal Time Limits.",
                    code=code,
                    variant=variant,
                    date=on_date,
                )
            )
        return limit

    @api.model
    def compute_deadline(self, code, start, variant="normal", extra_days=0):
        """The deadline of a period that starts on ``start``, through the calendar.

        ``extra_days`` lengthens a period of calendar days by time that does not
        count: a suspension (KN-14, TC-9) or an extension (TC-6) (CAL-8).
        """
        calendar = self.env["danvan.holiday"]
        # A date out of the calendar says so, not that no limit is in force.
        start = calendar._check_date(start)
        limit = self._get_limit(code, start, variant)
        if limit.unit == "working_days":
            return calendar.add_working_days(start, limit.duration + extra_days)
        return calendar.add_days(start, limit.duration + extra_days)
