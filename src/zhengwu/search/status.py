"""What the portal knows about its Solr core: reachable or not, how many documents."""

import base64
import json
import urllib.error
import urllib.request

from collective.solr.interfaces import ISolrConnectionManager
from zope.component import queryUtility
from zope.component.hooks import getSite

from zhengwu.search.catchup import queue_of

TIMEOUT = 2.0


def _solr_url(manager, path):
    host = manager.getConfigParameter("collective.solr.host")
    port = manager.getConfigParameter("collective.solr.port", formatter=int)
    https = manager.getConfigParameter("collective.solr.https_connection")
    scheme = "https" if str(https).lower() in ("true", "1") else "http"
    return f"{scheme}://{host}:{port}{path}"


def _get_json(manager, path):
    request = urllib.request.Request(_solr_url(manager, path))  # noqa: S310
    login = manager.getConfigParameter(
        "collective.solr.solr_login", env_key="COLLECTIVE_SOLR_LOGIN"
    )
    if login:
        password = manager.getConfigParameter(
            "collective.solr.solr_password", env_key="COLLECTIVE_SOLR_PASSWORD"
        )
        token = base64.b64encode(f"{login}:{password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        return json.load(response)


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
        report["error"] = type(error).__name__
    return report
