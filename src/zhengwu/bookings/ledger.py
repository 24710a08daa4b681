"""The bookings of one bookable service on one day (预约台账).

Why they never overbook: every booking, cancellation and promotion from the waiting
list of a day writes that day's ``DayLedger`` record (places taken per slot, places
per person, and the limits the writer checked them against). Two requests booking
the same day at once write the same record. ZODB merges the two (``
_p_resolveConflict``) only when the sum of both still keeps every limit the second
writer checked: the places of each slot, the daily quota, each person's bookings; a
change to the waiting list is never merged. Otherwise the second commit raises
ConflictError, Zope retries that request from the start, and the retry reads the new
counts and refuses when nothing is left. So a busy day takes bookings side by side
and its last place still goes once. Bookings of different days never touch the
same record.

Persons are known by a key (``person_key``: a keyed hash of the ID number), so the
per-person limits need no ID number in the index; the booking keeps the number for
the staff who check in, and listings mask it.
"""

import dataclasses

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.POSException import ConflictError

BOOKED = "booked"
WAITING = "waiting"
CANCELLED = "cancelled"
CHECKED_IN = "checked_in"
NO_SHOW = "no_show"
HOLDING = (BOOKED, CHECKED_IN, NO_SHOW)  # states that hold their places
ALL_STATES = (BOOKED, WAITING, CANCELLED, CHECKED_IN, NO_SHOW)


class Refused(Exception):
    """A booking the rules do not allow; ``reason`` names the rule (a msgid)."""

    def __init__(self, reason, **mapping):
        super().__init__(reason)
        self.reason = reason
        self.mapping = mapping


@dataclasses.dataclass(frozen=True)
class DayRules:
    """What one day of a bookable service allows."""

    slots: dict  # slot id -> places in that slot
    daily_quota: int | None = None  # places over all slots, None: the slots' sum
    per_person: int = 1  # bookings a person may hold that day (0: no limit)
    max_companions: int = 0
    waiting_list: bool = False


class Booking(Persistent):
    """One booking: a slot, the people it holds places for, its state."""

    def __init__(self, reference, slot, people, contact, state=BOOKED):
        self.reference = reference
        self.slot = slot
        self.people = tuple(people)  # ({"key", "name", "id_number"}, ...)
        self.contact = dict(contact)  # phone, e-mail, account, address ...
        self.state = state

    @property
    def places(self):
        return len(self.people)


