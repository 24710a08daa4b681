"""Record the Solr updates of a transaction while Solr is down.

An index queue processor (like collective.solr's own, which sends the updates): the
indexing queue calls it for each index, reindex and unindex operation just before the
transaction commits. When the site's Solr core does not answer, it writes the
operation to the catch-up queue, in that same transaction.
"""

import threading

from plone.uuid.interfaces import IUUID
from Products.CMFCore.interfaces import IIndexQueueProcessor
from zope.component.hooks import getSite
from zope.interface import implementer

from zhengwu.search.solr.catchup import INDEX
from zhengwu.search.solr.catchup import UNINDEX
from zhengwu.search.solr.catchup import queue_of
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable


def _uid(obj):
    uid = IUUID(obj, None)
    if uid is None and hasattr(obj, "context"):  # the indexing queue's PathProxy
        uid = IUUID(obj.context, None)
    return uid


@implementer(IIndexQueueProcessor)
class CatchUpRecorder:
    """Writes a transaction's Solr updates to the catch-up queue when Solr is down."""

    def __init__(self):
        self._local = threading.local()

    def begin(self):
        self._local.solr_down = None

    def _solr_down(self):
        down = getattr(self._local, "solr_down", None)
        if down is None:
            manager = solr_manager()
            # Probe once per transaction rather than trust a remembered "up": an
            # outage that began since would lose the update. A remembered "down"
            # is trusted, so edits do not wait for a timeout each.
            reachable = manager is None or solr_reachable(manager, max_age_up=0)
            down = not reachable
            self._local.solr_down = down
        return down

    def _record(self, obj, operation):
        if not self._solr_down():
            return
        uid = _uid(obj)
        site = getSite()
        if uid is None or site is None:
            return
        queue_of(site, create=True).record(uid, operation)

    def index(self, obj, attributes=None):
        self._record(obj, INDEX)

    def reindex(self, obj, attributes=None, update_metadata=False):
        self._record(obj, INDEX)

    def unindex(self, obj):
        self._record(obj, UNINDEX)

    def commit(self):
        self._local.solr_down = None

    def abort(self):
        self._local.solr_down = None
