"""``POST <anything>/@booking-code`` ``{"phone": "…"}`` or ``{"email": "…"}``.

Sends a verification code (``bookings/verification.py``) for a visitor to book
without an account: 202 ``{"sent_to": "138****5678", "expires_in": 600}``; 400
for a bad number or address; 429 with ``Retry-After`` when codes to that address
come too often; 503 when the code cannot be sent. Public: visitors book without
an account (a logged-in browser still passes the cross-site check).
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.bookings import verification
from zhengwu.bookings.ledger import Refused
from zhengwu.bounds.body import json_object
from zhengwu.bounds.body import text_field
from zhengwu.services.bookings.common import refusal_answer
from zhengwu.services.errors.answer import error_answer

FIELDS = {"phone": ("sms", 20), "email": ("email", verification.MAX_EMAIL)}


def channel_and_address(data):
    """("sms" or "email", address) from the body; Refused when not exactly one."""
    given = [name for name in FIELDS if text_field(data, name).strip()]
    if len(given) != 1:
        raise Refused("phone_or_email")
    name = given[0]
    channel, limit = FIELDS[name]
    address = text_field(data, name)
    if len(address) > limit:
        raise Refused("too_long", field=name, limit=limit)
    return channel, address


class BookingCodePost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        try:
            channel, address = channel_and_address(data)
            answer = verification.send_code(
                self.context, channel, address, self.request
            )
        except Refused as refusal:
            if "retry_after" in refusal.mapping:
                retry = str(refusal.mapping["retry_after"])
                self.request.response.setHeader("Retry-After", retry)
            return refusal_answer(self.request, refusal)
        except verification.CodeNotSent:
            verification.logger.exception("A booking code could not be sent")
            message = _(
                "The code could not be sent just now. Please try again in a few "
                "minutes."
            )
            return error_answer(
                self.request,
                503,
                translate(message, context=self.request),
                kind="CodeNotSent",
            )
        self.request.response.setStatus(202)
        return answer
