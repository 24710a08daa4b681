"""``@assistant``: ``{"q", "context"}`` in (query string or JSON body), one reply out.

Answers ``{"behaviour", "answer", "sources", "followups", "options", "context"}``
(and ``handover`` when people take over). Bad input is a 400 with the usual error
body; an unexpected failure becomes a handover, never a 500.
"""

import json
import logging

from plone.restapi.services import Service
from ZODB.POSException import ConflictError
from zope.i18n import translate

from zhengwu import _
from zhengwu.assistant.answer import Assistant
from zhengwu.assistant.context import BadContext
from zhengwu.bounds.limits import MAX_QUERY_LENGTH
from zhengwu.services.errors.answer import error_answer

logger = logging.getLogger(__name__)
# Characters of a question: what Zhengwu's request bounds leave of a query string's
# ``q`` (bounds/request.py cuts it), and the most a JSON body may send.
MAX_INPUT = MAX_QUERY_LENGTH
MAX_BODY = 4000  # bytes of a POST body


class AssistantGet(Service):
    """One turn of the conversation."""

    def refuse(self, message):
        text = translate(message, context=self.request)
        return error_answer(self.request, 400, text)

    def parameters(self):
        return self.request.form

    def reply(self):
        try:
            data = self.parameters()
        except ValueError:
            return self.refuse(_('Send a JSON object {"q": …}.'))
        question, token = data.get("q"), data.get("context")
        if not isinstance(question, str) or not question.strip():
            return self.refuse(_("Give the question as q."))
        if len(question) > MAX_INPUT:
            return self.refuse(
                _(
                    "A question has at most ${count} characters.",
                    mapping={"count": MAX_INPUT},
                )
            )
        if token is not None and not isinstance(token, str):
            return self.refuse(_("'context' is the token of a reply."))
        assistant = Assistant(self.context)
        try:
            return assistant.reply(question, token or None).as_json()
        except BadContext:
            return self.refuse(_("The context is not one this site gave out."))
        except ConflictError:
            raise
        except Exception:
            logger.exception("The assistant failed on a question")
            return assistant.failed(question).as_json()


class AssistantPost(AssistantGet):
    def parameters(self):
        body = self.request.get("BODY") or b""
        if len(body) > MAX_BODY:
            raise ValueError("too long")
        data = json.loads(body or b"{}")
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return data
