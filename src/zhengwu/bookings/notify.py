"""The confirmation mail of a booking: reference, slot, check-in code, the way back.

Sent through the site's MailHost (queued, so it leaves only when the booking is
committed); a mail that cannot be handed over is logged and never undoes the
booking.
"""

import logging

from plone import api
from zope.i18n import translate

from zhengwu import _
from zhengwu.bookings import service

logger = logging.getLogger("zhengwu.bookings")
FALLBACK_SENDER = "noreply@localhost"


def holder_link(bookable, booking):
    """The page of the booking for its holder (with the token for visitors)."""
    url = f"{bookable.absolute_url()}/@@booking?ref={booking.reference}"
    if not booking.contact.get("account"):
        url += f"&token={service.holder_token(booking.reference)}"
    return url


def confirmation_text(bookable, day, booking, request):
    lines = [
        _("Your booking of ${title} is confirmed.", mapping={"title": bookable.Title()})
        if getattr(booking, "confirmed", None) is not False
        else _(
            "Your booking of ${title} is received; the department will confirm it.",
            mapping={"title": bookable.Title()},
        ),
        _("Reference: ${reference}", mapping={"reference": booking.reference}),
        _(
            "Date and time: ${day} ${slot}",
            mapping={"day": day.isoformat(), "slot": booking.slot},
        ),
        _("Places: ${places}", mapping={"places": booking.places}),
        _(
            "Show the check-in code on this page at the entrance, or tell the "
            "reference: ${link}",
            mapping={"link": holder_link(bookable, booking)},
        ),
    ]
    if getattr(booking, "window", None):
        lines.insert(3, _("Window: ${window}", mapping={"window": booking.window}))
    return "\n".join(translate(line, context=request) for line in lines)


def send_confirmation(bookable, day, booking, request):
    """Mail the holder when they gave an e-mail address; never raises."""
    address = booking.contact.get("email")
    if not address:
        return False
    subject = translate(
        _("Booking ${reference}", mapping={"reference": booking.reference}),
        context=request,
    )
    sender = api.portal.get_registry_record("plone.email_from_address", default=None)
    try:
        api.portal.get_tool("MailHost").send(
            confirmation_text(bookable, day, booking, request),
            mto=address,
            mfrom=sender or FALLBACK_SENDER,
            subject=subject,
            charset="utf-8",
            immediate=False,
        )
    except Exception:  # a mail problem must not undo the booking
        logger.exception("Could not mail the confirmation of %s", booking.reference)
        return False
    return True
