"""``POST @report`` ``{"reason"}`` on a post: a member reports it to the moderators.

On a post the user cannot view it answers 404 (``services/access.py``).
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu.bounds.body import json_object
from zhengwu.bounds.body import text_field
from zhengwu.participation import moderation
from zhengwu.safety.text import PostError
from zhengwu.safety.text import clean_plain_text
from zhengwu.services.access import VisibleOnly
from zhengwu.services.access import current_member

REASON_MAX = 500


class ReportPost(VisibleOnly, Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        current_member("Log in to report a post.")
        data = json_object(self.request)
        try:
            reason = clean_plain_text(
                text_field(data, "reason"), REASON_MAX, field="reason"
            )
        except PostError as error:
            raise BadRequest(translate(error.message, context=self.request)) from error
        moderation.report(self.context, reason)
        self.request.response.setStatus(201)
        return {"reported": True}
