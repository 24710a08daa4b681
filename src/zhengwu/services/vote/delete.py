"""``DELETE @vote``: a member withdraws their vote (none given: nothing changes)."""

from zhengwu.participation import votes
from zhengwu.services.vote.post import VoteChange


class VoteDelete(VoteChange):
    def change(self, userid):
        votes.remove_vote(self.context, userid)
