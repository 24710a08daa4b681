"""Retention of bookings' personal data (个人信息保存期限, PIPL article 19).

A district keeps a booking's personal data ``zhengwu.bookings.retention_days``
days after its day (``profiles/<district>/district.toml`` ``[bookings]``). Older
days are anonymised: the people's names, ID numbers and person keys, the phone,
e-mail, address, account and notes go; each booking keeps its reference, slot,
window, state and number of places, so the counts (``@@bookings-export``) stay
true. The holders' index forgets those bookings, and the no-show record forgets
those days. Run once a day after a request of the site (``zhengwu.after_request``)
and on demand by ``@@bookings-retention``.
"""

import datetime
import logging

import transaction
from plone import api
from ZODB.POSException import ConflictError

from zhengwu.bookings import rules
from zhengwu.bookings.service import holder_of
from zhengwu.bookings.store import booking_store
from zhengwu.bookings.store import forget_holder_entry

logger = logging.getLogger(__name__)
RECORD = "zhengwu.bookings.retention_days"
# The day retention last ran per site in this process (a run that finds nothing
# to remove writes nothing, so the mark is not kept in the ZODB).
LAST_RUN = {}


def retention_days():
    """The site's retention period in days, or None when none is set."""
    days = api.portal.get_registry_record(RECORD, default=None)
    return days if isinstance(days, int) and days > 0 else None


def first_kept_day(today, days):
    """The oldest day whose personal data is still kept."""
    return today - datetime.timedelta(days=days)


def anonymise_booking(booking, entry, site=None):
    """Remove the personal data of one booking; its places stay counted."""
    contact = booking.contact or {}
    if contact.get("account") or contact.get("phone"):
        holder = holder_of(contact.get("account"), contact.get("phone"))
        forget_holder_entry(holder, entry, site)
    booking.people = tuple({} for _person in booking.people)
    booking.contact = {}
    booking.anonymised = True


def anonymise_bookable(bookable, before, site=None):
    """Anonymise the days of ``bookable`` before ``before``; the bookings done."""
    store = booking_store(bookable)
    if store is None:
        return 0
    uid = api.content.get_uuid(bookable)
    limit = before.isoformat()
    done = 0
    for key in list(store.days.keys(max=limit, excludemax=True)):
        ledger = store.days[key]
        if getattr(ledger, "anonymised", False):
            continue
        for booking in ledger.entries.values():
            anonymise_booking(booking, f"{uid}/{booking.reference}", site)
            done += 1
        ledger.persons = {}
        ledger.anonymised = True
    for person, days in list(store.no_shows.items()):
        kept = tuple(day for day in days if day >= limit)
        if not kept:
            del store.no_shows[person]
        elif kept != days:
            store.no_shows[person] = kept
    return done


def bookables(site):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Bookable"):
        yield brain._unrestrictedGetObject()


def apply_retention(site, today=None):
    """Anonymise every bookable's days older than the retention period; returns
    (first kept day or None, bookings anonymised)."""
    days = retention_days()
    if days is None:
        return None, 0
    today = today or rules.now().astimezone(rules.TIMEZONE).date()
    before = first_kept_day(today, days)
    done = sum(
        anonymise_bookable(bookable, before, site) for bookable in bookables(site)
    )
    if done:
        logger.info("%s: %d bookings before %s anonymised", site.getId(), done, before)
    return before, done


def anonymise_when_due(site, request):
    """After a request: apply retention once a day per Zope process, in a
    transaction of its own that writes only when there was something to remove."""
    today = rules.now().astimezone(rules.TIMEZONE).date().isoformat()
    path = "/".join(site.getPhysicalPath())
    if LAST_RUN.get(path) == today:
        return
    LAST_RUN[path] = today
    transaction.begin()
    try:
        _before, done = apply_retention(site)
        if not done:
            transaction.abort()
            return
        transaction.get().note("Bookings retention")
        transaction.commit()
    except ConflictError:
        transaction.abort()
        LAST_RUN.pop(path, None)  # another process wrote the day: try again later
