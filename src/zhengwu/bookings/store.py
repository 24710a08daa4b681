"""Where bookings are kept: a store in each bookable's annotations, and site indexes.

The bookable's store holds its days (``DayLedger`` by ISO date), which day each
reference belongs to, and the no-shows of each person (by person key). The site
holds the booking secret (the key of person keys and holders' tokens, generated on
first use with ``secrets``) and the holders' index (an account or a phone key → the
bookings it holds) that "my bookings" reads. Reads never create anything.
"""

import secrets

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from plone import api

from zhengwu.annotations import annotation_store
from zhengwu.bookings.ledger import DayLedger

STORE_KEY = "zhengwu.bookings.store"
SECRET_KEY = "zhengwu.bookings.secret"  # noqa: S105 - an annotation key
HOLDERS_KEY = "zhengwu.bookings.holders"


class BookingStore(Persistent):
    """The days, references and no-shows of one bookable service."""

    def __init__(self):
        self.days = OOBTree()  # "YYYY-MM-DD" -> DayLedger
        self.references = OOBTree()  # reference -> "YYYY-MM-DD"
        self.no_shows = OOBTree()  # person key -> ("YYYY-MM-DD", ...)

    def ledger(self, day, create=False):
        """The DayLedger of ``day`` (a date); None when none and not ``create``."""
        key = day.isoformat()
        ledger = self.days.get(key)
        if ledger is None and create:
            ledger = self.days[key] = DayLedger(key)
        return ledger


def booking_store(bookable, create=False):
    return annotation_store(bookable, STORE_KEY, BookingStore, create=create)


def booking_secret(site=None):
    """The site's booking secret (32 random bytes), made on first use."""
    site = site if site is not None else api.portal.get()
    holder = annotation_store(site, SECRET_KEY, _Secret, create=True)
    return holder.value


class _Secret(Persistent):
    def __init__(self):
        self.value = secrets.token_bytes(32)


def holders_index(site=None, create=False):
    site = site if site is not None else api.portal.get()
    return annotation_store(site, HOLDERS_KEY, OOBTree, create=create)


def remember_holder(holder, entry, site=None):
    """Add ``entry`` ("<bookable UID>/<reference>") to ``holder``'s bookings."""
    index = holders_index(site, create=True)
    held = index.get(holder)
    if held is None:
        held = index[holder] = OOTreeSet()
    held.add(entry)


def held_by(holder, site=None):
    """The entries ``holder`` holds, oldest reference first."""
    index = holders_index(site)
    if index is None or holder not in index:
        return []
    return list(index[holder])


def forget_holder_entry(holder, entry, site=None):
    """Remove ``entry`` from ``holder``'s bookings (retention)."""
    index = holders_index(site)
    held = index.get(holder) if index is not None else None
    if held is not None and entry in held:
        held.remove(entry)


def prepare_store(bookable, event):
    """On a new bookable: its store, the site's secret and holders' index, so that
    the first bookings of a day race only for the day's record."""
    booking_store(bookable, create=True)
    booking_secret()
    holders_index(create=True)
