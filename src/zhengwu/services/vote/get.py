"""``GET @vote``: ``{"votes": n, "voted": bool}`` of a question, answer or strategy.

On an item the user cannot view it answers 404 (``services/access.py``).
"""

from plone import api
from plone.restapi.services import Service

from zhengwu.participation import votes
from zhengwu.services.access import VisibleOnly


def vote_state(item, userid):
    """The item's vote count and whether ``userid`` (None: a visitor) voted."""
    return {
        "@id": f"{item.absolute_url()}/@vote",
        "votes": votes.vote_count(item),
        "voted": bool(userid) and votes.has_voted(item, userid),
    }


class VoteGet(VisibleOnly, Service):
    def reply(self):
        userid = None if api.user.is_anonymous() else api.user.get_current().getId()
        return vote_state(self.context, userid)
