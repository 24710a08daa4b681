"""plone.restapi twins of the staff pages: ``@moderation``, ``@answer-dashboard``,
``@answer-times``.

``GET @moderation`` on the site or a language root: ``{"pending", "reported",
"log"}``; ``POST @moderation`` ``{"uid", "action": "approve" | "reject" | "hide" |
"reroute", "comment", "department"}`` acts like the page and answers the post's
new state, or 400 with the reason. ``GET @answer-dashboard`` on a department and
``GET @answer-times?sort_on=&reverse=`` answer what their pages show.
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
from zhengwu.participation.staff.answer_times import COLUMNS
from zhengwu.participation.staff.answer_times import answer_times
from zhengwu.participation.staff.dashboard import dashboard
from zhengwu.participation.staff.queue import moderation_queue


class ModerationGet(Service):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@moderation",
            **moderation_queue(self.context),
        }


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


class AnswerDashboardGet(Service):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@answer-dashboard",
            **dashboard(self.context),
        }


class AnswerTimesGet(Service):
    def reply(self):
        sort_on = self.request.form.get("sort_on")
        items = answer_times(
            self.context,
            sort_on if sort_on in COLUMNS else None,
            bool(self.request.form.get("reverse")),
        )
        return {
            "@id": f"{self.context.absolute_url()}/@answer-times",
            "items": items,
            "items_total": len(items),
        }
