"""Days and ranges of days the staff pages read from the query (bounded)."""

import datetime

from zhengwu import _


class RangeError(ValueError):
    """A date or range the page cannot answer; ``message`` says why (400)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def parse_day(value, default):
    """A date from ``YYYY-MM-DD``, ``default`` when empty; RangeError otherwise."""
    if value in (None, ""):
        return default
    if not isinstance(value, str) or len(value) != len("2030-01-01"):
        raise RangeError(_("Give the dates as YYYY-MM-DD."))
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise RangeError(_("Give the dates as YYYY-MM-DD.")) from None


def parse_range(form, first, last, limit):
    """(first, last) from ``from`` and ``to`` in ``form`` (defaults ``first`` and
    ``last``); at most ``limit`` days, the first not after the last."""
    first = parse_day(form.get("from"), first)
    last = parse_day(form.get("to"), last)
    if first > last:
        raise RangeError(_("The first day is after the last day."))
    if (last - first).days + 1 > limit:
        raise RangeError(
            _("Choose at most ${days} days.", mapping={"days": limit}),
        )
    return first, last


def days_of(first, last):
    """Every day from ``first`` to ``last``."""
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
