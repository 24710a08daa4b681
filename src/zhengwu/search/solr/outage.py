"""Whether the site's Solr core answers, remembered briefly per core.

A search must not wait for a connection timeout on every request while Solr is
down, so a failed probe is remembered for ``REMEMBER`` seconds; a successful one
as well, unless the caller asks for a fresh answer (``max_age=0``).
"""

import time
import urllib.error

from collective.solr.interfaces import ISolrConnectionManager
from collective.solr.utils import isActive
from zope.component import queryUtility

from zhengwu.search.solr.status import _get_json

REMEMBER = 30.0

# endpoint -> (checked at, reachable); plain module state: per process, not per site
_known = {}


def solr_manager():
    """The site's Solr connection manager when collective.solr is active, else None."""
    if not isActive():
        return None
    return queryUtility(ISolrConnectionManager)


def _endpoint(manager):
    endpoint = getattr(manager, "_endpoint", None)
    if endpoint is not None:
        return endpoint()
    return manager.getConfigParameter("collective.solr.base")


def _probe(manager):
    base = manager.getConfigParameter("collective.solr.base").rstrip("/")
    try:
        _get_json(manager, f"{base}/select?q=*:*&rows=0&wt=json")
    except (OSError, ValueError, urllib.error.URLError):
        return False
    return True


def solr_reachable(manager, max_age=REMEMBER, max_age_up=None):
    """True when the core answered a probe (now, or less than ``max_age`` s ago).

    ``max_age_up`` limits the age of a remembered success separately (0: trust a
    remembered failure, but probe again rather than trust a remembered success).
    """
    key = _endpoint(manager)
    checked, reachable = _known.get(key, (0.0, None))
    if reachable and max_age_up is not None:
        max_age = max_age_up
    if reachable is not None and time.monotonic() - checked < max_age:
        return reachable
    reachable = _probe(manager)
    _known[key] = (time.monotonic(), reachable)
    return reachable


def mark_unreachable(manager):
    """Remember that a request to the core has just failed."""
    _known[_endpoint(manager)] = (time.monotonic(), False)


def forget(manager=None):
    """Forget what is known about one core (or all): the next call probes again."""
    if manager is None:
        _known.clear()
    else:
        _known.pop(_endpoint(manager), None)
