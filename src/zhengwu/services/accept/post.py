"""``POST @accept`` on an answer: the asker accepts it, which closes the question.

Only the asker, only a published answer, only once. On an answer the user cannot
view it answers 404 (``services/access.py``).
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.participation import states
from zhengwu.services.access import VisibleOnly
from zhengwu.services.access import current_member


class AcceptPost(VisibleOnly, Service):
    """The asker accepts a published answer of their question."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        answer = self.context
        question = answer.question()
        userid = current_member("Log in to vote.").getId()
        if userid not in question.users_with_local_role("Owner"):
            raise Unauthorized("Only the asker accepts an answer.")
        if api.content.get_state(answer, default=None) != "published":
            self.refuse(_("Only a published answer can be accepted."))
        if getattr(question, "accepted_answer", None):
            self.refuse(_("An answer has been accepted already."))
        states.accept(question, answer)
        return {
            "@id": question.absolute_url(),
            "accepted_answer": question.accepted_answer,
            "review_state": api.content.get_state(question),
        }

    def refuse(self, message):
        raise BadRequest(translate(message, context=self.request))
