"""A bookable service's lines as editors write them: slots, windows, closed dates.

The ``Bookable`` type's fields check their lines here, with a message that names
the line; the booking calendar (``bookings/rules.py``) reads them the same way.
"""

import dataclasses
import datetime
import re

from zope.interface import Invalid

from zhengwu import _

SLOT_LINE = re.compile(
    r"\s*(?P<start>\d{1,2}:\d{2})\s*[-–~至]\s*(?P<end>\d{1,2}:\d{2})\s+(?P<places>\d{1,7})\s*"
)
MAX_SLOTS = 48
MAX_WINDOWS = 50
MAX_CLOSED_DATES = 400


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
