"""Send pages' 30-day open counts to Solr as the ``popularity`` field.

The counts wait in ``SearchStats.popularity`` (written by the fold) and are sent as
Solr atomic updates ``{"UID": uid, "popularity": {"set": n}}`` to the site's core
with a soft commit. They leave the queue only once Solr accepted them, in a
transaction of their own: while Solr is down or refuses them (e.g. a core whose
schema has no ``popularity`` field yet) they wait for the next fold.
"""

import http.client
import json
import logging
from itertools import islice

import transaction
from collective.solr.exceptions import SolrConnectionException
from ZODB.POSException import ConflictError
from zope.component.hooks import site as site_hook

from zhengwu.search.solr.outage import mark_unreachable
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable
from zhengwu.search.stats.storage import stats_of

logger = logging.getLogger(__name__)

BATCH = 500
# "_version_": 1 updates a document only if it exists; Solr skips, instead of
# refusing the batch, the UIDs it does not have (pages never indexed or deleted).
UPDATE = "/update?failOnVersionConflicts=false&softCommit=true&wt=json"


def _post(manager, pending):
    connection = manager.getConnection()
    if connection is None:
        raise ConnectionError("collective.solr has no connection")
    manager.setIndexTimeout()
    docs = [
        {"UID": uid, "popularity": {"set": count}, "_version_": 1}
        for uid, count in pending
    ]
    headers = {"Content-Type": "application/json", **connection.auth_headers}
    url = connection.solrBase + UPDATE
    connection.doPost(url, json.dumps(docs), headers).read()


def _forget_sent(site, sent):
    transaction.begin()
    try:
        queue = stats_of(site).popularity
        for uid, count in sent:
            if queue.get(uid) == count:  # a newer count waits for the next fold
                del queue[uid]
        transaction.get().note("Search statistics: popularity sent to Solr")
        transaction.commit()
    except ConflictError:
        transaction.abort()  # sent again next time: setting a count is idempotent


def send_popularity(site):
    """Send up to ``BATCH`` waiting counts; return how many Solr accepted."""
    stats = stats_of(site)
    if stats is None or not stats.popularity:
        return 0
    pending = list(islice(stats.popularity.items(), BATCH))
    with site_hook(site):
        manager = solr_manager()
        if manager is None or not solr_reachable(manager):
            return 0
        try:
            _post(manager, pending)
        except (OSError, http.client.HTTPException) as error:
            logger.warning("Popularity not sent, Solr unreachable: %s", error)
            mark_unreachable(manager)
            manager.closeConnection()
            return 0
        except SolrConnectionException as error:
            logger.warning("Solr refused the popularity updates: %s", error)
            return 0
    _forget_sent(site, pending)
    return len(pending)
