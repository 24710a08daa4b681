"""``POST @vote``: a member votes for a question, answer or strategy.

A member's second vote changes nothing; nobody votes for their own post. On an
item the user cannot view it answers 404 (``services/access.py``).
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.participation import votes
from zhengwu.services.access import VisibleOnly
from zhengwu.services.access import current_member
from zhengwu.services.vote.get import vote_state


class VoteChange(VisibleOnly, Service):
    """Give or withdraw the current member's vote, then answer the new count."""

    needs = "zhengwu: Vote"

    def check(self, userid):
        if self.context.portal_type not in votes.VOTABLE_TYPES:
            message = _("Only questions, answers and strategies get votes.")
            raise BadRequest(translate(message, context=self.request))
        if userid in self.context.users_with_local_role("Owner"):
            message = _("You cannot vote for your own post.")
            raise BadRequest(translate(message, context=self.request))

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        userid = current_member("Log in to vote.").getId()
        self.check(userid)
        self.change(userid)
        return vote_state(self.context, userid)


class VotePost(VoteChange):
    def change(self, userid):
        votes.add_vote(self.context, userid)
