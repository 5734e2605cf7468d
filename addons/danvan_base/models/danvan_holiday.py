"""The working-day calendar: days off and extra working days, per year.

Every deadline of the three addons goes through the public methods of this
model (CAL-4, CAL-5, CAL-8 in docs/domain-vn.md): they answer from a table
built once and cached in the registry, and every edit of a record clears it.
"""

import weakref
from bisect import bisect_right
from datetime import date, datetime, timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from ..tools.date_checks import MIN_YEAR, check_dates, check_value

# The calendar answers for deadlines that run past the last year a person may
# type (tools/date_checks.py); inputs beyond these bounds are mistakes.
MAX_YEAR = 2200
MAX_DAYS = 3660
MAX_WORKING_DAYS = 2610
MAX_RECORD_DAYS = 31
# What the table is built from: a write of anything else moves no date.
CALENDAR_FIELDS = {"date_from", "date_to", "day_type", "active"}

# A Tết, a compensatory day or a swap, as the `holidays` library names them
# in Vietnamese.
TET_WORDS = ("Tết Nguyên Đán", "29 Tết", "30 Tết")
SWAP_WORD = "thay cho ngày"
COMPENSATORY_WORD = "nghỉ bù"

# id(registry) -> weak reference to the table held by the registry's ormcache.
# When Odoo clears that cache (an edit here, or a signal from another worker)
# the table is freed and the reference dies: the fast path never serves a
# stale table, and skips the ormcache lookup on every other call.
_TABLE_REFS = {}


class CalendarTable:
    """The exceptions to the Monday-Friday week, as ordinals of dates."""

    __slots__ = ("off_sorted", "work_sorted", "off", "work", "__weakref__")

    def __init__(self, off, work):
        self.off_sorted = tuple(sorted(off))
        self.work_sorted = tuple(sorted(work))
        self.off = frozenset(off)
        self.work = frozenset(work)

    def works(self, ordinal):
        """Whether the day of this ordinal is a working day (CAL-5)."""
        # date.fromordinal(1) is a Monday: the weekday is (ordinal - 1) % 7.
        return ordinal in self.work or (
            (ordinal - 1) % 7 < 5 and ordinal not in self.off
        )


