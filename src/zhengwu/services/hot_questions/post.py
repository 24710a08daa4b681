"""``POST @hot-questions`` ``{"query", "question": UID}``: answer a hot topic first.

The question (with a published official answer) comes first for that search;
answers the hot list, or 400 with the reason.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu.bounds.body import json_object
from zhengwu.bounds.body import text_field
from zhengwu.participation.hot import answer_topic_first
from zhengwu.participation.hot import hot_state


class HotQuestionsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_object(self.request)
        error = answer_topic_first(
            text_field(data, "query", None), text_field(data, "question", None)
        )
        if error is not None:
            raise BadRequest(translate(error, context=self.request))
        return hot_state(self.context)
