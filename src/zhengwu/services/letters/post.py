"""``POST <language root>/@letters``: a citizen writes a letter (写信).

Body ``{"channel", "subject", "body", "visibility": "public"|"private",
"publish_consent", "name", "phone", "attachments": [{"filename", "data":
base64}]}``. 201 ``{"tracking_number", "query_code", "accept_by", "letter"}`` —
the query code is given this once; 400 ``{"error": {"errors": {field: why}}}``
with every refusal; 429 with ``Retry-After`` for too many letters.
"""

import base64
import binascii
import datetime

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.bounds.body import json_object
from zhengwu.interaction.letters import LetterRefused
from zhengwu.interaction.letters import receive
from zhengwu.interaction.public import writer_view
from zhengwu.interaction.settings import site_channels
from zhengwu.interaction.writing import ATTACHMENT_KIND
from zhengwu.interaction.writing import LetterError
from zhengwu.interaction.writing import checked_letter
from zhengwu.participation.posting import RateLimited
from zhengwu.participation.posting import check_rate
from zhengwu.services.errors.answer import error_answer
from zhengwu.workflows.tasks import TIMEZONE
from zhengwu.workflows.tasks import site_calendar

COUNT_RECORD = "zhengwu.interaction.max_attachments"
SIZE_RECORD = "zhengwu.interaction.max_attachment_kb"


def attachment_bounds():
    """(most files, most bytes per file) of a letter, from the registry."""
    count = api.portal.get_registry_record(COUNT_RECORD, default=3)
    kb = api.portal.get_registry_record(SIZE_RECORD, default=5120)
    return count, kb * 1024


def decoded_files(data):
    """[(kind, bytes, name)] of the body's attachments; LetterError when they
    are not a list of {"filename", "data": base64}."""
    items = data.get("attachments") or []
    bad = LetterError({"attachments": _("Send each file as {filename, data}.")})
    if not isinstance(items, list):
        raise bad
    files = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("data"), str):
            raise bad
        try:
            content = base64.b64decode(item["data"], validate=True)
        except (binascii.Error, ValueError):
            raise bad from None
        files.append((ATTACHMENT_KIND, content, str(item.get("filename") or "")))
    return files


def translated(errors, request):
    return {
        field: translate(message, context=request) for field, message in errors.items()
    }


class LettersPost(Service):
    def refuse(self, errors):
        message = translate(_("Please check the letter."), context=self.request)
        return error_answer(
            self.request,
            400,
            message,
            errors=translated(errors, self.request),
        )

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        site = api.portal.get()
        channels = site_channels(site)
        userid = None if api.user.is_anonymous() else api.user.get_current().getId()
        try:
            written = checked_letter(
                data, decoded_files(data), channels, attachment_bounds()
            )
            check_rate(self.request, userid or f"ip:{self.request.getClientAddr()}")
            today = datetime.datetime.now(TIMEZONE).date()
            letter, code = receive(site, written, today, userid=userid)
        except LetterError as error:
            return self.refuse(error.errors)
        except LetterRefused as error:
            return self.refuse({"": error.message})
        except RateLimited as error:
            self.request.response.setHeader("Retry-After", str(int(error.retry_after)))
            return error_answer(
                self.request,
                429,
                translate(error.message, context=self.request),
                kind="RateLimited",
            )
        view = writer_view(letter, channels.get(letter.channel), site_calendar())
        self.request.response.setStatus(201)
        return {
            "tracking_number": letter.Title(),
            "query_code": code,
            "accept_by": view.get("accept_by"),
            "letter": view,
        }
