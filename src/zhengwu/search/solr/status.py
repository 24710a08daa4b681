"""What the portal knows about its Solr core: reachable or not, how many documents."""

import urllib.error

from collective.solr.interfaces import ISolrConnectionManager
from zope.component import queryUtility
from zope.component.hooks import getSite

from zhengwu.search.solr.catchup import queue_of
from zhengwu.search.solr.http import call_json

TIMEOUT = 2.0


def _get_json(manager, path):
    return call_json(manager, "GET", path, timeout=TIMEOUT)


def solr_status():
    """Report the site's Solr core: ``{"active", "status", "core", "documents",
    "pending_updates"}``.

    ``status`` is ``up``, ``down`` (configured but unreachable) or ``inactive``.
    Never raises: a health check must answer while Solr is down.
    """
    manager = queryUtility(ISolrConnectionManager)
    if manager is None or not manager.getConfigParameter(
        "collective.solr.active", formatter=lambda v: str(v).lower() in ("true", "1")
    ):
        return {"active": False, "status": "inactive"}
    base = manager.getConfigParameter("collective.solr.base").rstrip("/")
    report = {"active": True, "core": base.rsplit("/", 1)[-1]}
    # Updates made while Solr was down, not yet sent (see docs/solr.md).
    site = getSite()
    queue = queue_of(site) if site is not None else None
    report["pending_updates"] = len(queue) if queue is not None else 0
    try:
        found = _get_json(manager, f"{base}/select?q=*:*&rows=0&wt=json")
        report["documents"] = found["response"]["numFound"]
        root = base.rsplit("/", 1)[0]
        info = _get_json(manager, f"{root}/admin/info/system?wt=json")
        report["version"] = info.get("lucene", {}).get("solr-spec-version")
        report["status"] = "up"
    except (OSError, ValueError, KeyError, urllib.error.URLError) as error:
        report["status"] = "down"
        report["error"] = _reason(error)
    return report


def _reason(error):
    # Solr's BasicAuthPlugin answers a missing or wrong login with 401
    if isinstance(error, urllib.error.HTTPError) and error.code in (401, 403):
        return "login refused"
    return type(error).__name__
