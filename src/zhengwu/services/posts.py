"""What ``@ask``, ``@strategy`` and ``@answer`` share: citizens' posts over REST.

Each goes through ``participation/posting.py`` (the same checks as the forms) and
answers 201 with the new post; bad input answers 400 naming the field, too many
posts 429 with ``Retry-After``.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.intid.interfaces import IIntIds

from zhengwu import _
from zhengwu.bounds.body import json_object
from zhengwu.participation import posting
from zhengwu.safety.text import PostError
from zhengwu.services.errors.answer import error_answer


def post_summary(post):
    """The new post as the services answer it."""
    return {
        "@id": post.absolute_url(),
        "@type": post.portal_type,
        "UID": api.content.get_uuid(post),
        "title": post.Title(),
        "review_state": api.content.get_state(post),
        "held": bool(getattr(post, "held_words", ())),
        "department": getattr(post, "department", None),
        "suggested_department": getattr(post, "suggested_department", None),
    }


def guide_relation(uid):
    """A relation to the guide ``uid`` (None for none); PostError for no guide."""
    if not uid:
        return None
    guide = api.content.get(UID=uid)
    if guide is None or guide.portal_type != "Guide":
        raise PostError("guide", _("No published guide has this UID."))
    return RelationValue(getUtility(IIntIds).getId(guide))


class PostService(Service):
    """Create a post from the JSON body (``create``); 201, 400 or 429."""

    def error(self, status, error):
        if status == 429:
            self.request.response.setHeader("Retry-After", str(int(error.retry_after)))
        return error_answer(
            self.request,
            status,
            translate(error.message, context=self.request),
            kind="RateLimited" if status == 429 else "BadRequest",
            field=error.field or None,
        )

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        try:
            post = self.create(data)
        except posting.RateLimited as error:
            return self.error(429, error)
        except PostError as error:
            return self.error(400, error)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", post.absolute_url())
        return post_summary(post)
