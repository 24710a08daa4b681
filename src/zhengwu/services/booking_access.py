"""What the booking services share: reading dates and references, refusals as JSON.

A ``Refused`` from the booking service becomes the project's error JSON with the
status of its reason (``bookings/messages.py``); the transaction of an error
answer is doomed (``services/errors/doom.py``), so a refused request writes
nothing.
"""

import datetime

from AccessControl import getSecurityManager
from plone import api
from plone.restapi.services import Service
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

from zhengwu.bookings import service
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.messages import message_of
from zhengwu.bookings.messages import status_of
from zhengwu.services.errors.answer import error_answer

CHECK_IN = "zhengwu: Check in bookings"


def refusal_answer(request, refusal):
    return error_answer(
        request,
        status_of(refusal),
        message_of(refusal, request),
        kind="BookingRefused",
        reason=refusal.reason,
    )


def parse_day(value, default=None):
    """A date from ``YYYY-MM-DD``; Refused("bad_date") for anything else."""
    if value in (None, "") and default is not None:
        return default
    if not isinstance(value, str) or len(value) != len("2026-01-01"):
        raise Refused("bad_date")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Refused("bad_date") from None


def is_staff(context):
    return bool(getSecurityManager().checkPermission(CHECK_IN, context))


def current_account():
    return None if api.user.is_anonymous() else api.user.get_current().getId()


class BookableService(Service):
    """A service of a Bookable: 404 elsewhere; Refused answered as JSON."""

    def check_permission(self):
        if getattr(self.context, "portal_type", None) != "Bookable":
            raise NotFound(self.request.get("URL", ""))
        super().check_permission()

    def reply(self):
        try:
            return self.answer()
        except Refused as refusal:
            return refusal_answer(self.request, refusal)


@implementer(IPublishTraverse)
class ReferenceService(BookableService):
    """A service addressed ``@bookings/<reference>``."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    @property
    def reference(self):
        if len(self.params) != 1:
            return None
        return self.params[0]

    def found(self):
        """(day, booking) of the reference, and how much the caller may see:
        "staff", "holder"; Refused("no_such_booking") for anyone else."""
        day, booking = service.find(self.context, self.reference)
        if booking is None:
            raise Refused("no_such_booking")
        if is_staff(self.context):
            return day, booking, "staff"
        account = current_account()
        if account and booking.contact.get("account") == account:
            return day, booking, "holder"
        token = self.request.form.get("token") or self.request.getHeader(
            "X-Booking-Token"
        )
        if isinstance(token, str) and service.token_matches(booking.reference, token):
            return day, booking, "holder"
        # a reference someone else holds answers like an unknown one
        raise Refused("no_such_booking")
