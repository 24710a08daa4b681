"""plone.restapi endpoints for citizens' posts: ``@ask``, ``@answer``, ``@report``,
``@similar-questions``.

``POST @ask`` on the board ``{"title", "details", "guide": UID}``, ``POST
@strategy`` on the board ``{"title", "text", "guide": UID}`` and ``POST @answer`` on
a question ``{"text"}`` go through ``posting`` (the same checks as the
forms) and answer 201 with the new post; bad input answers 400 naming the field,
too many posts 429 with ``Retry-After``. ``POST @report`` ``{"reason"}`` reports a
post to the moderators. ``@answer`` and ``@report`` on a post the user cannot
view answer 404 (``visible.py``). ``GET @similar-questions?q=`` on the board lists
published questions and guides like the text (the site search: Solr, pinyin,
typos), for the ask form's hint that the question may have been answered already.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.bounds.body import json_object
from zhengwu.bounds.body import text_field
from zhengwu.participation import moderation
from zhengwu.participation import posting
from zhengwu.participation.safety.text import PostError
from zhengwu.participation.safety.text import clean_plain_text
from zhengwu.participation.visible import VisibleOnly

SIMILAR_LIMIT = 5
SIMILAR_STATES = ("open", "answered", "closed", "published")
REASON_MAX = 500


def post_summary(post):
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


class _PostService(Service):
    def error(self, status, error):
        self.request.response.setStatus(status)
        body = {
            "type": "RateLimited" if status == 429 else "BadRequest",
            "message": translate(error.message, context=self.request),
            "field": error.field or None,
        }
        if status == 429:
            self.request.response.setHeader("Retry-After", str(int(error.retry_after)))
        return {"error": body}

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


def _guide(uid):
    if not uid:
        return None
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    guide = api.content.get(UID=uid)
    if guide is None or guide.portal_type != "Guide":
        raise PostError("guide", _("No published guide has this UID."))
    return RelationValue(getUtility(IIntIds).getId(guide))


class AskPost(_PostService):
    def create(self, data):
        return posting.ask_question(
            self.context,
            self.request,
            text_field(data, "title"),
            text_field(data, "details"),
            guide=_guide(text_field(data, "guide")),
        )


class StrategyPost(_PostService):
    def create(self, data):
        return posting.write_strategy(
            self.context,
            self.request,
            text_field(data, "title"),
            text_field(data, "text"),
            guide=_guide(text_field(data, "guide")),
        )


class AnswerPost(VisibleOnly, _PostService):
    def create(self, data):
        return posting.answer_question(
            self.context, self.request, text_field(data, "text")
        )


class ReportPost(VisibleOnly, Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        if api.user.is_anonymous():
            raise Unauthorized("Log in to report a post.")
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


def similar_to(board, text, limit=SIMILAR_LIMIT):
    """Published questions and guides of the board's language root like ``text``."""
    text = (text or "").strip()
    if len(text) < 2:
        return []
    root = board.aq_parent
    brains = api.content.find(
        context=root,
        SearchableText=text,
        portal_type=["Question", "Guide"],
        review_state=list(SIMILAR_STATES),
        sort_limit=limit,
    )[:limit]
    return [
        {
            "@id": brain.getURL(),
            "UID": brain.UID,
            "@type": brain.portal_type,
            "title": brain.Title,
            "review_state": brain.review_state,
        }
        for brain in brains
    ]


class SimilarGet(Service):
    def reply(self):
        return {"items": similar_to(self.context, self.request.form.get("q", ""))}
