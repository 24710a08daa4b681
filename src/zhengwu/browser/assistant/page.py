"""``<language root>/@@assistant``: the assistant's full page, without JavaScript.

The form posts the question; the page shows the reply (its sources as links,
clarify options and follow-ups as buttons, a handover's department, phone and
prefilled ask form) and the conversation so far. The context token and the
signed transcript (``assistant/transcript.py``) travel in hidden fields. Bad input
is a 400 page with the reason, never a 500.
"""

import logging

from Products.Five.browser import BrowserView
from ZODB.POSException import ConflictError
from zope.i18n import translate

from zhengwu import _
from zhengwu.assistant import transcript
from zhengwu.assistant.answer import Assistant
from zhengwu.assistant.context import BadContext
from zhengwu.services.assistant.get import MAX_INPUT

logger = logging.getLogger(__name__)


class AssistantPage(BrowserView):
    """One turn per request; the conversation lives in the form."""

    max_length = MAX_INPUT
    message = None
    reply = None
    question = ""
    turns = ()
    history = ""

    def __call__(self):
        if self.request.get("REQUEST_METHOD") == "POST":
            self.converse()
        return self.index()

    def bad(self, message):
        self.request.response.setStatus(400)
        self.message = translate(message, context=self.request)

    def text(self, name):
        value = self.request.form.get(name)
        return value if isinstance(value, str) else None

    def converse(self):
        question = " ".join((self.text("choice") or self.text("q") or "").split())
        try:
            self.turns = transcript.load(self.text("transcript"))
        except BadContext:
            return self.bad(_("The context is not one this site gave out."))
        self.question = question
        if not question:
            return self.bad(_("Give the question as q."))
        if len(question) > MAX_INPUT:
            return self.bad(
                _(
                    "A question has at most ${count} characters.",
                    mapping={"count": MAX_INPUT},
                )
            )
        assistant = Assistant(self.context)
        try:
            self.reply = assistant.reply(question, self.text("context") or None)
        except BadContext:
            return self.bad(_("The context is not one this site gave out."))
        except ConflictError:
            raise
        except Exception:
            logger.exception("The assistant failed on a question")
            self.reply = assistant.failed(question)
        self.reply = self.reply.as_json()
        self.history = transcript.dump([*self.turns, {"q": question, **self.reply}])

    @property
    def context_token(self):
        return (self.reply or {}).get("context") or ""

    @property
    def paragraphs(self):
        return [
            line for line in (self.reply or {}).get("answer", "").split("\n") if line
        ]

    @property
    def handover(self):
        return (self.reply or {}).get("handover")
