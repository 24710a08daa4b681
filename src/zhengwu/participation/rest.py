"""plone.restapi endpoints of 政务知道: ``@vote`` and ``@accept``.

``GET @vote`` on a question, answer or strategy: ``{"votes": n, "voted": bool}``;
``POST @vote`` votes (a member's second vote changes nothing), ``DELETE @vote``
withdraws it. A member does not vote for their own post. On an item the user
cannot view, all answer 404 (``visible.py``). ``POST @accept`` on an
answer: the question's asker accepts it, which closes the question.
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
from zhengwu.participation import votes
from zhengwu.participation.visible import VisibleOnly

ANSWER_TYPES = ("Answer", "OfficialAnswer")


def _refuse(request, message):
    raise BadRequest(translate(message, context=request))


def vote_state(item, userid):
    return {
        "@id": f"{item.absolute_url()}/@vote",
        "votes": votes.vote_count(item),
        "voted": bool(userid) and votes.has_voted(item, userid),
    }


def _member_id():
    if api.user.is_anonymous():
        raise Unauthorized("Log in to vote.")
    return api.user.get_current().getId()


class VoteGet(VisibleOnly, Service):
    def reply(self):
        userid = None if api.user.is_anonymous() else api.user.get_current().getId()
        return vote_state(self.context, userid)


class _VoteChange(VisibleOnly, Service):
    needs = "zhengwu: Vote"

    def check(self, userid):
        if self.context.portal_type not in votes.VOTABLE_TYPES:
            _refuse(
                self.request, _("Only questions, answers and strategies get votes.")
            )
        if userid in self.context.users_with_local_role("Owner"):
            _refuse(self.request, _("You cannot vote for your own post."))

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        userid = _member_id()
        self.check(userid)
        self.change(userid)
        return vote_state(self.context, userid)


class VotePost(_VoteChange):
    def change(self, userid):
        votes.add_vote(self.context, userid)


class VoteDelete(_VoteChange):
    def change(self, userid):
        votes.remove_vote(self.context, userid)


class AcceptPost(VisibleOnly, Service):
    """The asker accepts a published answer of their question."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        answer = self.context
        question = answer.question()
        userid = _member_id()
        if userid not in question.users_with_local_role("Owner"):
            raise Unauthorized("Only the asker accepts an answer.")
        if api.content.get_state(answer, default=None) != "published":
            _refuse(self.request, _("Only a published answer can be accepted."))
        if getattr(question, "accepted_answer", None):
            _refuse(self.request, _("An answer has been accepted already."))
        states.accept(question, answer)
        return {
            "@id": question.absolute_url(),
            "accepted_answer": question.accepted_answer,
            "review_state": api.content.get_state(question),
        }
