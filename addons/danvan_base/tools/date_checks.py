"""The checks on every date and year a person types, in the three addons.

A year before 1990 or after 2100 is a typing mistake, never a date of the
agency's records: a petition received, a plan issued or a holiday declared
before the agency installed the product still lies in that range. The model
constraints call these functions on their date fields, the wizards on what
they are given before they act; each refusal is a ``ValidationError`` with a
message in the user's language, and changes nothing.
"""

from datetime import date, datetime

from odoo import fields
from odoo.exceptions import ValidationError

MIN_YEAR = 1990
MAX_YEAR = 2100


def field_label(model, name):
    """The label of the field ``name`` of ``model``, in the user's language."""
    return model._fields[name]._description_string(model.env)


def _shown(value):
    """A date as Vietnamese write it, whatever its year; anything else as is."""
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return str(value)


def check_value(model, name, value):
    """``value`` for the field ``name`` of ``model``: a year (an Integer field,
    required) or a date or datetime (empty passes) from MIN_YEAR to MAX_YEAR."""
    if model._fields[name].type == "integer":
        year = value
    elif not value:
        return
    elif isinstance(value, date):
        year = value.year
    else:
        try:
            year = fields.Date.to_date(value).year
        except (TypeError, ValueError):
            year = None
    if isinstance(year, bool) or not isinstance(year, int):
        year = None
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            model.env._(
                "%(field)s must fall between the years %(min)s and %(max)s: "
                "%(value)s is not accepted.",
                field=field_label(model, name),
                min=MIN_YEAR,
                max=MAX_YEAR,
                value=_shown(value),
            )
        )


def check_dates(records, field_names):
    """Every date or year of ``records`` in ``field_names`` is in range."""
    for record in records:
        for name in field_names:
            check_value(record, name, record[name])


def check_order(env, earlier_label, earlier, later_label, later):
    """``later`` is not before ``earlier``; an empty one passes."""
    if earlier and later and _as_date(later) < _as_date(earlier):
        raise ValidationError(
            env._(
                "%(later)s (%(later_date)s) cannot be before %(earlier)s "
                "(%(earlier_date)s).",
                later=later_label,
                later_date=_shown(later),
                earlier=earlier_label,
                earlier_date=_shown(earlier),
            )
        )


def check_date_order(records, pairs):
    """For each ``(earlier, later)`` pair of field names, the later date of
    each record is not before the earlier one."""
    for record in records:
        for earlier, later in pairs:
            check_order(
                record.env,
                field_label(record, earlier),
                record[earlier],
                field_label(record, later),
                record[later],
            )


def today_of(record, agency_today=None):
    """Today for ``record``: the later of the user's today and the agency's,
    so that neither time zone refuses a date typed today."""
    today = fields.Date.context_today(record)
    return max(today, agency_today) if agency_today else today


def check_not_future(env, label, value, today):
    """``value``, the date of something done, is not after ``today``."""
    if value and _as_date(value) > today:
        raise ValidationError(
            env._(
                "%(field)s (%(value)s) cannot be later than today (%(today)s).",
                field=label,
                value=_shown(value),
                today=_shown(today),
            )
        )


def check_past_dates(records, field_names, agency_today=None):
    """The dates of ``records`` in ``field_names`` record what was done: none
    is after today (see ``today_of``)."""
    for record in records:
        today = today_of(record, agency_today)
        for name in field_names:
            check_not_future(record.env, field_label(record, name), record[name], today)


def _as_date(value):
    return value.date() if isinstance(value, datetime) else value
