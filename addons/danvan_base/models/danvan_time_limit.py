"""Legal time limits as data with effective dates (domain-vn.md §0.1, CAL-6).

An amendment of the law is a new record with its own effective date, never a
code change; every deadline asks for the limit in force on its start date.
The limits are read from a table cached in the registry, and every edit of a
record clears it and moves the stored deadlines whose period starts on or
after the day it changed (danvan.calendar.dates.mixin).
"""

from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from ..tools.date_checks import check_dates

# What a deadline is counted from: a write of anything else moves none.
LIMIT_FIELDS = {"code", "variant", "duration", "unit", "date_from", "date_to", "active"}


class DanvanTimeLimit(models.Model):
    _name = "danvan.time.limit"
    _description = "Legal Time Limit"
    _inherit = ["mail.thread"]
    _order = "sequence, code, variant, date_from desc"
    # Set by law for every agency: no company (issue 15, item 4).

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

    @api.model_create_multi
    def create(self, vals_list):
        limits = super().create(vals_list)
        self._time_limits_changed(limits.mapped("date_from"))
        return limits

    def write(self, vals):
        changed = LIMIT_FIELDS & set(vals)
        if not changed:
            return super().write(vals)
        if changed == {"date_to"}:
            # The days between the former end and the new one change limit.
            before = {limit: limit.date_to for limit in self}
            result = super().write(vals)
            ends = [
                min(filter(None, (end, limit.date_to)), default=None)
                for limit, end in before.items()
            ]
            self._time_limits_changed([end + timedelta(days=1) for end in ends if end])
            return result
        before = self.mapped("date_from")
        result = super().write(vals)
        self._time_limits_changed(before + self.mapped("date_from"))
        return result

    def unlink(self):
        before = self.mapped("date_from")
        result = super().unlink()
        self._time_limits_changed(before)
        return result

    @api.model
    def _time_limits_changed(self, days):
        """Drop the cached table; the stored deadlines whose period starts
        on or after the first of ``days`` follow (CAL-8)."""
        self.env.registry.clear_cache()
        if days:
            self.env["danvan.calendar.dates.mixin"].with_context(
                danvan_limit_fallback=True
            )._danvan_time_limits_changed(min(days))

    @api.model
    @tools.ormcache()
    def _get_limit_table(self):
        """(code, variant) -> the active limits, latest first, as tuples
        (date_from, date_to, id, duration, unit)."""
        table = {}
        # The cache key ignores the context: never let active_test decide.
        limits = (
            self.sudo().with_context(active_test=False).search([("active", "=", True)])
        )
        for limit in limits.sorted("date_from", reverse=True):
            table.setdefault((limit.code, limit.variant), []).append(
                (limit.date_from, limit.date_to, limit.id, limit.duration, limit.unit)
            )
        return {key: tuple(rows) for key, rows in table.items()}

    @api.model
    def _find_limit(self, code, on_date, variant="normal"):
        """The row of the limit of ``code`` in force on ``on_date``, or None.

        While the stored deadlines follow an edit of the table (context
        ``danvan_limit_fallback``), a day that no limit covers any more keeps
        the last limit that started before it: an amendment is entered as an
        end of the old limit, then the new one.
        """
        rows = self._get_limit_table().get((code, variant), ())
        for row in rows:
            if row[0] <= on_date and (not row[1] or row[1] >= on_date):
                return row
        if self.env.context.get("danvan_limit_fallback"):
            return next((row for row in rows if row[0] <= on_date), None)
        return None

    @api.model
    def _get_limit(self, code, on_date, variant="normal"):
        """The limit of ``code`` in force on ``on_date``; a clear error if none."""
        row = self._find_limit(code, on_date, variant)
        if not row:
            raise self._no_limit_error(code, on_date, variant)
        return self.browse(row[2])

    @api.model
    def _no_limit_error(self, code, on_date, variant):
        return UserError(
            self.env._(
                "No legal time limit '%(code)s' (%(variant)s) is in force on "
                "%(date)s. "
                "Add it under Configuration > Legal Time Limits.",
                code=code,
                variant=variant,
                date=on_date,
            )
        )

    @api.model
    def compute_deadline(self, code, start, variant="normal", extra_days=0):
        """The deadline of a period that starts on ``start``, through the calendar.

        ``extra_days`` lengthens a period of calendar days by time that does not
        count: a suspension (KN-14, TC-9) or an extension (TC-6) (CAL-8).
        """
        calendar = self.env["danvan.holiday"]
        # A date out of the calendar says so, not that no limit is in force.
        start = calendar._check_date(start)
        row = self._find_limit(code, start, variant)
        if not row and self.env.context.get("danvan_limit_fallback"):
            return False
        if not row:
            raise self._no_limit_error(code, start, variant)
        duration, unit = row[3], row[4]
        if unit == "working_days":
            return calendar.add_working_days(start, duration + extra_days)
        return calendar.add_days(start, duration + extra_days)
