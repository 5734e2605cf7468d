"""Stored dates counted through the working-day calendar or the table of
legal time limits (CAL-4, CAL-5, CAL-8).

A model declares which of its stored computed dates are counted so; every
create, write or archive of a day off or of a time limit recomputes them on
the records whose dates still run, in every model that uses the mixin, found
through the registry.
"""

from odoo import api, models
from odoo.osv import expression

# Records recomputed, and flushed, at a time.
BATCH_SIZE = 1000


class DanvanCalendarDatesMixin(models.AbstractModel):
    _name = "danvan.calendar.dates.mixin"
    _description = "Dates Counted Through the Calendar"

    # The stored computed dates that follow the calendar, each with the date
    # its period starts on: the time limit in force on that day is the one
    # that applies (CAL-8); None when only the calendar counts (a date rolled
    # forward off a day off, CAL-4). The computes must read the calendar and
    # the time limits through their cached tables: no query per record.
    _danvan_deadline_fields = {}

    def _set_rolled_forward(self, target, source):
        """A compute: ``target`` is the day of ``source``, or the next working
        day when it is a day off (CAL-4)."""
        calendar = self.env["danvan.holiday"]
        for record in self:
            day = record[source]
            record[target] = calendar.roll_forward(day) if day else False

    def _deadline_recompute_domain(self, fname=None):
        """The records whose date ``fname`` still runs: only they follow an
        edit; the dates of what is over are kept as they were counted."""
        return []

    @api.model
    def _danvan_calendar_changed(self, day):
        """Days from ``day`` on changed in the calendar: the stored dates on
        or after it move (a day off before a date only moves that date when
        it lies inside its period, which ends on the date)."""
        self._danvan_follow(lambda fname, start: [(fname, ">=", day)])

    @api.model
    def _danvan_time_limits_changed(self, day):
        """A time limit changed from ``day`` on: it applies by the start of
        the period, so only the periods starting on or after it move."""
        self._danvan_follow(lambda fname, start: start and [(start, ">=", day)])

    @api.model
    def _danvan_follow(self, condition):
        registry = self.env.registry
        for name in registry.descendants([self._name], "_inherit"):
            model = self.env[name]
            if model._abstract or not model._danvan_deadline_fields:
                continue
            model = model.sudo().with_context(active_test=False)
            done = set()
            for fname in model._danvan_deadline_fields:
                if fname in done:
                    continue
                # The dates of one compute method are computed together.
                group = [
                    field.name
                    for field in registry.field_computed[model._fields[fname]]
                    if field.name in model._danvan_deadline_fields
                ]
                done.update(group)
                domains = [
                    domain
                    for name in group
                    if (domain := condition(name, model._danvan_deadline_fields[name]))
                ]
                if domains:
                    open_domain = model._deadline_recompute_domain(fname)
                    model._danvan_recompute(
                        group, expression.AND([open_domain, expression.OR(domains)])
                    )

    @api.model
    def _danvan_recompute(self, fnames, domain):
        """Recompute ``fnames`` on the records of ``domain``, by batches; what
        depends on them (a late flag) follows."""
        ids = list(self._search(domain, order="id"))
        for index in range(0, len(ids), BATCH_SIZE):
            records = self.browse(ids[index : index + BATCH_SIZE])
            for fname in fnames:
                self.env.add_to_compute(self._fields[fname], records)
            records.modified(fnames)
            self.env.flush_all()
            self.env.invalidate_all()