class DayLedger(Persistent):
    """Counts and bookings of one day of one bookable service."""

    def __init__(self, day):
        self.day = day
        self.taken = {}  # slot id -> places held
        self.persons = {}  # person key -> bookings held that day
        self.waiting = ()  # references waiting, first come first
        self.entries = OOBTree()  # reference -> Booking
        self.limits = None  # the limits the last writer checked (conflict merges)

    def remaining(self, rules, slot=None):
        """Places left in ``slot`` (or the whole day), within the daily quota."""
        day_total = sum(rules.slots.values())
        quota = rules.daily_quota if rules.daily_quota is not None else day_total
        left_today = max(quota - sum(self.taken.values()), 0)
        if slot is None:
            return left_today
        left_in_slot = max(rules.slots.get(slot, 0) - self.taken.get(slot, 0), 0)
        return min(left_in_slot, left_today)

    def book(self, rules, reference, slot, people, contact):
        """A new Booking (state BOOKED, or WAITING when full and the service keeps a
        waiting list); Refused when a rule forbids it. Writes this record."""
        if slot not in rules.slots:
            raise Refused("unknown_slot", slot=slot)
        if not people:
            raise Refused("nobody_to_book")
        if len(people) - 1 > rules.max_companions:
            raise Refused("too_many_companions", limit=rules.max_companions)
        keys = [person["key"] for person in people]
        if len(set(keys)) != len(keys):
            raise Refused("same_person_twice")
        if reference in self.entries:
            raise Refused("reference_taken")
        if rules.per_person:
            for key in keys:
                if self.persons.get(key, 0) >= rules.per_person:
                    raise Refused("person_limit", limit=rules.per_person)
        state = BOOKED
        if self.remaining(rules, slot) < len(people):
            if not rules.waiting_list:
                raise Refused("full", slot=slot)
            state = WAITING
        booking = Booking(reference, slot, people, contact, state)
        self.entries[reference] = booking
        self.limits = limits_of(rules)
        if state == BOOKED:
            self._hold(booking, +1)
        else:
            self.waiting = (*self.waiting, reference)
        self._p_changed = True  # the record every booking of the day writes
        return booking

    def cancel(self, rules, reference):
        """Cancel a booking; returns the waiting bookings promoted into its places."""
        booking = self.entries.get(reference)
        if booking is None or booking.state not in (BOOKED, WAITING):
            raise Refused("not_cancellable")
        if booking.state == WAITING:
            self.waiting = tuple(ref for ref in self.waiting if ref != reference)
        else:
            self._hold(booking, -1)
        booking.state = CANCELLED
        self.limits = limits_of(rules)
        self._p_changed = True
        return self._promote(rules)

    def _promote(self, rules):
        promoted = []
        still_waiting = []
        for reference in self.waiting:
            booking = self.entries[reference]
            fits = self.remaining(rules, booking.slot) >= booking.places
            allowed = not rules.per_person or all(
                self.persons.get(person["key"], 0) < rules.per_person
                for person in booking.people
            )
            if fits and allowed:
                booking.state = BOOKED
                self._hold(booking, +1)
                promoted.append(booking)
            else:
                still_waiting.append(reference)
        self.waiting = tuple(still_waiting)
        return promoted

    def _hold(self, booking, sign):
        taken = dict(self.taken)
        taken[booking.slot] = taken.get(booking.slot, 0) + sign * booking.places
        persons = dict(self.persons)
        for person in booking.people:
            count = persons.get(person["key"], 0) + sign
            if count:
                persons[person["key"]] = count
            else:
                persons.pop(person["key"], None)
        self.taken = taken
        self.persons = persons

    def _p_resolveConflict(self, old, committed, new):
        """Merge two writes of the day when both together keep the limits the
        second writer checked; ConflictError (Zope retries) otherwise."""
        if not (old.get("waiting") == committed.get("waiting") == new.get("waiting")):
            raise ConflictError  # the order of a waiting list is not merged
        limits = new.get("limits") or committed.get("limits")
        if limits is None:
            raise ConflictError
        taken = _merge_counts(old["taken"], committed["taken"], new["taken"])
        persons = _merge_counts(old["persons"], committed["persons"], new["persons"])
        grown = [
            slot for slot, n in new["taken"].items() if n > old["taken"].get(slot, 0)
        ]
        for slot in grown:
            if taken.get(slot, 0) > limits["slots"].get(slot, 0):
                raise ConflictError
        if (
            grown
            and limits["quota"] is not None
            and sum(taken.values()) > limits["quota"]
        ):
            raise ConflictError
        if limits["per_person"]:
            for key, count in new["persons"].items():
                grew = count > old["persons"].get(key, 0)
                if grew and persons.get(key, 0) > limits["per_person"]:
                    raise ConflictError
        merged = dict(committed)
        merged["taken"] = taken
        merged["persons"] = persons
        merged["limits"] = limits
        return merged


def limits_of(rules):
    """What a write of the day checked, kept for merging a concurrent write."""
    return {
        "slots": dict(rules.slots),
        "quota": rules.daily_quota,
        "per_person": rules.per_person,
    }


def _merge_counts(old, committed, new):
    """``committed`` plus what ``new`` changed since ``old``; zero counts dropped."""
    merged = dict(committed)
    for key in set(old) | set(new):
        change = new.get(key, 0) - old.get(key, 0)
        if change:
            merged[key] = merged.get(key, 0) + change
    return {key: count for key, count in merged.items() if count}
