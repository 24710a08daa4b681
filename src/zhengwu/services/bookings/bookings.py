"""``@bookings`` of a bookable service: book, read, cancel, list a day, mark.

- ``POST @bookings`` ``{"date", "slot", "people": [{"name", "id_number"}, …],
  "phone", "email", "address", "situation", "note", "code"}``: 201 with the
  booking, its ``reference`` and (for a visitor) the ``token`` that reads and
  cancels it; a visitor proves the phone with ``code`` (``@booking-code``; a
  code sent to the e-mail address with ``"code_by": "email"``); a member books
  with their account.
- ``GET @bookings/<reference>`` (holder: the member, or ``token``; staff) and
  ``DELETE @bookings/<reference>`` (cancel; the holder until the cut-off).
- ``GET @bookings?date=`` the day's list and ``PATCH @bookings/<reference>``
  ``{"state": "checked_in" | "no_show"}`` or ``{"confirmed": true}``: staff who
  check in (``zhengwu: Check in bookings``) only; they see numbers in full,
  everyone else masked.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from zExceptions import Unauthorized
from zope.interface import alsoProvides

from zhengwu.bookings import notify
from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings import verification
from zhengwu.bookings.ledger import Refused
from zhengwu.bounds.body import json_object
from zhengwu.services.booking_access import BookableService
from zhengwu.services.booking_access import ReferenceService
from zhengwu.services.booking_access import current_account
from zhengwu.services.booking_access import is_staff
from zhengwu.services.booking_access import parse_day

TEXT_FIELDS = ("phone", "email", "address", "situation", "note")


def verify_visitor(context, contact, data):
    """A visitor's code, sent to their phone (or, with ``"code_by": "email"``, to
    their e-mail); a wrong one is counted although the request fails."""
    code = data.get("code") if isinstance(data.get("code"), str) else ""
    if data.get("code_by") == "email":
        channel, address = "email", contact["email"].strip()
    else:
        channel, address = "sms", "".join(contact["phone"].split())
    verification.check_and_count(context, channel, address, code)


class BookingsPost(BookableService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        day = parse_day(data.get("date"))
        contact = {
            name: data.get(name) if isinstance(data.get(name), str) else ""
            for name in TEXT_FIELDS
        }
        account = current_account()
        if getattr(self.context, "account_required", False) and not account:
            raise Refused("account_required")
        if not account:
            verify_visitor(self.context, contact, data)
        slot = data.get("slot") if isinstance(data.get("slot"), str) else ""
        moment = rules.now()
        booking = service.book(
            self.context, day, slot, data.get("people"), contact, account, moment
        )
        notify.send_confirmation(self.context, day, booking, self.request)
        answer = service.booking_json(self.context, day, booking, holder=True)
        if not account:
            answer["token"] = service.holder_token(booking.reference)
        answer["page"] = notify.holder_link(self.context, booking)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", answer["@id"])
        return answer


class BookingsGet(ReferenceService):
    def answer(self):
        if self.reference is None and not self.params:
            return self.day_list()
        day, booking, role = self.found()
        return service.booking_json(
            self.context, day, booking, full=role == "staff", holder=role == "holder"
        )

    def day_list(self):
        if not is_staff(self.context):
            raise Unauthorized("Only the staff who check in list a day's bookings.")
        today = rules.now().astimezone(rules.TIMEZONE).date()
        day = parse_day(self.request.form.get("date"), default=today)
        items = [
            service.booking_json(self.context, day, booking, full=True)
            for booking in service.day_list(self.context, day)
        ]
        return {
            "@id": f"{self.context.absolute_url()}/@bookings?date={day.isoformat()}",
            "date": day.isoformat(),
            "items": items,
            "items_total": len(items),
        }


class BookingsDelete(ReferenceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        day, booking, role = self.found()
        service.cancel(self.context, booking.reference, by_staff=role == "staff")
        return service.booking_json(self.context, day, booking, full=role == "staff")


class BookingsPatch(ReferenceService):
    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if not is_staff(self.context):
            raise Unauthorized("Only the staff who check in mark bookings.")
        data = json_object(self.request)
        day, booking, _role = self.found()
        state = data.get("state")
        if data.get("confirmed") is True:
            service.confirm(self.context, booking.reference)
        elif state == "checked_in":
            service.check_in(self.context, booking.reference)
        elif state == "no_show":
            service.mark_no_show(self.context, booking.reference)
        else:
            raise Refused("bad_change")
        return service.booking_json(self.context, day, booking, full=True)
