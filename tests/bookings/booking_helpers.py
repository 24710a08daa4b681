"""What the booking tests share: a fixed moment, a bookable, valid ID numbers."""

import datetime

from plone import api
from stdnum.cn import ric

from zhengwu.bookings import rules

# A Monday that is a working day in China; the tests never read the real clock.
MONDAY = datetime.date(2030, 6, 3)
MORNING = datetime.datetime(2030, 6, 3, 8, 0, tzinfo=rules.TIMEZONE)
SLOTS = ["09:00-12:00 3", "14:00-17:00 2"]


def id_number(serial):
    """A valid resident ID number (check digit by stdnum), one per ``serial``."""
    body = f"440305199001{(serial % 28) + 1:02d}{serial // 28 % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # the last place is ignored


def people(*serials):
    return [
        {"name": f"市民{serial}", "id_number": id_number(serial)} for serial in serials
    ]


def make_bookable(container, id="beach", **fields):
    values = {
        "kind": "reservation",
        "slots": SLOTS,
        "opening": "every_day",
        "horizon_days": 7,
        "per_person": 1,
        "max_companions": 2,
        "cancel_hours": 2,
        "lead_hours": 0,
        "no_show_limit": 2,
        "no_show_block_days": 30,
        **fields,
    }
    bookable = api.content.create(
        container=container, type="Bookable", id=id, title="大梅沙预约", **values
    )
    return bookable


def fix_now(monkeypatch, moment):
    monkeypatch.setattr(rules, "now", lambda: moment)
