"""``@@check-in``: the window staff find a booking by its reference and act on it.

The reference is typed (case, spaces and dashes do not matter) or scanned from the
citizen's QR code, which encodes just the reference text; the page scans with the
browser's ``BarcodeDetector`` where there is one and is a plain form otherwise.
A lookup is a GET (``?ref=``); checking in, confirming and marking a no-show are
POSTs with Plone's authenticator, answered by a redirect to the lookup
(Post/Redirect/Get). A refusal is a message on the page with its 4xx status.
"""

from urllib.parse import urlencode

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu import _
from zhengwu.bookings import service
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.messages import message_of
from zhengwu.bookings.messages import status_of
from zhengwu.bookings.staff.presenting import booking_rows
from zhengwu.bookings.staff.presenting import state_title
from zhengwu.formatting import format_date
from zhengwu.vocabularies.language import language_of

ACTIONS = {
    "check_in": (service.check_in, _("Checked in: ${reference}")),
    "confirm": (service.confirm, _("Confirmed: ${reference}")),
    "no_show": (service.mark_no_show, _("Marked as not come: ${reference}")),
}


class CheckInView(BrowserView):
    """Look a booking up, show it in full for the ID check, and act on it."""

    booking = None
    day = None
    problem = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            return self.act()
        typed = self.request.form.get("ref")
        if isinstance(typed, str) and typed.strip():
            self.look_up(typed)
        return self.index()

    def look_up(self, typed):
        self.day, self.booking = service.find(self.context, typed)
        if self.booking is None:
            refusal = Refused("no_such_booking")
            self.problem = message_of(refusal, self.request)
            self.request.response.setStatus(status_of(refusal))

    def act(self):
        form = self.request.form
        reference = service.normal_reference(form.get("ref"))
        action = ACTIONS.get(form.get("action"))
        if action is None or reference is None:
            refusal = Refused("no_such_booking")
            api.portal.show_message(
                message_of(refusal, self.request), self.request, type="error"
            )
            return self.redirect(form.get("ref") if reference is None else reference)
        operation, done = action
        try:
            operation(self.context, reference)
        except Refused as refusal:
            api.portal.show_message(
                message_of(refusal, self.request), self.request, type="error"
            )
        else:
            api.portal.show_message(
                translate(
                    _(done, mapping={"reference": reference}), context=self.request
                ),
                self.request,
            )
        return self.redirect(reference)

    def redirect(self, reference):
        query = urlencode({"ref": reference}) if isinstance(reference, str) else ""
        url = f"{self.context.absolute_url()}/@@check-in"
        self.request.response.redirect(f"{url}?{query}" if query else url)
        return ""

    @property
    def language(self):
        return language_of(self.context)

    def typed(self):
        value = self.request.form.get("ref", "")
        return value[:40] if isinstance(value, str) else ""

    def details(self):
        """The booking in full (the clerk compares it with the ID cards)."""
        booking = self.booking
        if booking is None:
            return None
        return {
            "reference": booking.reference,
            "date": format_date(self.day, self.language),
            "slot": booking.slot,
            "window": getattr(booking, "window", None) or "",
            "state": booking.state,
            "state_title": state_title(booking, self.request),
            "people": booking_rows(booking, full=True),
            "phone": booking.contact.get("phone", ""),
            "address": booking.contact.get("address", ""),
            "situation": booking.contact.get("situation", ""),
            "note": booking.contact.get("note", ""),
        }

    def actions(self):
        """The buttons this booking offers: (action, title), the service decides."""
        booking = self.booking
        offered = []
        if booking.state == "booked":
            if getattr(booking, "confirmed", None) is False:
                offered.append(("confirm", _("Confirm")))
            else:
                offered.append(("check_in", _("Check in")))
            offered.append(("no_show", _("Mark as not come")))
        return offered

    def scanner_url(self):
        portal = api.portal.get().absolute_url()
        return f"{portal}/++resource++zhengwu.bookings.staff/check-in.js"
