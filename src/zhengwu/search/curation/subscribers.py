"""Push synonyms that could not reach Solr when they were saved.

After every request of a site (``zhengwu.after_request``, after its commit): an
annotation lookup while nothing is pending, which is the normal case; while Solr
stays down the remembered outage (``outage.REMEMBER``) spares a probe per request.
"""

import logging

import transaction
from ZODB.POSException import ConflictError

from zhengwu.search.curation.solr_sync import push_synonyms
from zhengwu.search.curation.storage import store_of
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable

logger = logging.getLogger(__name__)


def push_pending_synonyms(site, request):
    """After a request: send the site's pending synonym groups once Solr answers."""
    store = store_of(site)
    if store is None or not store.synonyms_pending:
        return
    manager = solr_manager()
    if manager is None or not solr_reachable(manager):
        return
    transaction.begin()
    try:
        if push_synonyms(site):
            logger.info("Pending synonyms of %s sent to Solr", site.getId())
        transaction.get().note("Synonyms sent to Solr")
        transaction.commit()
    except ConflictError:
        transaction.abort()  # another request pushes them
    except Exception:
        transaction.abort()
        logger.exception("Pushing pending synonyms after a request failed")
