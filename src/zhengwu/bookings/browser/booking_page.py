"""``@@booking?ref=&token=`` (the holder's page of a booking) and its cancel button.

Only the holder sees it: a member by their account, a visitor by the token of the
confirmation link (``notify.holder_link``); anyone else gets 404, as for a
reference that does not exist. The reference in big type and as a QR check-in
code (the code holds just the reference), the numbers masked.
"""

from urllib.parse import urlencode

from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from zExceptions import NotFound

from zhengwu import _
from zhengwu.bookings import ledger as states
from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings.browser.wording import STATE_LABELS
from zhengwu.bookings.browser.wording import long_day
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.messages import message_of
from zhengwu.qr import qr_svg
from zhengwu.theming.portlets import without_portlets
from zhengwu.vocabularies.language import language_of

CANCELLABLE = (states.BOOKED, states.WAITING)


def held_booking(bookable, request):
    """(day, booking) of ``ref`` when the caller holds it; NotFound otherwise."""
    reference = request.form.get("ref")
    reference = reference if isinstance(reference, str) else ""
    day, booking = service.find(bookable, reference)
    if booking is None:
        raise NotFound(reference[:20])
    account = None if api.user.is_anonymous() else api.user.get_current().getId()
    holder = booking.contact.get("account")
    token = request.form.get("token")
    if holder:
        allowed = account == holder
    else:
        allowed = isinstance(token, str) and service.token_matches(
            booking.reference, token
        )
    if not allowed:
        raise NotFound(reference[:20])
    return day, booking


class BookingView(BrowserView):
    def __call__(self):
        without_portlets(self.request)
        self.day, self.booking = held_booking(self.context, self.request)
        self.language = language_of(self.context)
        return self.index()

    def details(self):
        booking = self.booking
        data = service.booking_json(self.context, self.day, booking, holder=True)
        return {
            **data,
            "day": long_day(self.day, self.language),
            "state_label": STATE_LABELS.get(booking.state, booking.state),
            "awaits_confirmation": data["confirmed"] is False
            and booking.state == states.BOOKED,
        }

    def qr(self):
        """The check-in code: an inline SVG of just the reference."""
        svg = qr_svg(self.booking.reference).decode("utf-8")
        return svg[svg.index("<svg") :]

    def cancellable(self):
        slot = rules.find_slot(self.context, self.booking.slot)
        return self.booking.state in CANCELLABLE and rules.still_cancellable(
            self.context, self.day, slot, rules.now()
        )

    def token(self):
        token = self.request.form.get("token")
        return token if isinstance(token, str) else ""

    def is_visitor(self):
        return not self.booking.contact.get("account")


class CancelBookingView(BrowserView):
    """POST ``@@cancel-booking`` (ref, token, CSRF): the holder cancels."""

    def __call__(self):
        if self.request.method != "POST":
            raise NotFound("cancel-booking")
        check_authenticator(self.request)
        _day, booking = held_booking(self.context, self.request)
        try:
            service.cancel(self.context, booking.reference)
        except Refused as refusal:
            api.portal.show_message(
                message_of(refusal, self.request), self.request, type="error"
            )
        else:
            api.portal.show_message(_("Your booking is cancelled."), self.request)
        query = {"ref": booking.reference}
        if self.request.form.get("token"):
            query["token"] = self.request.form["token"]
        self.request.response.redirect(
            f"{self.context.absolute_url()}/@@booking?{urlencode(query)}"
        )
        return ""
