"""Zhengwu's search service: one query builder behind every full-text search.

The catalog dispatcher (``fallback.py``) sends each catalog query that carries
``SearchableText`` here; the autocomplete and the other search parts call
``permission_filters`` and ``solr_select``. See docs/search.md.
"""

import copy
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from dataclasses import field

from collective.solr.interfaces import IFlare
from collective.solr.interfaces import ISearch
from collective.solr.utils import padResults
from DateTime import DateTime
from Missing import MV
from plone.restapi.batching import DEFAULT_BATCH_SIZE
from plone.restapi.services.search.get import SearchGet
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.CMFCore.utils import getToolByName
from zope.component import queryMultiAdapter
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.globalrequest import getRequest
from zope.publisher.interfaces.http import IHTTPRequest

from zhengwu.search import hooks
from zhengwu.search import languages
from zhengwu.search import ranking
from zhengwu.search.outage import mark_unreachable
from zhengwu.search.outage import solr_manager
from zhengwu.search.outage import solr_reachable
from zhengwu.search.solr_http import call_json

SELECT_TIMEOUT = 5.0
_WILDCARD = re.compile(r"\*+(?=\s|$)")
INFO = "zhengwu.search.info"
DID_YOU_MEAN = "X-Zhengwu-Did-You-Mean"
# collective.solr's default search pattern hides what editors excluded from search.
HIDDEN = "-showinsearch:false"
HIGHLIGHTING = {
    "hl.encoder": "html",
    "hl.fl": "SearchableText",
    "hl.simple.pre": "<em>",
    "hl.simple.post": "</em>",
}


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
    # the titles of the first results, for the hot list's words (stats/resolve.py)
    titles: list[str] = field(default_factory=list)


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


def arguments(request, keywords):
    """The query as collective.solr's ``solrSearchResults`` reads it: the form of an
    HTTP request (or a dict) overridden by the keywords."""
    if IHTTPRequest.providedBy(request):
        args = dict(request.form)
    elif isinstance(request, dict):
        args = dict(request)
    else:
        args = {}
    args.update(keywords)
    return args


def query_text(value):
    """The words of a ``SearchableText`` argument (a string or ``{"query": …}``).

    Plone's search page hands ZCTextIndex syntax (``身份證* AND 补领*``, see
    ``plone.base.utils.munge_search_term``): Solr analyses the words itself, and a
    wildcard term would skip that analysis (no traditional → simplified, no
    segmentation), so the syntax is taken off again.
    """
    if isinstance(value, dict):
        value = value.get("query", "")
    if isinstance(value, (list, tuple)):
        value = " ".join(str(part) for part in value)
    text = str(value or "")
    text = text.replace(" AND ", " ").replace('"("', "(").replace('")"', ")")
    text = _WILDCARD.sub("", text)
    return " ".join(text.split())


class Query:
    """One search of the site's core: the filters of the catalog keywords (paging,
    sorting, facets, highlighting included) and Zhengwu's text query."""

    def __init__(self, args, window=None):
        self.search = solr_search()
        self.args = args
        # collective.solr rewrites nested values ({"query": …}) in place
        self.fqs, self.params = filter_queries(self.search, **copy.deepcopy(args))
        if window is not None and "rows" not in self.params:
            self.params["start"], self.params["rows"] = window
        schema = self.search.getManager().getSchema() or {}
        self.fields = set(schema.keys())
        self.stored = set(getattr(schema, "stored", ()))

    def run(self, text, best_bets=(), relaxed=False):
        params = dict(self.params)
        params["fq"] = [*self.fqs, HIDDEN]
        params.update(ranking.text_query(text, self.fields, relaxed=relaxed))
        if str(params.get("hl", "")).lower() == "true":
            params.update(HIGHLIGHTING)
        if best_bets:
            params["elevateIds"] = ",".join(best_bets)
        return self.search(params.pop("q"), **params)


def rest_window(request):
    """(start, rows) of the page plone.restapi's ``@search`` will serialise, or None.

    Without a batch size collective.solr fetches every match (``max_results``);
    ``@search`` only reads one batch of ``b_size`` (default 25) from ``b_start``.
    """
    if request is None or not isinstance(request.get("PUBLISHED"), SearchGet):
        return None
    form = request.form
    try:
        start = max(int(form.get("b_start", 0)), 0)
        rows = max(int(form.get("b_size", DEFAULT_BATCH_SIZE)), 1)
    except (TypeError, ValueError):
        return None
    return start, rows


