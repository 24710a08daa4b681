"""Replay the catch-up queue after a request, once Solr answers again.

Every request of a site runs this after its own transaction committed: it costs a
dictionary lookup while the queue is empty, and at most one probe per
``outage.REMEMBER`` seconds while Solr stays down. A site that gets no request has
no edits to catch up with either; `@health` requests count as requests.
"""

import logging

from zhengwu.search.solr.catchup import queue_of
from zhengwu.search.solr.replay import replay_in_own_transaction

logger = logging.getLogger(__name__)


def catch_up(site, request):
    """After a request: send the site's queued Solr updates, if any."""
    if queue_of(site):
        replay_in_own_transaction(site)
