"""Working days (工作日): weekends and Chinese public holidays off, 调休 days on.

The one working-day calculator of the portal. Public holidays and the official
make-up working days come from python-holidays (``holidays.China``); a site admin can
add holidays and make-up days the library does not know yet (a new year's State
Council calendar), and a year the library cannot compute falls back to weekends plus
those dates instead of failing.
"""

import datetime
import functools
import logging

import holidays

logger = logging.getLogger("zhengwu.workflows")

SATURDAY = 5


@functools.lru_cache(maxsize=32)
def library_days(year):
    """(holidays, make-up working days) of ``year`` from python-holidays.

    Both are empty when the library cannot compute the year.
    """
    try:
        calendar = holidays.China(years=year)
        days_off = frozenset(day for day in calendar if day.year == year)
        workdays = frozenset(d for d in calendar.weekend_workdays if d.year == year)
    except Exception:  # noqa: BLE001 - any failure means "not published"
        logger.warning("No Chinese holiday calendar for %s: weekends only", year)
        return frozenset(), frozenset()
    return days_off, workdays


def parse_dates(values):
    """ISO date strings (as a site admin enters them) to dates; bad ones are skipped."""
    dates = set()
    for value in values or ():
        try:
            dates.add(datetime.date.fromisoformat(str(value).strip()))
        except ValueError:
            logger.warning("Ignoring '%s': not an ISO date (YYYY-MM-DD)", value)
    return frozenset(dates)


class WorkingCalendar:
    """Working days with the library's calendar plus a site admin's own dates."""

    def __init__(self, extra_holidays=(), extra_workdays=()):
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)

    def is_working_day(self, day):
        """True when people work on ``day`` (a ``datetime.date``)."""
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays:
            return False
        days_off, workdays = library_days(day.year)
        if day in workdays:
            return True
        if day in days_off:
            return False
        return day.weekday() < SATURDAY

    def working_days_between(self, start, end):
        """Working days after ``start`` up to and including ``end`` (0 if none)."""
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def add_working_days(self, start, count):
        """The date ``count`` working days after ``start``."""
        day = start
        while count > 0:
            day += datetime.timedelta(days=1)
            count -= self.is_working_day(day)
        return day
