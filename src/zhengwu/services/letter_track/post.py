"""``POST <language root>/@letter-track``: follow a letter by number and code.

Body ``{"tracking_number", "query_code"}``, optionally ``"action": "rate"`` with
``"rating"`` (satisfied, basically, unsatisfied) or ``"action": "reopen"``. 200
with the letter as its writer sees it (``interaction/public.py``); 404 alike for
an unknown number and a wrong code; 400 for a step not possible now; 429 with
``Retry-After`` after too many tries from one address (guessing codes).
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.bounds.body import json_object
from zhengwu.bounds.body import text_field
from zhengwu.interaction import letters
from zhengwu.interaction.public import writer_view
from zhengwu.interaction.settings import site_channels
from zhengwu.safety.ratelimit import RateLimiter
from zhengwu.services.errors.answer import error_answer
from zhengwu.workflows.tasks import site_calendar

TRIES_PER_HOUR = 30
HOUR = 3600
_tries = RateLimiter(TRIES_PER_HOUR, HOUR)
ACTIONS = ("", "rate", "reopen")


class LetterTrackPost(Service):
    def fail(self, status, message, kind="BadRequest"):
        return error_answer(
            self.request, status, translate(message, context=self.request), kind=kind
        )

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        number = text_field(data, "tracking_number")
        code = text_field(data, "query_code")
        action = text_field(data, "action")
        if action not in ACTIONS:
            return self.fail(400, _("Please choose from the list."))
        key = f"ip:{self.request.getClientAddr()}"
        if not _tries.hit(key):
            retry = int(_tries.retry_after(key)) + 1
            self.request.response.setHeader("Retry-After", str(retry))
            message = _("Too many tries. Please try again later.")
            return self.fail(429, message, kind="RateLimited")
        site = api.portal.get()
        letter = letters.find(site, number, code)
        if letter is None:
            message = _("No letter has this tracking number and query code.")
            return self.fail(404, message, kind="NotFound")
        try:
            if action == "rate":
                letters.rate(letter, text_field(data, "rating"))
            elif action == "reopen":
                letters.reopen(letter)
        except letters.LetterRefused as error:
            return self.fail(400, error.message)
        channel = site_channels(site).get(letter.channel)
        return writer_view(letter, channel, site_calendar())
