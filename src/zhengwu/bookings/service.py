"""What can be done with bookings: the day's slots, book, find, cancel, check in.

Every operation takes the bookable and, where time matters, the moment (China
time, ``rules.now()`` by default), so nothing depends on the day it runs. A rule
that forbids an operation raises ``Refused`` with a reason the REST services and
forms translate; nothing is written then (the request's transaction is aborted by
the caller on Refused after a partial write, see ``services/booking_access.py``).
"""

import datetime
import hashlib
import hmac
import secrets

from plone import api

from zhengwu.bookings import ledger as states
from zhengwu.bookings import people as persons
from zhengwu.bookings import rules
from zhengwu.bookings.ledger import DayLedger
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.store import booking_secret
from zhengwu.bookings.store import booking_store
from zhengwu.bookings.store import remember_holder
from zhengwu.masking import is_mobile_phone
from zhengwu.masking import mask_id_number
from zhengwu.masking import mask_phone
from zhengwu.workflows.tasks import site_calendar as workflow_calendar

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
REFERENCE_LENGTH = 10
MAX_PEOPLE = 11
CONTACT_LIMITS = {
    "phone": 20,
    "email": 254,
    "address": 200,
    "situation": 200,
    "note": 500,
}


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def normal_reference(value):
    """A typed or scanned reference in its stored form (upper case, no spaces)."""
    text = "".join(str(value or "").split()).upper().replace("-", "")
    if len(text) != REFERENCE_LENGTH or any(c not in REFERENCE_ALPHABET for c in text):
        return None
    return text


def holder_token(reference, secret=None):
    """The token that proves holding ``reference`` without an account."""
    secret = secret if secret is not None else booking_secret()
    digest = hmac.new(secret, b"holder:" + reference.encode("ascii"), hashlib.sha256)
    return digest.hexdigest()[:32]


def token_matches(reference, token):
    return bool(token) and hmac.compare_digest(holder_token(reference), str(token))


def phone_key(phone, secret=None):
    secret = secret if secret is not None else booking_secret()
    return hmac.new(
        secret, b"phone:" + phone.encode("ascii"), hashlib.sha256
    ).hexdigest()


def holder_of(account=None, phone=None):
    """The key of the holders' index: an account, else the phone's key."""
    if account:
        return f"user:{account}"
    return f"phone:{phone_key(phone)}"


def site_calendar():
    """The portal's working-day calendar (the workflows' deadlines use it too)."""
    return workflow_calendar()


def day_slots(bookable, day, moment=None, calendar=None):
    """The slots of ``day`` with their places left: what ``@slots`` answers."""
    moment = moment or rules.now()
    calendar = calendar or site_calendar()
    first, last = rules.horizon(bookable, moment)
    is_open = first <= day <= last and rules.is_open(bookable, day, calendar)
    store = booking_store(bookable)
    ledger = store.ledger(day) if store is not None else None
    day_rules = rules.day_rules(bookable)
    slots = []
    for slot in rules.slots_of(bookable):
        remaining = (
            ledger.remaining(day_rules, slot.id)
            if ledger is not None
            else _empty_remaining(day_rules, slot.id)
        )
        available = is_open and rules.still_bookable(bookable, day, slot, moment)
        slots.append(
            {
                "slot": slot.id,
                "start": rules.slot_start(day, slot).isoformat(),
                "end": rules.slot_end(day, slot).isoformat(),
                "places": slot.places,
                "remaining": remaining if available else 0,
                "available": available and remaining > 0,
            }
        )
    day_left = (
        ledger.remaining(day_rules)
        if ledger is not None
        else _empty_remaining(day_rules)
    )
    # what can still be booked: the slots not closed yet, within the daily quota
    bookable_left = min(day_left, sum(slot["remaining"] for slot in slots))
    return {
        "date": day.isoformat(),
        "open": is_open,
        "remaining": bookable_left if is_open else 0,
        "waiting_list": day_rules.waiting_list,
        "slots": slots,
    }


def _empty_remaining(day_rules, slot=None):
    return DayLedger("").remaining(day_rules, slot)


def remaining_today(bookable, moment=None, calendar=None):
    """Places left today over the slots still bookable (the tourist homepage)."""
    moment = moment or rules.now()
    day = moment.astimezone(rules.TIMEZONE).date()
    answer = day_slots(bookable, day, moment, calendar)
    if not answer["open"]:
        return None
    return answer["remaining"]


