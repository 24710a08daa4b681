"""``@@bookings-day?date=``: the day's bookings per window and slot (当日名单).

The window staff (``zhengwu: Check in bookings``) see names, ID numbers and
phones in full; editors and reviewers (``zhengwu: View booking load`` only) see
the same list masked (张**, 440305********1234, 138****5678): enough to plan the
windows, not to know who comes. The page prints on its own (print styles).
"""

import datetime

from AccessControl import getSecurityManager
from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu import _
from zhengwu.bookings import ledger as states
from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings.staff.presenting import booking_rows
from zhengwu.bookings.staff.presenting import phone_of
from zhengwu.bookings.staff.presenting import state_title
from zhengwu.bookings.staff.presenting import state_titles
from zhengwu.bookings.staff.ranges import RangeError
from zhengwu.bookings.staff.ranges import parse_day
from zhengwu.formatting import format_date
from zhengwu.vocabularies.language import language_of

CHECK_IN = "zhengwu: Check in bookings"
NO_WINDOW = _("No window")


def group_by_window(bookings):
    """[(window, [(slot, [booking, ...]), ...]), ...] in the day list's order."""
    windows = {}
    for booking in bookings:
        window = getattr(booking, "window", None) or ""
        windows.setdefault(window, {}).setdefault(booking.slot, []).append(booking)
    return [
        (window, sorted(slots.items())) for window, slots in sorted(windows.items())
    ]


def state_counts(bookings):
    """Places per state of ``bookings``."""
    counts = dict.fromkeys(states.ALL_STATES, 0)
    for booking in bookings:
        counts[booking.state] += booking.places
    return counts


class DayListView(BrowserView):
    """The list of one day, grouped by window and slot, with counts."""

    problem = None

    def __call__(self):
        today = rules.now().astimezone(rules.TIMEZONE).date()
        try:
            self.day = parse_day(self.request.form.get("date"), today)
        except RangeError as error:
            self.day = today
            self.problem = translate(error.message, context=self.request)
            self.request.response.setStatus(400)
        self.bookings = [] if self.problem else service.day_list(self.context, self.day)
        return self.index()

    @property
    def full(self):
        return bool(getSecurityManager().checkPermission(CHECK_IN, self.context))

    @property
    def language(self):
        return language_of(self.context)

    def title(self):
        return format_date(self.day, self.language)

    def iso_day(self):
        return self.day.isoformat()

    def other_day(self, days):
        return (self.day + datetime.timedelta(days=days)).isoformat()

    def states(self):
        return state_titles(self.request)

    def totals(self):
        return state_counts(self.bookings)

    def groups(self):
        """Each window with its slots, their counts and their bookings' rows."""
        full = self.full
        groups = []
        for window, slots in group_by_window(self.bookings):
            groups.append(
                {
                    "window": window or translate(NO_WINDOW, context=self.request),
                    "slots": [
                        {
                            "slot": slot,
                            "counts": state_counts(bookings),
                            "bookings": [self.row(b, full) for b in bookings],
                        }
                        for slot, bookings in slots
                    ],
                }
            )
        return groups

    def row(self, booking, full):
        return {
            "reference": booking.reference,
            "state": booking.state,
            "state_title": state_title(booking, self.request),
            "people": booking_rows(booking, full),
            "phone": phone_of(booking, full),
            "places": booking.places,
        }
