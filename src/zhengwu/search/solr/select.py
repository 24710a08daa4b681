"""Raw ``/select`` queries to the site's Solr core, for what the current user may see.

The search parts that build their own Solr query (suggest) use ``solr_select`` and
``permission_filters``; the search service builds its filters with
``filter_queries``.
"""

import time
import urllib.error
import urllib.parse

from collective.solr.interfaces import ISearch
from DateTime import DateTime
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.CMFCore.utils import getToolByName
from zope.component import queryUtility

from zhengwu.search.solr.http import call_json
from zhengwu.search.solr.outage import mark_unreachable
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable

SELECT_TIMEOUT = 5.0


class SolrUnavailable(RuntimeError):
    """The site's Solr core cannot answer now (down, unreachable or failing)."""


def solr_search():
    """collective.solr's search utility of the current site."""
    return queryUtility(ISearch)


def filter_queries(search, **keywords):
    """Catalog keywords as Solr ``fq`` strings, by collective.solr's own rules.

    ``effectiveRange`` is kept to the minute, as the catalog's DateRangeIndex keeps
    it (``date_filters``): the filters of one minute are the same strings, so
    Solr's filter and result caches answer them (a millisecond in every filter made
    each search new to Solr).
    """
    moment = keywords.get("effectiveRange")
    dated = isinstance(moment, DateTime)
    if dated:
        del keywords["effectiveRange"]
    query, params = search.buildQueryAndParameters(**keywords)
    fqs = params.get("fq") or []
    if isinstance(fqs, str):
        fqs = [fqs]
    fqs = list(fqs) + [value for key, value in query.items() if key != "*"]
    if dated:
        fqs += date_filters(moment)
    return fqs, params


def date_filters(moment):
    """The ``fq`` of what is in effect at ``moment`` (a DateTime), by the minute:
    published in that minute or before, expiring in it or later."""
    minute = int(moment.timeTime()) // 60 * 60
    last = time.strftime("%Y-%m-%dT%H:%M:59.999Z", time.gmtime(minute))
    first = time.strftime("%Y-%m-%dT%H:%M:00.000Z", time.gmtime(minute))
    return [f"+effective:[* TO {last}]", f"+expires:[{first} TO *]"]


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
    try:
        return call_json(
            manager, "POST", f"{base}/select", body, timeout=SELECT_TIMEOUT
        )
    except urllib.error.HTTPError as error:
        if error.code < 500:
            raise
        mark_unreachable(manager)
        raise SolrUnavailable(f"Solr answered {error.code}") from error
    except (OSError, ValueError) as error:
        mark_unreachable(manager)
        raise SolrUnavailable(str(error)) from error
