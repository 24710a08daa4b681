"""Search through the stock catalog while Solr cannot be reached.

collective.solr's dispatcher sends full-text queries to Solr and turns a refused
connection, a timeout or an HTTP 5xx into an error page. This dispatcher, registered
for Plone's catalog tool (more specific than collective.solr's), answers such a query
from ZCatalog instead, flags the response and lets the search page say so.
"""

from collective.solr.dispatcher import SearchDispatcher
from collective.solr.exceptions import SolrConnectionException
from collective.solr.interfaces import ISearchDispatcher
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.interfaces import IPloneCatalogTool
from Products.ZCTextIndex.ParseTree import ParseError
from ZODB.POSException import ConflictError
from zope.component import adapter
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.publisher.interfaces.http import IHTTPRequest
from ZTUtils.Lazy import LazyCat

from zhengwu.search import service
from zhengwu.search.request import arguments
from zhengwu.search.request import query_text
from zhengwu.search.solr.outage import mark_unreachable
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable

FLAG = "zhengwu.search.catalog_fallback"
HEADER = "X-Zhengwu-Search"
# The documented bypass (docs/solr.md): ``?search_backend=catalog`` answers a search
# from the stock catalog, so Solr and ZCatalog can be compared on the same request.
BYPASS = "search_backend"
TEXT = "SearchableText"


def catalog_requested():
    """Did the current request ask to bypass Solr?"""
    request = getRequest()
    form = getattr(request, "form", None) or {}
    return form.get(BYPASS) == "catalog"


def wants_solr(request, keywords):
    """Would collective.solr send this query to Solr (its ``required`` setting)?"""
    args = dict(request.form) if IHTTPRequest.providedBy(request) else {}
    if isinstance(request, dict):
        args.update(request)
    args.update(keywords)
    if "navtree" in (args.get("path") or ""):
        return False
    if args.get("use_solr"):
        return True
    registry = queryUtility(IRegistry)
    required = set(registry.get("collective.solr.required", None) or ())
    present = required.intersection(args)
    if required and not present:
        return False
    return all(args[key] for key in present)


def server_error(error):
    """Did Solr answer with an HTTP 5xx?"""
    if not isinstance(error, SolrConnectionException):
        return False
    try:
        return int(error.httpcode) >= 500
    except (TypeError, ValueError):
        return False


def mark_fallback():
    """Flag the current request and response as answered by the catalog."""
    request = getRequest()
    if request is None:
        return
    request.set(FLAG, True)
    request.response.setHeader(HEADER, "catalog-fallback")


def answered_by_catalog(request):
    return bool(request.get(FLAG, False))


@implementer(ISearchDispatcher)
@adapter(IPloneCatalogTool)
class FallbackSearchDispatcher(SearchDispatcher):
    """Solr when it answers, the portal catalog when it does not."""

    def _catalog(self, request, keywords):
        mark_fallback()
        try:
            results = self.context._cs_old_searchResults(request, **keywords)
        except ParseError:
            # Solr would have read "AND" or "(身份证"; ZCTextIndex refuses them
            results = LazyCat([])
        service.catalog_answered(request, keywords, results, "catalog-fallback")
        return results

    def _solr(self, request, keywords):
        text = query_text(arguments(request, keywords).get(TEXT))
        if not text:
            # no words ("*", "* *"): a listing, which Solr would refuse as syntax
            keywords = {key: value for key, value in keywords.items() if key != TEXT}
            return super().__call__(request, **keywords)
        return service.intelligent_results(self.context, request, keywords)

    def __call__(self, request, **keywords):
        manager = solr_manager()
        if manager is None or not wants_solr(request, keywords):
            return super().__call__(request, **keywords)
        if catalog_requested():
            getRequest().response.setHeader(HEADER, "catalog")
            results = self.context._cs_old_searchResults(request, **keywords)
            service.catalog_answered(request, keywords, results, "catalog")
            return results
        if not solr_reachable(manager):
            return self._catalog(request, keywords)
        try:
            return self._solr(request, keywords)
        except ConflictError:
            raise
        except Exception as error:
            if solr_reachable(manager, max_age=0):
                if not server_error(error):
                    raise  # Solr is up and refused the query: a bug to see
                return self._catalog(request, keywords)
            mark_unreachable(manager)
            manager.closeConnection()
            return self._catalog(request, keywords)
