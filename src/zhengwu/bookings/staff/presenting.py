"""How the staff pages show a booking: state titles, people in full or masked."""

from zope.i18n import translate

from zhengwu import _
from zhengwu.bookings import ledger as states
from zhengwu.masking import mask_id_number
from zhengwu.masking import mask_phone

STATE_TITLES = {
    states.BOOKED: _("Booked"),
    states.WAITING: _("On the waiting list"),
    states.CANCELLED: _("Cancelled"),
    states.CHECKED_IN: _("Checked in"),
    states.NO_SHOW: _("Did not come"),
}
UNCONFIRMED = _("Waits for the department's confirmation")


def state_title(booking, request):
    """The booking's state as the page says it."""
    if booking.state == states.BOOKED and getattr(booking, "confirmed", None) is False:
        return translate(UNCONFIRMED, context=request)
    return translate(STATE_TITLES.get(booking.state, booking.state), context=request)


def state_titles(request):
    """(state, title) of every state, in the ledger's order."""
    return [
        (state, translate(STATE_TITLES[state], context=request))
        for state in states.ALL_STATES
    ]


def mask_name(value):
    """A name reduced to its first character (张**): for those who only count."""
    value = str(value or "")
    return value[:1] + "*" * min(max(len(value) - 1, 1), 3) if value else ""


def booking_rows(booking, full):
    """The people of a booking: names and ID numbers, in full or masked."""
    return [
        {
            "name": person.get("name", "") if full else mask_name(person.get("name")),
            "id_number": person.get("id_number", "")
            if full
            else mask_id_number(person.get("id_number", "")),
        }
        for person in booking.people
    ]


def phone_of(booking, full):
    phone = booking.contact.get("phone", "")
    return phone if full else mask_phone(phone)
