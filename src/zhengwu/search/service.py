"""Zhengwu's search service: one query builder behind every full-text search.

The catalog dispatcher (``fallback.py``) sends each catalog query that carries
``SearchableText`` here; the autocomplete and the other search parts call
``permission_filters`` and ``solr_select``. See docs/search.md.
"""

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from dataclasses import field

from collective.solr.interfaces import ISearch
from DateTime import DateTime
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.CMFCore.utils import getToolByName
from zope.component import queryUtility

from zhengwu.search.outage import mark_unreachable
from zhengwu.search.outage import solr_manager
from zhengwu.search.outage import solr_reachable
from zhengwu.search.status import _solr_url

SELECT_TIMEOUT = 5.0


class SolrUnavailable(RuntimeError):
    """The site's Solr core cannot answer now (down, unreachable or failing)."""


@dataclass
class SearchInfo:
    """What Zhengwu did with a search, for the search page and the REST headers."""

    query: str
    searched: str
    correction: str | None = None
    language_fallback: bool = False
    best_bets: list[str] = field(default_factory=list)
    backend: str = "solr"
    total: int = 0


def solr_search():
    """collective.solr's search utility of the current site."""
    return queryUtility(ISearch)


def filter_queries(search, **keywords):
    """Catalog keywords as Solr ``fq`` strings, by collective.solr's own rules."""
    query, params = search.buildQueryAndParameters(**keywords)
    fqs = params.get("fq") or []
    if isinstance(fqs, str):
        fqs = [fqs]
    return list(fqs) + [value for key, value in query.items() if key != "*"], params


def permission_filters(context):
    """Solr ``fq`` strings restricting results to what the current user may see.

    The same keywords the catalog adds to every query (``allowedRolesAndUsers`` and,
    unless the user may see inactive content, ``effectiveRange``).
    """
    catalog = getToolByName(context, "portal_catalog")
    user = _getAuthenticatedUser(catalog)
    keywords = {"allowedRolesAndUsers": catalog._listAllowedRolesAndUsers(user)}
    if not catalog.allow_inactive(keywords):
        keywords["effectiveRange"] = DateTime()
    fqs, _params = filter_queries(solr_search(), **keywords)
    return fqs


def solr_select(context, params):
    """The JSON answer of ``/select`` on the site's core for ``params``.

    ``params`` is a dict (values may be lists for repeated parameters). Raises
    ``SolrUnavailable`` when Solr is inactive, remembered down, unreachable or
    answers with an HTTP 5xx (then remembered down, like the dispatcher does); a
    4xx (a query Solr refuses) raises ``urllib.error.HTTPError``.
    """
    manager = solr_manager()
    if manager is None or not solr_reachable(manager):
        raise SolrUnavailable("Solr is not available")
    base = manager.getConfigParameter("collective.solr.base").rstrip("/")
    body = urllib.parse.urlencode({**params, "wt": "json"}, doseq=True).encode()
    request = urllib.request.Request(  # noqa: S310
        _solr_url(manager, f"{base}/select"),
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    _authorize(manager, request)
    try:
        with urllib.request.urlopen(request, timeout=SELECT_TIMEOUT) as response:  # noqa: S310
            return json.load(response)
    except urllib.error.HTTPError as error:
        if error.code < 500:
            raise
        mark_unreachable(manager)
        raise SolrUnavailable(f"Solr answered {error.code}") from error
    except (OSError, ValueError) as error:
        mark_unreachable(manager)
        raise SolrUnavailable(str(error)) from error


def _authorize(manager, request):
    login = manager.getConfigParameter(
        "collective.solr.solr_login", env_key="COLLECTIVE_SOLR_LOGIN"
    )
    if login:
        password = manager.getConfigParameter(
            "collective.solr.solr_password", env_key="COLLECTIVE_SOLR_PASSWORD"
        )
        token = base64.b64encode(f"{login}:{password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
