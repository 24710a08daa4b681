"""The editors' hot list (热点问题): ``@@hot-questions`` and ``@hot-questions``.

On a language root: the hot questions with what made them hot, the hot search
topics and whether one was answered first. ``POST`` (form or REST
``{"query", "question": UID}``) answers a topic first with an officially answered
question (``hot.answer_first``).
"""

from plone import api
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.bounds.body import json_object
from zhengwu.bounds.body import text_field
from zhengwu.participation import hot


def hot_state(root):
    site = api.portal.get()
    return {
        "@id": f"{root.absolute_url()}/@hot-questions",
        "questions": [
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "review_state": brain.review_state,
                "department": brain.department,
                "score": score,
                **parts,
            }
            for brain, score, parts in hot.hot_questions(root)
        ],
        "topics": [
            {"query": query, "searches": count, "answered_first": answered}
            for query, count, answered in hot.hot_topics(site)
        ],
    }


def answer_topic_first(request, query, uid):
    """Pin the question ``uid`` to ``query``; a translated error message or None."""
    query = (query or "").strip()
    question = api.content.get(UID=uid) if uid else None
    if not query:
        return _("Enter the search the answer is for.")
    if question is None or question.portal_type != "Question":
        return _("Choose a question.")
    try:
        hot.answer_first(api.portal.get(), query, question)
    except hot.NotAnswerable:
        return _("Only a question with a published official answer can come first.")
    return None


class HotQuestionsView(BrowserView):
    def __call__(self):
        self.error = None
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            self.error = answer_topic_first(
                self.request, form.get("query"), form.get("question")
            )
            if self.error is None:
                api.portal.show_message(
                    _("The answer now comes first for this search."), self.request
                )
        self.state = hot_state(self.context)
        return self.index()


class HotQuestionsGet(Service):
    def reply(self):
        return hot_state(self.context)


class HotQuestionsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        error = answer_topic_first(
            self.request,
            text_field(data, "query", None),
            text_field(data, "question", None),
        )
        if error is not None:
            raise BadRequest(translate(error, context=self.request))
        return hot_state(self.context)