def _contact(bookable, contact, account):
    clean = {}
    for name, limit in CONTACT_LIMITS.items():
        value = " ".join(str(contact.get(name) or "").split())
        if len(value) > limit:
            raise Refused("too_long", field=name, limit=limit)
        if value:
            clean[name] = value
    if not is_mobile_phone(clean.get("phone")):
        raise Refused("bad_phone")
    if getattr(bookable, "needs_address", False) and not clean.get("address"):
        raise Refused("address_required")
    if account:
        clean["account"] = account
    return clean


def _people(bookable, people, secret):
    if not isinstance(people, list | tuple) or not people:
        raise Refused("nobody_to_book")
    limit = getattr(bookable, "max_companions", 0) or 0
    if len(people) > min(limit + 1, MAX_PEOPLE):
        raise Refused("too_many_companions", limit=limit)
    checked = []
    for entry in people:
        if not isinstance(entry, dict):
            raise Refused("nobody_to_book")
        checked.append(
            persons.person(entry.get("id_number"), entry.get("name"), secret)
        )
    return checked


def _check_no_shows(bookable, store, people, today):
    limit = getattr(bookable, "no_show_limit", 0) or 0
    if not limit or store is None:
        return
    days = getattr(bookable, "no_show_block_days", 30) or 30
    since = (today - datetime.timedelta(days=days)).isoformat()
    for person in people:
        recent = [day for day in store.no_shows.get(person["key"], ()) if day >= since]
        if len(recent) >= limit:
            last = datetime.date.fromisoformat(max(recent))
            until = last + datetime.timedelta(days=days)
            raise Refused("no_show_blocked", until=until.isoformat())


def book(
    bookable, day, slot_id, people, contact, account=None, moment=None, calendar=None
):
    """A new booking of ``slot_id`` on ``day``; Refused when a rule forbids it.

    ``people`` are dicts with ``name`` and ``id_number``, the holder first;
    ``contact`` has ``phone`` (required), ``email``, ``address``, ``situation``,
    ``note``; ``account`` is the member's id (None for a visitor).
    """
    moment = moment or rules.now()
    calendar = calendar or site_calendar()
    if getattr(bookable, "account_required", False) and not account:
        raise Refused("account_required")
    contact = _contact(bookable, contact or {}, account)
    rules.check_bookable_day(bookable, day, calendar, moment)
    slot = rules.find_slot(bookable, slot_id)
    if not rules.still_bookable(bookable, day, slot, moment):
        raise Refused("slot_closed", slot=slot.id)
    secret = booking_secret()
    checked = _people(bookable, people, secret)
    today = moment.astimezone(rules.TIMEZONE).date()
    _check_no_shows(bookable, booking_store(bookable), checked, today)
    store = booking_store(bookable, create=True)
    ledger = store.ledger(day, create=True)
    reference = new_reference()
    while reference in store.references:
        reference = new_reference()
    windows = [
        name for name in getattr(bookable, "windows", None) or () if name.strip()
    ]
    taken_before = ledger.taken.get(slot.id, 0)
    booking = ledger.book(
        rules.day_rules(bookable), reference, slot.id, checked, contact
    )
    booking.window = windows[taken_before % len(windows)] if windows else None
    booking.created = moment.isoformat()
    booking.confirmed = (
        False if getattr(bookable, "needs_confirmation", False) else None
    )
    store.references[reference] = day.isoformat()
    remember_holder(
        holder_of(account, contact["phone"]),
        f"{api.content.get_uuid(bookable)}/{reference}",
    )
    return booking


def find(bookable, reference):
    """(day, Booking) of ``reference`` in ``bookable``, or (None, None)."""
    reference = normal_reference(reference)
    store = booking_store(bookable)
    if reference is None or store is None or reference not in store.references:
        return None, None
    day = datetime.date.fromisoformat(store.references[reference])
    return day, store.ledger(day).entries[reference]


def _found(bookable, reference):
    day, booking = find(bookable, reference)
    if booking is None:
        raise Refused("no_such_booking")
    return day, booking