def _as_catalog_results(response, request, stored, params):
    """Turn the Solr documents into flares the way collective.solr's
    ``solrSearchResults`` does: adapted for the request, every stored field present
    (Missing.Value when empty), padded to the number found for batching."""
    results = response.results()
    for index, flare in enumerate(results):
        for name in stored.difference(flare):
            flare[name] = MV
        adapted = queryMultiAdapter((flare, request), IFlare)
        results[index] = adapted if adapted is not None else flare
    padResults(results, start=params.get("start", 0))


def _as_typed(request, text):
    """The visitor's own words when ``text`` comes from the request's form."""
    form = getattr(request, "form", None) or {}
    typed = form.get("SearchableText")
    if isinstance(typed, str) and query_text(typed) == text:
        return typed.strip()
    return text


def _titles(results, count=10):
    """The titles of the first ``count`` results (flares or catalog brains)."""
    titles = []
    for result in results[:count]:
        title = getattr(result, "Title", None)
        if title is None and hasattr(result, "get"):
            title = result.get("Title")
        if isinstance(title, str):
            titles.append(title)
    return titles


def _found(response):
    return int(response.results().numFound)


def _correct(site, query, text, response, best_bets):
    """(response, correction) when a homophone correction of ``text`` finds more than
    ``text`` itself; else (response, None).

    The typo part proposes a correction only for words the index does not know
    (身份正, 公基金), from an in-memory vocabulary: asked for every query, because a
    typo's odd characters may still match something (公基金: 公 … 基金) and then
    "finds little" is relative to what the correction finds.
    """
    correction = hooks.correction_for(site, text)
    if not correction or correction == text:
        return response, None
    corrected = query.run(correction, hooks.best_bets_for(site, correction))
    if _found(corrected) > _found(response):
        return corrected, correction
    return response, None


def correction_declined(request):
    """Did the visitor ask for their own words (``no_correct=1``, the "search for
    the original instead" link of the did-you-mean banner)?"""
    form = getattr(request, "form", None) or {}
    return form.get("no_correct") in ("1", "true", "on")


def _relax(query, text, response, best_bets):
    """A question none of whose pages holds enough of its words is asked again
    needing any one of them."""
    if _found(response) > 0:
        return response
    return query.run(text, best_bets, relaxed=True)


def _search_with_correction(site, query, text, correct=True):
    best_bets = hooks.best_bets_for(site, text)
    response = query.run(text, best_bets)
    correction = None
    if correct:
        response, correction = _correct(site, query, text, response, best_bets)
    if correction:
        best_bets = hooks.best_bets_for(site, correction)
    response = _relax(query, correction or text, response, best_bets)
    return response, correction, best_bets


def intelligent_results(catalog, request, keywords):
    """Answer a catalog query with ``SearchableText`` from Solr, ranked by Zhengwu's
    rules: collective.solr's ``SolrResponse`` of flares, with ``.zhengwu`` set to the
    ``SearchInfo`` (also in the request under ``zhengwu.search.info``)."""
    site = getSite()
    real_request = getRequest()
    args = arguments(request, keywords)
    text = query_text(args.pop("SearchableText", ""))
    window = rest_window(real_request)
    query = Query(args, window)
    correct = not correction_declined(real_request)
    response, correction, best_bets = _search_with_correction(
        site, query, text, correct
    )
    info = SearchInfo(
        query=_as_typed(real_request, text),
        searched=correction or text,
        correction=correction,
    )
    fallback = languages.fallback_args(site, args)
    if fallback is not None and _found(response) == 0:
        query = Query(fallback, window)
        response, correction, best_bets = _search_with_correction(
            site, query, text, correct
        )
        info.correction, info.searched = correction, correction or text
        info.language_fallback = _found(response) > 0
    info.best_bets = list(best_bets)
    info.total = _found(response)
    info.titles = _titles(response.results())
    flare_request = real_request if real_request is not None else request
    _as_catalog_results(response, flare_request, query.stored, query.params)
    response.zhengwu = info
    if real_request is not None:
        real_request.set(INFO, info)
        if info.correction:
            quoted = urllib.parse.quote(info.correction)
            real_request.response.setHeader(DID_YOU_MEAN, quoted)
    hooks.record(site, real_request, info, languages.language_of(site, args))
    return response


def catalog_answered(request, keywords, results, backend):
    """Describe a search the stock catalog answered (bypass or Solr outage)."""
    real_request = getRequest()
    if real_request is None:
        return
    args = arguments(request, keywords)
    text = query_text(args.get("SearchableText"))
    total = getattr(results, "actual_result_count", None) or len(results)
    info = SearchInfo(
        query=_as_typed(real_request, text), searched=text, backend=backend, total=total
    )
    info.titles = _titles(results)
    real_request.set(INFO, info)
    if backend != "catalog":  # the bypass compares backends: not a visitor's search
        site = getSite()
        hooks.record(site, real_request, info, languages.language_of(site, args))
