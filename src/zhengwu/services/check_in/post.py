"""``POST <bookable>/@check-in`` ``{"reference"}``: the window staff check a booking
of today in (``zhengwu: Check in bookings``); numbers in full in the answer."""

from plone.protect.interfaces import IDisableCSRFProtection
from zExceptions import Unauthorized
from zope.interface import alsoProvides

from zhengwu.bookings import service
from zhengwu.bookings.ledger import Refused
from zhengwu.bounds.body import json_object
from zhengwu.services.booking_access import BookableService
from zhengwu.services.booking_access import is_staff


class CheckInPost(BookableService):
    """``POST @check-in`` ``{"reference"}``: the clerk checks a booking of today in."""

    def answer(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if not is_staff(self.context):
            raise Unauthorized("Only the staff who check in.")
        data = json_object(self.request)
        reference = (
            data.get("reference") if isinstance(data.get("reference"), str) else ""
        )
        day, booking = service.find(self.context, reference)
        if booking is None:
            raise Refused("no_such_booking")
        service.check_in(self.context, booking.reference)
        return service.booking_json(self.context, day, booking, full=True)