def cancel(bookable, reference, moment=None, by_staff=False):
    """Cancel a booked or waiting booking; the holder only until the cut-off.

    Returns the bookings promoted from the waiting list into the freed places.
    """
    moment = moment or rules.now()
    day, booking = _found(bookable, reference)
    slot = rules.find_slot(bookable, booking.slot)
    if not by_staff and not rules.still_cancellable(bookable, day, slot, moment):
        raise Refused("cancel_too_late")
    ledger = booking_store(bookable).ledger(day)
    return ledger.cancel(rules.day_rules(bookable), booking.reference)


def check_in(bookable, reference, moment=None):
    """Mark a booking of today as arrived."""
    moment = moment or rules.now()
    day, booking = _found(bookable, reference)
    if day != moment.astimezone(rules.TIMEZONE).date():
        raise Refused("not_today", day=day.isoformat())
    if booking.state == states.CHECKED_IN:
        raise Refused("already_checked_in")
    if booking.state != states.BOOKED:
        raise Refused("not_checkable", state=booking.state)
    if getattr(booking, "confirmed", None) is False:
        raise Refused("not_confirmed")
    booking.state = states.CHECKED_IN
    booking.checked_in = moment.isoformat()
    return booking


def mark_no_show(bookable, reference, moment=None):
    """Mark a booking nobody came for, after its slot ended; counts for the block."""
    moment = moment or rules.now()
    day, booking = _found(bookable, reference)
    slot = rules.find_slot(bookable, booking.slot)
    if moment < rules.slot_end(day, slot):
        raise Refused("slot_not_over")
    if booking.state != states.BOOKED:
        raise Refused("not_checkable", state=booking.state)
    booking.state = states.NO_SHOW
    store = booking_store(bookable)
    for person in booking.people:
        if person.get("key"):
            store.no_shows[person["key"]] = (
                *store.no_shows.get(person["key"], ()),
                day.isoformat(),
            )
    return booking


def confirm(bookable, reference):
    """The department confirms a booking that waits for it."""
    _day, booking = _found(bookable, reference)
    if (
        getattr(booking, "confirmed", None) is not False
        or booking.state != states.BOOKED
    ):
        raise Refused("not_confirmable")
    booking.confirmed = True
    return booking


def day_list(bookable, day):
    """The bookings of ``day``, by slot, window and reference (staff's list)."""
    store = booking_store(bookable)
    ledger = store.ledger(day) if store is not None else None
    if ledger is None:
        return []
    return sorted(
        ledger.entries.values(),
        key=lambda b: (b.slot, getattr(b, "window", None) or "", b.reference),
    )


def counts(bookable, first, last):
    """Bookings per day and slot by state, without personal data (open data)."""
    store = booking_store(bookable)
    rows = []
    if store is None:
        return rows
    for key, ledger in store.days.items(first.isoformat(), last.isoformat()):
        per_slot = {}
        for booking in ledger.entries.values():
            row = per_slot.setdefault(
                booking.slot,
                {
                    "date": key,
                    "slot": booking.slot,
                    **dict.fromkeys(states.ALL_STATES, 0),
                },
            )
            row[booking.state] += booking.places
        rows.extend(per_slot[slot] for slot in sorted(per_slot))
    return rows


def booking_json(bookable, day, booking, full=False, holder=False):
    """A booking as the services answer it; ID numbers and phone masked unless
    ``full`` (staff who check in); the address only for staff and the ``holder``."""
    mask_id = (lambda v: v) if full else mask_id_number
    mask_tel = (lambda v: v) if full else mask_phone
    contact = booking.contact
    return {
        "@id": f"{bookable.absolute_url()}/@bookings/{booking.reference}",
        "reference": booking.reference,
        "bookable": {"@id": bookable.absolute_url(), "title": bookable.Title()},
        "date": day.isoformat(),
        "slot": booking.slot,
        "window": getattr(booking, "window", None),
        "state": booking.state,
        "confirmed": getattr(booking, "confirmed", None),
        "places": booking.places,
        "people": [
            {"name": p.get("name", ""), "id_number": mask_id(p.get("id_number", ""))}
            for p in booking.people
        ],
        "phone": mask_tel(contact.get("phone", "")),
        "address": contact.get("address") if full or holder else None,
        "situation": contact.get("situation"),
        "created": getattr(booking, "created", None),
        "checked_in": getattr(booking, "checked_in", None),
    }
