"""``POST @moderation``: a moderator acts on a post, like the queue page.

``{"uid", "action": "approve" | "reject" | "hide" | "reroute" | "dismiss",
"comment", "department"}``; answers the post's new state, or 400 with the reason.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu.bounds.body import json_object
from zhengwu.bounds.body import text_field
from zhengwu.participation.staff.actions import ModerationError
from zhengwu.participation.staff.actions import moderate


class ModerationPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        action = text_field(data, "action", None)
        try:
            post = moderate(
                text_field(data, "uid", None),
                action,
                text_field(data, "comment", None),
                text_field(data, "department", None),
            )
        except ModerationError as error:
            raise BadRequest(translate(error.message, context=self.request)) from None
        return {
            "@id": post.absolute_url(),
            "UID": api.content.get_uuid(post),
            "action": action,
            "review_state": api.content.get_state(post, default=None),
            "department": getattr(post, "department", None),
        }