class DanvanHoliday(models.Model):
    _name = "danvan.holiday"
    _description = "Day Off or Extra Working Day"
    _inherit = ["mail.thread"]
    _order = "date_from, id"
    # The nation's days off (CAL-1, CAL-8): no company, one calendar for every
    # agency of the install (issue 15, item 4).

    name = fields.Char(required=True, tracking=True)
    day_type = fields.Selection(
        [
            ("public_holiday", "Public holiday"),
            ("tet", "Lunar New Year (Tết)"),
            ("compensatory", "Compensatory day off"),
            ("swapped_off", "Swapped day off"),
            ("swapped_work", "Swapped working day"),
        ],
        string="Type",
        required=True,
        default="public_holiday",
        tracking=True,
        help="A swapped working day is a weekend day worked in exchange for a "
        "swapped day off; every other type is a day off.",
    )
    date_from = fields.Date(string="From", required=True, index=True, tracking=True)
    date_to = fields.Date(
        string="To",
        compute="_compute_date_to",
        store=True,
        readonly=False,
        required=True,
        tracking=True,
    )
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    day_count = fields.Integer(string="Days", compute="_compute_day_count")
    is_working = fields.Boolean(
        string="Working Day",
        compute="_compute_is_working",
        store=True,
        help="Set for an extra working day (a swapped working Saturday).",
    )
    source = fields.Char(
        tracking=True,
        help="The official notice that sets this day, e.g. "
        "'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ'.",
    )
    state = fields.Selection(
        [("proposed", "To Confirm"), ("confirmed", "Confirmed")],
        string="Status",
        required=True,
        default="proposed",
        tracking=True,
        help="Days generated from the holidays library are proposed until the "
        "Office checks them against the year's official notice. Proposed days "
        "already count in deadlines.",
    )
    active = fields.Boolean(default=True, tracking=True)
    note = fields.Text()

    @api.depends("date_from")
    def _compute_date_to(self):
        for holiday in self:
            if not holiday.date_to or holiday.date_to < holiday.date_from:
                holiday.date_to = holiday.date_from

    @api.depends("date_from")
    def _compute_year(self):
        for holiday in self:
            holiday.year = holiday.date_from.year if holiday.date_from else 0

    @api.depends("date_from", "date_to")
    def _compute_day_count(self):
        for holiday in self:
            if holiday.date_from and holiday.date_to:
                holiday.day_count = (holiday.date_to - holiday.date_from).days + 1
            else:
                holiday.day_count = 0

    @api.depends("day_type")
    def _compute_is_working(self):
        for holiday in self:
            holiday.is_working = holiday.day_type == "swapped_work"

    @api.constrains("date_from", "date_to", "day_type")
    def _check_dates(self):
        check_dates(self, ["date_from", "date_to"])
        for holiday in self:
            if holiday.date_to < holiday.date_from:
                raise ValidationError(
                    self.env._(
                        "%s: the last day is before the first day.", holiday.name
                    )
                )
            if holiday.day_count > MAX_RECORD_DAYS:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a single entry may cover at most %(max)s days.",
                        name=holiday.name,
                        max=MAX_RECORD_DAYS,
                    )
                )
            if holiday.is_working and any(
                day.weekday() < 5 for day in holiday._iter_days()
            ):
                raise ValidationError(
                    self.env._(
                        "%s: a swapped working day must be a Saturday or a Sunday.",
                        holiday.name,
                    )
                )

    @api.constrains("date_from", "date_to", "day_type", "active")
    def _check_overlap(self):
        """A day cannot be both a day off and an extra working day."""
        for holiday in self.filtered("active"):
            clash = self.search(
                [
                    ("id", "!=", holiday.id),
                    ("is_working", "!=", holiday.is_working),
                    ("date_from", "<=", holiday.date_to),
                    ("date_to", ">=", holiday.date_from),
                ],
                limit=1,
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "%(name)s overlaps %(other)s: a day cannot be both a day "
                        "off and a working day.",
                        name=holiday.name,
                        other=clash.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("date_to"):
                vals["date_to"] = vals.get("date_from")
        holidays = super().create(vals_list)
        self._calendar_changed(holidays.mapped("date_from"))
        return holidays

    def write(self, vals):
        if not CALENDAR_FIELDS & set(vals):
            return super().write(vals)
        before = self.mapped("date_from")
        result = super().write(vals)
        self._calendar_changed(before + self.mapped("date_from"))
        return result

    def unlink(self):
        before = self.mapped("date_from")
        result = super().unlink()
        self._calendar_changed(before)
        return result

    @api.model
    def _calendar_changed(self, days):
        """Drop the cached table; the stored dates counted through it from
        the first of ``days`` on follow (danvan.calendar.dates.mixin)."""
        self.env.registry.clear_cache()
        if days:
            self.env["danvan.calendar.dates.mixin"]._danvan_calendar_changed(min(days))

    def action_confirm(self):
        """The Office has checked these days against the official notice."""
        self.filtered(lambda h: h.state == "proposed").write({"state": "confirmed"})
        return True

    def action_reset_proposed(self):
        self.filtered(lambda h: h.state == "confirmed").write({"state": "proposed"})
        return True

    def _iter_days(self):
        self.ensure_one()
        day = self.date_from
        while day <= self.date_to:
            yield day
            day += timedelta(days=1)

    # ------------------------------------------------------------------
    # The cached table
    # ------------------------------------------------------------------

    @api.model
    @tools.ormcache()
    def _get_calendar_table(self):
        """Build the table of the active entries (CAL-2, CAL-5).

        Only the exceptions to the Monday-Friday week are kept: weekdays that
        are days off, and weekend days that are worked.
        """
        off, work = set(), set()
        # The cache key ignores the context: never let active_test decide.
        for holiday in (
            self.sudo().with_context(active_test=False).search([("active", "=", True)])
        ):
            for day in holiday._iter_days():
                if holiday.is_working:
                    work.add(day.toordinal())
                elif day.weekday() < 5:
                    off.add(day.toordinal())
        return CalendarTable(off, work)

    @api.model
    def _calendar_table(self):
        ref = _TABLE_REFS.get(id(self.pool))
        table = ref() if ref else None
        if table is None:
            table = self._get_calendar_table()
            _TABLE_REFS[id(self.pool)] = weakref.ref(table)
        return table

    # ------------------------------------------------------------------
    # Public API: dates in, dates out
    # ------------------------------------------------------------------

    @api.model
    def is_working_day(self, day):
        """True when ``day`` is a working day of the agency (CAL-5)."""
        return self._calendar_table().works(self._check_date(day).toordinal())

    @api.model
    def add_working_days(self, start, n):
        """The ``n``-th working day after ``start``; ``start`` is not counted (CAL-5).

        With n = 0 the answer is ``start`` itself.
        """
        start = self._check_date(start)
        n = self._check_count(n, MAX_WORKING_DAYS)
        table = self._calendar_table()
        off, work = table.off, table.work
        ordinal = start.toordinal()
        while n:
            ordinal += 1
            # CalendarTable.works, inlined: this loop is the hot path of deadlines.
            if ordinal in work or ((ordinal - 1) % 7 < 5 and ordinal not in off):
                n -= 1
        return date.fromordinal(ordinal)

    @api.model
    def add_days(self, start, n):
        """The end of a period of ``n`` calendar days from ``start`` (CAL-4).

        ``start`` is not counted; a period whose last day is not a working
        day ends on the next working day. With n = 0 the answer is ``start``.
        """
        start = self._check_date(start)
        n = self._check_count(n, MAX_DAYS)
        if not n:
            return start
        return self._roll_forward(start.toordinal() + n)

    @api.model
    def roll_forward(self, day):
        """``day`` when it is a working day, else the next working day (CAL-4)."""
        return self._roll_forward(self._check_date(day).toordinal())

    @api.model
    def _roll_forward(self, ordinal):
        works = self._calendar_table().works
        while not works(ordinal):
            ordinal += 1
        return date.fromordinal(ordinal)

    @api.model
    def count_working_days(self, start, end):
        """The number of working days after ``start`` up to ``end`` included.

        ``add_working_days(start, count_working_days(start, end))`` is the last
        working day on or before ``end``. An ``end`` before ``start`` is an error.
        """
        start, end = self._check_date(start), self._check_date(end)
        if end < start:
            raise UserError(
                self.env._(
                    "The end date %(end)s is before the start date %(start)s.",
                    end=end,
                    start=start,
                )
            )
        table = self._calendar_table()
        first, last = start.toordinal(), end.toordinal()
        weekdays = self._weekdays_upto(last) - self._weekdays_upto(first)
        off = bisect_right(table.off_sorted, last) - bisect_right(
            table.off_sorted, first
        )
        work = bisect_right(table.work_sorted, last) - bisect_right(
            table.work_sorted, first
        )
        return weekdays - off + work

    @staticmethod
    def _weekdays_upto(ordinal):
        """Monday-to-Friday days among ordinals 1 .. ``ordinal``."""
        weeks, rest = divmod(ordinal, 7)
        return weeks * 5 + min(rest, 5)

    @api.model
    def _check_date(self, day):
        if isinstance(day, datetime):
            value = day.date()
        elif isinstance(day, date):
            value = day
        else:
            try:
                value = fields.Date.to_date(day) if isinstance(day, str) else None
            except ValueError:
                value = None
            if value is None:
                raise UserError(
                    self.env._("%r is not a date (expected YYYY-MM-DD).", day)
                )
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise UserError(
                self.env._(
                    "%(day)s is outside the years %(min)s to %(max)s of the calendar.",
                    day=value,
                    min=MIN_YEAR,
                    max=MAX_YEAR,
                )
            )
        return value

    @api.model
    def _check_count(self, n, maximum):
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= maximum:
            raise UserError(
                self.env._(
                    "%(n)r is not a valid number of days: expected a whole number "
                    "from 0 to %(max)s.",
                    n=n,
                    max=maximum,
                )
            )
        return n

    # ------------------------------------------------------------------
    # Generation from the holidays library (CAL-7, CAL-8)
    # ------------------------------------------------------------------

    @api.model
    def _generate_year(self, year):
        """Propose the days off of ``year`` from the `holidays` library.

        Days already present for that year are left alone, so running it
        twice adds nothing. Returns the created records.
        """
        import holidays as holidays_lib

        check_value(self, "year", year)
        calendar = holidays_lib.country_holidays("VN", years=year, language="vi")
        # The names are stored once for every reader: in the agency's language.
        env = self.with_context(lang=self.env.company._danvan_lang()).env
        source = env._(
            "holidays library %(version)s (Labour Code 2019, Art. 112)",
            version=holidays_lib.__version__,
        )
        known = set()
        for holiday in self.with_context(active_test=False).search(
            [("year", "=", year)]
        ):
            known.update(holiday._iter_days())
        entries = []
        for day, name in sorted(calendar.items()):
            if day in known:
                continue
            day_type = self._classify_library_name(name)
            previous = entries[-1] if entries else None
            if (
                day_type == "tet"
                and previous
                and previous["day_type"] == "tet"
                and previous["date_to"] + timedelta(days=1) == day
            ):
                previous["date_to"] = day
                continue
            entries.append(
                {
                    "name": "Tết Nguyên Đán" if day_type == "tet" else name,
                    "day_type": day_type,
                    "date_from": day,
                    "date_to": day,
                    "source": source,
                }
            )
        for day in sorted(getattr(calendar, "weekend_workdays", ())):
            if day.year == year and day not in known:
                entries.append(
                    {
                        "name": env._("Swapped working day"),
                        "day_type": "swapped_work",
                        "date_from": day,
                        "date_to": day,
                        "source": source,
                    }
                )
        return self.create(entries)

    @api.model
    def _classify_library_name(self, name):
        if any(word in name for word in TET_WORDS):
            return "tet"
        if COMPENSATORY_WORD in name:
            return "compensatory"
        if SWAP_WORD in name:
            return "swapped_off"
        return "public_holiday"

    @api.model
    def _cron_generate_next_year(self):
        """Propose next year's days off once, for the Office to confirm."""
        next_year = fields.Date.context_today(self).year + 1
        if not self.with_context(active_test=False).search_count(
            [("year", "=", next_year)], limit=1
        ):
            self._generate_year(next_year)
