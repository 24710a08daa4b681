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
from zhengwu.safety.ratelimit import RateLimiter
from zhengwu.services.booking_access import refusal_answer
from zhengwu.services.errors.answer import error_answer

FIELDS = {"phone": ("sms", 20), "email": ("email", verification.MAX_EMAIL)}
# Codes one client address may ask for per hour, whatever the numbers: one visitor
# cannot make the site send codes to many phones (counted per Zope process).
CODES_PER_ADDRESS = 20
HOUR = 3600
_by_address = RateLimiter(CODES_PER_ADDRESS, HOUR)
COUNTED = "zhengwu.booking_code.counted"


def count_client(request):
    """Count a code asked from the request's address (once across Zope's retries);
    Refused("code_too_soon") beyond the limit."""
    environ = getattr(request, "_orig_env", None) or request.environ
    key = f"ip:{request.getClientAddr()}"
    if environ.get(COUNTED):
        return
    if not _by_address.hit(key):
        raise Refused(
            "code_too_soon", retry_after=int(_by_address.retry_after(key)) + 1
        )
    environ[COUNTED] = True


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
            count_client(self.request)
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
