"""Work a site does after answering a request, in one place.

Seven tasks run after each request of a district site, once the request's own
transaction has committed, each in a transaction of its own and never turning the
visitor's answer into an error: Solr catch-up after an outage, the search
statistics (count the opened page, fold the counts when due), synonyms still
waiting for Solr, the catalog's vote counts (``participation/votes.py``), the
assistant's counts (``assistant/stats.py``), once a day the bookings' retention
(``bookings/staff/retention.py``) and the self-inspection when it is due
(``inspection/schedule.py``). They run after a normal answer (``IPubSuccess``)
and after a page served from plone.app.caching's RAM cache, which ends the request
early with ``Intercepted`` (``IPubFailure``): on a cached site most anonymous
requests are those.
"""

import logging

from plone.caching.hooks import Intercepted
from Products.CMFCore.interfaces import ISiteRoot
from zope.component.hooks import getSite

from zhengwu.assistant.stats import fold_when_due
from zhengwu.bookings.staff.retention import anonymise_when_due
from zhengwu.inspection.schedule import inspect_when_due
from zhengwu.participation.votes import reindex_voted
from zhengwu.search.curation.subscribers import push_pending_synonyms
from zhengwu.search.solr.subscribers import catch_up
from zhengwu.search.stats.subscribers import count_and_fold

logger = logging.getLogger(__name__)
TASKS = (
    catch_up,
    count_and_fold,
    push_pending_synonyms,
    reindex_voted,
    fold_when_due,
    anonymise_when_due,
    inspect_when_due,
)


def site_of(request):
    """The Plone site the request was answered in, or None."""
    site = getSite()
    if ISiteRoot.providedBy(site):
        return site
    for parent in request.get("PARENTS", ()):
        if ISiteRoot.providedBy(parent):
            return parent
    return None


def run_tasks(request):
    """Run every task for the request's site (nothing outside a site)."""
    site = site_of(request)
    if site is None:
        return
    for task in TASKS:
        try:
            task(site, request)
        except Exception:
            # The visitor's request has already been answered.
            logger.exception("After-request task %s failed", task.__name__)


def after_answer(event):
    """IPubSuccess."""
    run_tasks(event.request)


def after_cached_answer(event):
    """IPubFailure: only a page served from the RAM cache is an answer."""
    exception = event.exc_info[1] if event.exc_info else None
    if isinstance(exception, Intercepted) and exception.status == 200:
        run_tasks(event.request)
