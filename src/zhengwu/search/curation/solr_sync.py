"""Copy the site's synonym groups into its Solr core's managed synonyms ``zh``.

The query analyzer of ``text_zh`` reads the managed resource ``zh``
(``ManagedSynonymGraphFilterFactory``); a change takes effect after a core reload,
without restarting Solr. Plone is the source of truth: the managed list is made
equal to the site's groups (entries Plone no longer has are deleted), so removing a
group works. When Solr cannot be reached the store stays marked ``synonyms_pending``
and ``subscribers.py`` pushes it after a later request, once Solr answers.
"""

import logging
import urllib.error
import urllib.parse

from zhengwu.search.curation.storage import store_of
from zhengwu.search.solr.http import call_json
from zhengwu.search.solr.outage import mark_unreachable
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable

logger = logging.getLogger(__name__)

MANAGED = "schema/analysis/synonyms/zh"
TIMEOUT = 10.0


def synonym_map(groups):
    """Solr's form of the groups: every term maps to all terms of its group."""
    return {term: sorted(group) for group in groups for term in group}


def _call(manager, method, path, body=None):
    return call_json(manager, method, path, body, timeout=TIMEOUT)


def replace_synonyms(manager, groups):
    """Make the core's managed synonyms exactly ``groups``, then reload the core."""
    replace_managed_map(manager, MANAGED, synonym_map(groups))


def replace_managed_map(manager, managed, wanted):
    """Make the core's managed synonym map ``managed`` (a path such as
    ``schema/analysis/synonyms/zh``) exactly ``wanted``, then reload the core."""
    base = manager.getConfigParameter("collective.solr.base").rstrip("/")
    resource = f"{base}/{managed}"
    current = _call(manager, "GET", f"{resource}?wt=json")["synonymMappings"]
    current = current["managedMap"]
    # Solr merges what is PUT into an entry: an entry that differs is deleted first.
    for term, mapped in current.items():
        if set(mapped) != set(wanted.get(term, ())):
            _call(manager, "DELETE", f"{resource}/{urllib.parse.quote(term, safe='')}")
    missing = {
        term: mapped
        for term, mapped in wanted.items()
        if set(current.get(term, ())) != set(mapped)
    }
    if missing:
        _call(manager, "PUT", resource, missing)
    root, core = base.rsplit("/", 1)
    _call(manager, "GET", f"{root}/admin/cores?action=RELOAD&core={core}&wt=json")


def push_synonyms(site):
    """Send the site's groups to its core; False (and pending kept) when Solr fails.

    Without an active Solr there is nothing to send and nothing stays pending.
    """
    store = store_of(site, create=True)
    manager = solr_manager()
    pushed = True
    if manager is not None:
        groups = [list(group) for group in store.synonyms]
        pushed = solr_reachable(manager)
        if pushed:
            try:
                replace_synonyms(manager, groups)
            except (OSError, ValueError, KeyError, urllib.error.URLError):
                logger.exception("Synonyms not sent to Solr; they stay pending")
                mark_unreachable(manager)
                pushed = False
    if store.synonyms_pending != (not pushed):
        store.synonyms_pending = not pushed
    return pushed
