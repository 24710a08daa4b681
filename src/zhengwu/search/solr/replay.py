"""Send the catch-up queue to Solr once it answers again.

Replay runs after a request that found Solr reachable and the queue not empty (see
``subscribers.py``), in a transaction of its own. Entries are dropped only after Solr
accepted every update and the commit; a failure leaves the queue for the next try.
"""

import logging

import transaction
from collective.solr.indexer import SolrIndexProcessor
from Products.CMFCore.utils import getToolByName
from ZODB.POSException import ConflictError

from zhengwu.search.solr.catchup import INDEX
from zhengwu.search.solr.catchup import queue_of
from zhengwu.search.solr.outage import mark_unreachable
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable

logger = logging.getLogger(__name__)


def _object_by_uid(site, uid):
    catalog = getToolByName(site, "portal_catalog")
    for brain in catalog.unrestrictedSearchResults(UID=uid):
        return brain._unrestrictedGetObject()
    return None


def _send(site, manager, pending):
    # A connection and schema cached during the outage are stale: start afresh.
    manager.closeConnection(clearSchema=True)
    if manager.getSchema() is None:
        raise ConnectionError("Solr did not return its schema")
    processor = SolrIndexProcessor(manager)
    connection = manager.getConnection()
    for uid, operation in pending:
        obj = _object_by_uid(site, uid) if operation == INDEX else None
        if obj is not None:
            processor.index(obj)
        else:
            connection.delete(id=uid)
    # collective.solr buffers updates and logs (swallows) failures when it flushes:
    # send them one by one so that a failure is seen and the queue kept.
    buffered = list(connection.xmlbody)
    del connection.xmlbody[:]
    for body in buffered:
        connection.doSendXML(body)
    connection.doSendXML("<commit/>")


def replay(site):
    """Send the site's pending Solr operations; return how many were sent."""
    queue = queue_of(site)
    manager = solr_manager()
    if not queue or manager is None or not solr_reachable(manager):
        return 0
    pending = queue.pending()
    try:
        _send(site, manager, pending)
    except ConflictError:
        raise
    except Exception:
        logger.exception("Solr catch-up failed; %d updates stay queued", len(pending))
        mark_unreachable(manager)
        manager.closeConnection(clearSchema=True)
        return 0
    for uid, operation in pending:
        queue.done(uid, operation)
    logger.info("Solr catch-up: sent %d queued updates", len(pending))
    return len(pending)


def replay_in_own_transaction(site):
    """Replay and commit on its own; a conflict with another replay is retried later."""
    transaction.begin()
    try:
        sent = replay(site)
        transaction.get().note("Solr catch-up")
        transaction.commit()
    except ConflictError:
        transaction.abort()
        return 0
    return sent
