"""The calendar of a bookable service: its slots, open days, lead time and horizon.

Pure functions of a Bookable's fields (``content/bookable.py``) and the time in
China: which days are open (the portal's working-day calendar for services open on
working days, every day for a beach), which slots a day has and whether a slot can
still be booked or cancelled. The editors' lines are read as
``content/bookable_lines.py`` checks them.
"""

import datetime
from zoneinfo import ZoneInfo

from zhengwu.bookings.ledger import DayRules
from zhengwu.bookings.ledger import Refused
from zhengwu.content.bookable_lines import parse_closed_dates
from zhengwu.content.bookable_lines import parse_slots

TIMEZONE = ZoneInfo("Asia/Shanghai")


def now():
    """The time in China (tests patch it)."""
    return datetime.datetime.now(TIMEZONE)


def slots_of(bookable):
    return parse_slots(getattr(bookable, "slots", None))


def day_rules(bookable):
    """The ledger's rules of one day of ``bookable``."""
    return DayRules(
        slots={slot.id: slot.places for slot in slots_of(bookable)},
        daily_quota=getattr(bookable, "daily_quota", None) or None,
        per_person=getattr(bookable, "per_person", 1) or 0,
        max_companions=getattr(bookable, "max_companions", 0) or 0,
        waiting_list=bool(getattr(bookable, "waiting_list", False)),
    )


def is_open(bookable, day, calendar):
    """True when ``bookable`` takes bookings for ``day`` (a date)."""
    if day.weekday() in set(getattr(bookable, "closed_weekdays", None) or ()):
        return False
    try:
        closed = parse_closed_dates(getattr(bookable, "closed_dates", None))
    except ValueError:
        closed = set()
    if day in closed:
        return False
    if getattr(bookable, "opening", "working_days") == "working_days":
        return calendar.is_working_day(day)
    return True


def horizon(bookable, moment):
    """The first and last days that can be booked at ``moment``."""
    today = moment.astimezone(TIMEZONE).date()
    days = max(int(getattr(bookable, "horizon_days", 7) or 1), 1)
    return today, today + datetime.timedelta(days=days - 1)


def slot_start(day, slot):
    return datetime.datetime.combine(day, slot.start, tzinfo=TIMEZONE)


def slot_end(day, slot):
    return datetime.datetime.combine(day, slot.end, tzinfo=TIMEZONE)


def still_bookable(bookable, day, slot, moment):
    """True when ``slot`` of ``day`` is still before its lead time at ``moment``."""
    lead = datetime.timedelta(hours=getattr(bookable, "lead_hours", 0) or 0)
    return moment < slot_start(day, slot) - lead


def still_cancellable(bookable, day, slot, moment):
    cutoff = datetime.timedelta(hours=getattr(bookable, "cancel_hours", 0) or 0)
    return moment < slot_start(day, slot) - cutoff


def find_slot(bookable, slot_id):
    for slot in slots_of(bookable):
        if slot.id == slot_id:
            return slot
    raise Refused("unknown_slot", slot=str(slot_id)[:20])


def check_bookable_day(bookable, day, calendar, moment):
    """Refused unless ``day`` is within the horizon and open."""
    first, last = horizon(bookable, moment)
    if day < first:
        raise Refused("past_day")
    if day > last:
        raise Refused("beyond_horizon", last=last.isoformat())
    if not is_open(bookable, day, calendar):
        raise Refused("closed_day", day=day.isoformat())
