"""The catch-up queue: Solr updates that could not be sent while Solr was down.

The queue lives in the site's annotations and is written in the same ZODB
transaction as the edit it records, so it never disagrees with the content. It keeps
one entry per UID, the last operation winning: replaying it brings the core to the
state of the ZODB, however many edits happened during the outage.
"""

import logging

from BTrees.OOBTree import OOBTree
from persistent import Persistent

from zhengwu.annotations import annotation_store

logger = logging.getLogger(__name__)

KEY = "zhengwu.search.solr_catchup"
INDEX = "index"
UNINDEX = "unindex"


class CatchUpQueue(Persistent):
    """Pending Solr operations by UID; recording an operation replaces the older one."""

    def __init__(self):
        self._operations = OOBTree()

    def record(self, uid, operation):
        if operation not in (INDEX, UNINDEX):
            raise ValueError(f"unknown Solr operation: {operation!r}")
        if not uid:
            raise ValueError("a Solr operation needs the UID of its object")
        if self._operations.get(uid) != operation:
            self._operations[uid] = operation

    def pending(self):
        """A snapshot of the pending ``(uid, operation)`` pairs."""
        return list(self._operations.items())

    def done(self, uid, operation):
        """Drop an entry that was sent, unless a newer operation replaced it."""
        if self._operations.get(uid) == operation:
            del self._operations[uid]

    def __len__(self):
        return len(self._operations)

    def __bool__(self):
        return bool(self._operations)


def queue_of(site, create=False):
    """The site's catch-up queue (made on demand when ``create``), or None."""
    return annotation_store(site, KEY, CatchUpQueue, create)
