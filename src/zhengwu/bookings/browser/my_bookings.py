"""``@@my-bookings`` (我的预约): a member's bookings from the holders' index, the
coming ones first (soonest first), then the past ones (latest first).

Visitors without an account have no list: their way back is the link of the
confirmation page and mail, which the page says.
"""

from plone import api
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized

from zhengwu.bookings import notify
from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings import store
from zhengwu.bookings.browser.wording import STATE_LABELS
from zhengwu.bookings.browser.wording import long_day
from zhengwu.vocabularies.language import language_of

LIMIT = 200


def bookable_by_uid(uid):
    """The bookable of ``uid`` even when it is no longer public (the holder's
    booking stays theirs), or None."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid, portal_type="Bookable")
    return brains[0]._unrestrictedGetObject() if len(brains) else None


class MyBookingsView(BrowserView):
    def __call__(self):
        if api.user.is_anonymous():
            # Plone answers with its login form, coming back here afterwards.
            raise Unauthorized("Log in to see your bookings.")
        self.userid = api.user.get_current().getId()
        self.language = language_of(self.context)
        return self.index()

    def _rows(self):
        entries = store.held_by(service.holder_of(account=self.userid))
        rows = []
        for entry in entries[-LIMIT:]:
            uid, _sep, reference = entry.partition("/")
            bookable = bookable_by_uid(uid)
            if bookable is None:
                continue
            day, booking = service.find(bookable, reference)
            if booking is None or booking.contact.get("account") != self.userid:
                continue
            rows.append(
                {
                    "title": bookable.Title(),
                    "url": notify.holder_link(bookable, booking),
                    "reference": booking.reference,
                    "date": day.isoformat(),
                    "day": long_day(day, self.language),
                    "slot": booking.slot,
                    "state": booking.state,
                    "state_label": STATE_LABELS.get(booking.state, booking.state),
                }
            )
        return rows

    def bookings(self):
        """{"coming": [...], "past": [...]}"""
        today = rules.now().astimezone(rules.TIMEZONE).date().isoformat()
        rows = self._rows()
        coming = sorted(
            (row for row in rows if row["date"] >= today),
            key=lambda row: (row["date"], row["slot"]),
        )
        past = sorted(
            (row for row in rows if row["date"] < today),
            key=lambda row: (row["date"], row["slot"]),
            reverse=True,
        )
        return {"coming": coming, "past": past}
