"""Votes (点赞) on questions, answers and strategies: one per member and item.

The voters of an item are an OOBTree in its annotations. Two concurrent votes of
the same member insert the same key into the same bucket, which BTrees refuse to
merge: one transaction gets a ConflictError, Zope retries it, and the retry finds
the vote. Votes of different members merge. The count is kept in a BTrees.Length
(merges concurrent increments).

The catalog's ``votes`` (for sorting and hot lists) is not updated in the vote's
transaction: rewriting the item's catalog record in every vote made concurrent
votes on one item conflict with each other, and some were lost after Zope's
retries (tests/participation/test_votes_concurrency.py, two clients on one ZEO).
A vote notes the item in this process; after the request, ``reindex_voted``
updates the catalog in a transaction of its own, retried on conflict and never
failing the vote (an item left out is tried again after the next request).
"""

import logging
import random
import threading
import time
from datetime import UTC
from datetime import datetime

import transaction
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.uuid.interfaces import IUUID
from ZODB.POSException import ConflictError

from zhengwu.annotations import annotation_store

KEY = "zhengwu.participation.votes"
VOTABLE_TYPES = frozenset(("Question", "Answer", "OfficialAnswer", "Strategy"))
ATTEMPTS = 5
# Seconds before a new attempt, times the attempt number: clients writing the same
# catalog record at once spread out instead of conflicting again.
BACKOFF = 0.05
logger = logging.getLogger(__name__)
_voted = {}  # site path → UIDs whose catalog count is behind
_lock = threading.Lock()


def _site_key(item):
    return "/".join(api.portal.get().getPhysicalPath())


def _note_voted(item):
    with _lock:
        _voted.setdefault(_site_key(item), set()).add(IUUID(item))


def _take_voted(site):
    with _lock:
        return _voted.pop("/".join(site.getPhysicalPath()), set())


def reindex_voted(site, request=None):
    """After a request: bring the catalog's vote counts of voted items up to date."""
    uids = _take_voted(site)
    if not uids:
        return
    for _attempt in range(ATTEMPTS):
        transaction.begin()
        try:
            for uid in uids:
                item = uuidToObject(uid, unrestricted=True)
                if item is not None:
                    item.reindexObject(idxs=["votes"])
            transaction.get().note("Vote counts")
            transaction.commit()
            return
        except ConflictError:
            transaction.abort()
            time.sleep(random.uniform(0, BACKOFF) * (_attempt + 1))  # noqa: S311
    logger.info("Vote counts of %d items left for the next request", len(uids))
    with _lock:
        _voted.setdefault("/".join(site.getPhysicalPath()), set()).update(uids)


class Votes(Persistent):
    def __init__(self):
        self.voters = OOBTree()
        self.count = Length()


def votes_of(item, create=False):
    """The item's Votes, or None when nobody voted and ``create`` is false."""
    return annotation_store(item, KEY, Votes, create)


def vote_count(item):
    votes = votes_of(item)
    return votes.count() if votes is not None else 0


def has_voted(item, userid):
    votes = votes_of(item)
    return votes is not None and userid in votes.voters


def add_vote(item, userid, when=None):
    """Count ``userid``'s vote; False when they had voted already."""
    votes = votes_of(item, create=True)
    if votes.voters.insert(userid, when or datetime.now(UTC)) == 0:
        return False
    votes.count.change(1)
    _note_voted(item)
    return True


def remove_vote(item, userid):
    """Withdraw ``userid``'s vote; False when there was none."""
    votes = votes_of(item)
    if votes is None or userid not in votes.voters:
        return False
    del votes.voters[userid]
    votes.count.change(-1)
    _note_voted(item)
    return True
