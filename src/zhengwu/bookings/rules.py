"""The calendar of a bookable service: its slots, open days, lead time and horizon.

Pure functions of a Bookable's fields (``content/bookable.py``) and the time in
China: which days are open (the portal's working-day calendar for services open on
working days, every day for a beach), which slots a day has and whether a slot can
still be booked or cancelled. The editors' lines are checked here too, with a
message that names the line.
"""

import dataclasses
import datetime
import re
from zoneinfo import ZoneInfo

from zope.interface import Invalid

from zhengwu import _
from zhengwu.bookings.ledger import DayRules
from zhengwu.bookings.ledger import Refused

TIMEZONE = ZoneInfo("Asia/Shanghai")
SLOT_LINE = re.compile(
    r"\s*(?P<start>\d{1,2}:\d{2})\s*[-–~至]\s*(?P<end>\d{1,2}:\d{2})\s+(?P<places>\d{1,7})\s*"
)
MAX_SLOTS = 48
MAX_WINDOWS = 50
MAX_CLOSED_DATES = 400


def now():
    """The time in China (tests patch it)."""
    return datetime.datetime.now(TIMEZONE)


@dataclasses.dataclass(frozen=True)
class Slot:
    id: str  # "09:00-12:00"
    start: datetime.time
    end: datetime.time
    places: int


def _time(text):
    hours, minutes = (int(part) for part in text.split(":"))
    return datetime.time(hours, minutes)  # ValueError for 25:00 or 10:61


def parse_slot_line(line):
    """A Slot from ``09:00-12:00 200``; ValueError with the reason."""
    match = SLOT_LINE.fullmatch(line or "")
    if match is None:
        raise ValueError("format")
    start, end = _time(match["start"]), _time(match["end"])
    if end <= start:
        raise ValueError("order")
    places = int(match["places"])
    if places < 1:
        raise ValueError("places")
    return Slot(f"{start:%H:%M}-{end:%H:%M}", start, end, places)


def parse_slots(lines):
    """The slots of the lines, ordered by start; blank lines skipped."""
    slots = [parse_slot_line(line) for line in lines or () if line.strip()]
    return sorted(slots, key=lambda slot: slot.start)


def check_slot_lines(lines):
    """Constraint of the ``slots`` field: every line valid, no overlap, some slot."""
    lines = [line for line in lines or () if line.strip()]
    if not lines:
        raise Invalid(_("Give at least one slot, e.g. '09:00-12:00 200'."))
    if len(lines) > MAX_SLOTS:
        raise Invalid(_("At most ${count} slots.", mapping={"count": MAX_SLOTS}))
    slots = []
    for number, line in enumerate(lines, 1):
        try:
            slots.append(parse_slot_line(line))
        except ValueError:
            raise Invalid(
                _(
                    "Line ${number} ('${line}') is not a slot: write start-end and "
                    "places, e.g. '09:00-12:00 200', the end after the start.",
                    mapping={"number": number, "line": line.strip()[:40]},
                )
            ) from None
    slots.sort(key=lambda slot: slot.start)
    for before, after in zip(slots, slots[1:], strict=False):
        if after.start < before.end:
            raise Invalid(
                _(
                    "Slots ${first} and ${second} overlap.",
                    mapping={"first": before.id, "second": after.id},
                )
            )
    return True


def check_windows(lines):
    """Constraint of ``windows``: a bounded list of short names."""
    names = [line.strip() for line in lines or () if line.strip()]
    if len(names) > MAX_WINDOWS or any(len(name) > 40 for name in names):
        raise Invalid(
            _(
                "At most ${count} windows of at most 40 characters.",
                mapping={"count": MAX_WINDOWS},
            )
        )
    if len(set(names)) != len(names):
        raise Invalid(_("Each window is listed once."))
    return True


def parse_closed_dates(lines):
    dates = set()
    for line in lines or ():
        if line.strip():
            dates.add(datetime.date.fromisoformat(line.strip()))
    return dates


def check_closed_dates(lines):
    """Constraint of ``closed_dates``: ISO dates, bounded."""
    if len(lines or ()) > MAX_CLOSED_DATES:
        raise Invalid(_("At most ${count} dates.", mapping={"count": MAX_CLOSED_DATES}))
    for line in lines or ():
        try:
            parse_closed_dates([line])
        except ValueError:
            raise Invalid(
                _(
                    "'${line}' is not a date: write YYYY-MM-DD.",
                    mapping={"line": line.strip()[:20]},
                )
            ) from None
    return True


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
