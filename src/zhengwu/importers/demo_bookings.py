"""Demo bookable services (预约服务) and bookings already made, from
``profiles/<district>/content/bookings.toml``.

Each ``[[bookable]]`` becomes a published Bookable in its department, related to
the demo guide it names; each ``[[booking]]`` fills ``places`` of a slot on the
``open_day``-th day after the load day that the service takes bookings for, in
parties of ``party`` invented people ("演示" in every name, valid check-digit ID
numbers). Bookings are made through the booking service, so every rule holds;
only a bookable made by this run gets bookings, so loading again adds nothing.
"""

import datetime
from pathlib import Path

from plone import api
from stdnum.cn import ric
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.interface import Invalid
from zope.intid.interfaces import IIntIds

from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings.ledger import Refused
from zhengwu.content.bookable_lines import check_slot_lines
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml
from zhengwu.workflows.advance import advance

FILENAME = "bookings.toml"
META = {"id", "department", "guide", "title", "description"}
ENGLISH = {"title_en", "description_en"}
DEMO_PHONE = "1380013{:04d}"
AREA_CODES = {"nanshan": "440305", "yantian": "440308"}
FIELDS = [
    "kind",
    "opening",
    "slots",
    "daily_quota",
    "windows",
    "closed_weekdays",
    "closed_dates",
    "lead_hours",
    "horizon_days",
    "per_person",
    "max_companions",
    "cancel_hours",
    "no_show_limit",
    "no_show_block_days",
    "waiting_list",
    "account_required",
    "needs_address",
    "needs_confirmation",
]


def read_bookings(directory):
    """(bookables, bookings, account) of a district profile: ``account`` is the
    demo citizen who holds the bookings made by members; nothing without the file."""
    path = Path(directory) / "content" / FILENAME
    if not path.exists():
        return [], [], None
    data = read_profile_toml(path)
    bookables = data.get("bookable", [])
    ids = set()
    for number, entry in enumerate(bookables, 1):
        where = f"{path}, bookable {number}"
        missing = {"id", "department", "title", "slots"} - set(entry)
        unknown = set(entry) - META - ENGLISH - set(FIELDS)
        if missing or unknown:
            raise ProfileError(f"{where}: missing {missing or '-'}, unknown {unknown}")
        try:
            check_slot_lines(entry["slots"])
        except Invalid as error:
            raise ProfileError(f"{where}: slots: {error}") from None
        ids.add(entry["id"])
    bookings = data.get("booking", [])
    for number, entry in enumerate(bookings, 1):
        if entry.get("bookable") not in ids:
            raise ProfileError(f"{path}, booking {number}: unknown bookable")
    return bookables, bookings, data.get("account")


def demo_id_number(district, serial):
    """A valid, invented resident ID number of the district (born 1950–1989)."""
    year = 1950 + serial % 40
    body = f"{AREA_CODES.get(district, '440300')}{year}{serial % 12 + 1:02d}"
    body += f"{serial % 28 + 1:02d}{900 + serial % 100:03d}"
    return body + ric.calc_check_digit(body + "0")


def _make_bookable(department, entry):
    values = {name: entry[name] for name in FIELDS if name in entry}
    guide = department.get(entry.get("guide", ""))
    if guide is not None:
        values["guide"] = RelationValue(getUtility(IIntIds).getId(guide))
    bookable = api.content.create(
        container=department,
        type="Bookable",
        id=entry["id"],
        title=entry["title"],
        description=entry.get("description", ""),
        **values,
    )
    advance(bookable)
    return bookable


def _open_day(bookable, slot, number, moment, calendar):
    """The ``number``-th day after today on which ``slot`` can be booked."""
    today = moment.astimezone(rules.TIMEZONE).date()
    _first, last = rules.horizon(bookable, moment)
    found = 0
    day = today
    while day < last:
        day += datetime.timedelta(days=1)
        try:
            rules.check_bookable_day(bookable, day, calendar, moment)
        except Refused:
            continue
        if rules.still_bookable(bookable, day, slot, moment):
            found += 1
            if found == number:
                return day
    return None


def _book(bookable, entry, district, serials, account):
    """Fill the entry's places in parties; the number of bookings made."""
    moment = rules.now()
    calendar = service.site_calendar()
    slot = rules.find_slot(bookable, entry["slot"])
    day = _open_day(bookable, slot, entry.get("open_day", 1), moment, calendar)
    if day is None:
        return 0
    left, made = entry["places"], 0
    party_size = min(entry.get("party", 1), (bookable.max_companions or 0) + 1)
    while left > 0:
        size = min(party_size, left)
        party = []
        for _ in range(size):
            serial = next(serials)
            party.append(
                {
                    "name": f"演示预约人{serial:03d}",
                    "id_number": demo_id_number(district, serial),
                }
            )
        contact = {"phone": DEMO_PHONE.format(serial)}
        if bookable.needs_address:
            contact["address"] = f"演示地址：{district}区某街道某社区{serial}号"
        service.book(
            bookable,
            day,
            slot.id,
            party,
            contact,
            account=account if bookable.account_required else None,
            moment=moment,
            calendar=calendar,
        )
        left -= size
        made += 1
    return made


def load_demo_bookings(site, profile):
    """Create the missing demo bookables of ``profile`` and the bookings of those
    made now; return counts."""
    bookables, bookings, account = read_bookings(profile.directory)
    if account and api.user.get(userid=account) is None:
        account = None  # the demo citizens are not there: members' bookings wait
    root = site[profile.default_language]
    made = {}
    for entry in bookables:
        department = root.get(entry["department"])
        if department is None:
            continue
        if entry["id"] in department:
            if department[entry["id"]].portal_type != "Bookable":
                raise ProfileError(
                    f"{FILENAME}: '{entry['id']}' is taken in {entry['department']} "
                    f"by a {department[entry['id']].portal_type}"
                )
            continue
        made[entry["id"]] = _make_bookable(department, entry)
    serials = iter(range(1, 100_000))
    count = 0
    for entry in bookings:
        bookable = made.get(entry["bookable"])
        if bookable is not None and (account or not bookable.account_required):
            count += _book(bookable, entry, profile.id, serials, account)
    return {"bookables": len(made), "bookings": count}
