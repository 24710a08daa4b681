"""Zhengwu's search service: one query builder behind every full-text search.

The catalog dispatcher (``fallback.py``) sends each catalog query that carries
``SearchableText`` here: the text is searched with Zhengwu's ranking, a typo
correction and the best bets, and answered as collective.solr would. The other
search parts query Solr through ``solr/select.py``. See docs/search/overview.md.
"""

import copy
import urllib.parse
from dataclasses import dataclass
from dataclasses import field

from collective.solr.parser import SolrFlare
from Products.CMFCore.utils import getToolByName
from zope.component.hooks import getSite
from zope.globalrequest import getRequest

from zhengwu.content.relations import ABOUT_GUIDE_TYPES
from zhengwu.search import hooks
from zhengwu.search import languages
from zhengwu.search import ranking
from zhengwu.search.request import arguments
from zhengwu.search.request import correction_declined
from zhengwu.search.request import query_text
from zhengwu.search.request import rest_window
from zhengwu.search.request import typed_text
from zhengwu.search.request import wants_related
from zhengwu.search.results import as_catalog_results
from zhengwu.search.results import attach_related
from zhengwu.search.results import first_titles
from zhengwu.search.results import related_items
from zhengwu.search.results import result_fields
from zhengwu.search.solr.select import filter_queries
from zhengwu.search.solr.select import solr_search

INFO = "zhengwu.search.info"
DID_YOU_MEAN = "X-Zhengwu-Did-You-Mean"
# collective.solr's default search pattern hides what editors excluded from search.
HIDDEN = "-showinsearch:false"
HIGHLIGHTING = {
    "hl.encoder": "html",
    "hl.fl": "SearchableText",
    "hl.simple.pre": "<em>",
    "hl.simple.post": "</em>",
    # one short passage: a guide's text is long (every part of it)
    "hl.snippets": "1",
    "hl.fragsize": "120",
}


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
    # group key (a guide's UID) → the questions and strategies grouped under it,
    # each {"path", "title", "portal_type"} (results.related_items)
    related: dict = field(default_factory=dict)


class Query:
    """One search of the site's core: the filters of the catalog keywords (paging,
    sorting, facets, highlighting included) and Zhengwu's text query."""

    def __init__(self, args, window=None, related=True):
        self.search = solr_search()
        self.args = args
        # collective.solr rewrites nested values ({"query": …}) in place
        self.fqs, self.params = filter_queries(self.search, **copy.deepcopy(args))
        if window is not None and "rows" not in self.params:
            self.params["start"], self.params["rows"] = window
        schema = self.search.getManager().getSchema() or {}
        self.fields = set(schema.keys())
        catalog = getToolByName(getSite(), "portal_catalog")
        stored = getattr(schema, "stored", ())
        fields = result_fields(catalog, stored, getRequest())
        self.params.setdefault("fl", " ".join(fields))
        self.stored = set(fields).difference(("score",))
        self.fqs += ranking.result_filters(_types(args.get("portal_type")), self.fields)
        self.chinese = not languages.is_english(getSite(), args)
        # the items grouped under each result (Solr's expand: costs time)
        self.related = related

    def hanzi(self, text):
        """A Latin-letter query (pinyin, initials) read as the index's Chinese
        words, on the Chinese site only (English is English there)."""
        if not self.chinese or not any("a" <= char.lower() <= "z" for char in text):
            return None
        return hooks.hanzi_for(getSite(), text)

    def run(self, text, best_bets=(), relaxed=False, loose=False):
        params = dict(self.params)
        params["fq"] = [*self.fqs, HIDDEN]
        collapsed = ranking.collapses(self.fqs)
        if collapsed and self.related:
            params.update(ranking.GROUPED_ITEMS)
        hanzi = self.hanzi(text)
        params.update(ranking.text_query(text, self.fields, relaxed, hanzi, loose))
        if str(params.get("hl", "")).lower() == "true":
            params.update(HIGHLIGHTING)
        if best_bets:
            params["elevateIds"] = ",".join(best_bets)
        response = self.search(params.pop("q"), **params)
        if collapsed:
            self.lead_with_guides(response)
        return response

    def lead_with_guides(self, response):
        """A question or strategy heading its group (it matched the words better
        than its guide, or the guide did not match them) gives its place to the
        guide it is about, and goes under it: what citizens ask about a guide
        counts for the guide."""
        results = response.results()
        heads = {
            flare.get("group_key"): index
            for index, flare in enumerate(results)
            if hasattr(flare, "get")
            and flare.get("portal_type") in ABOUT_GUIDE_TYPES
            and flare.get("group_key") not in (None, flare.get("UID"))
        }
        if not heads:
            return
        expanded = getattr(response, "expanded", None)
        if expanded is None:
            expanded = response.expanded = {}
        for key, guide in self.guides(heads).items():
            index = heads[key]
            thread = results[index]
            guide["score"] = thread.get("score")
            results[index] = guide
            others = [doc for doc in expanded.get(key) or () if doc.get("UID") != key]
            expanded[key] = [thread, *others][: ranking.RELATED_PER_RESULT]

    def guides(self, uids):
        """{UID: result} of the guides with these UIDs the visitor may see, under
        the searched path: looked up in the catalog (its permission and date
        filters are Solr's, its metadata the same columns), a Solr request less."""
        query = {"UID": list(uids), "portal_type": "Guide"}
        for name in ("path", "show_inactive"):
            if self.args.get(name):
                query[name] = self.args[name]
        catalog = getToolByName(getSite(), "portal_catalog")
        found = {}
        for brain in catalog.searchResults(**query):
            values = {name: getattr(brain, name, None) for name in self.stored}
            values.update(path_string=brain.getPath(), group_key=brain.UID)
            found[brain.UID] = SolrFlare(values)
        return found


def _types(value):
    """The portal types a catalog ``portal_type`` argument names."""
    if isinstance(value, dict):
        value = value.get("query")
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value or ()]


def _found(response):
    return int(response.results().numFound)


def _correct(site, query, text, response, best_bets):
    """(response, correction) when a homophone correction of ``text`` finds more than
    ``text`` itself, or finds a better match (a higher best score: the corrected
    words match a title where the typo's odd characters only matched a word or two
    here and there); else (response, None).

    The typo part proposes a correction only for words the index does not know
    (身份正, 公基金), from an in-memory vocabulary: asked for every query, because a
    typo's odd characters may still match something (公基金: 公 … 基金) and then
    "finds little" is relative to what the correction finds.
    """
    correction = hooks.correction_for(site, text)
    if not correction or correction == text:
        return response, None
    corrected = query.run(correction, hooks.best_bets_for(site, correction))
    if _found(corrected) > _found(response) or _top(corrected) > _top(response):
        return corrected, correction
    return response, None


def _top(response):
    """The best score of a response (0 when it found nothing)."""
    try:
        return float(getattr(response.results(), "maxScore", 0) or 0)
    except (TypeError, ValueError):
        return 0.0


def _loosen(query, text, response, best_bets):
    """A question that found less than a page is asked again with the pages that
    hold fewer of its words after those that hold enough (ranking, LOOSE_WEIGHT);
    not when its first result is the page it names."""
    if _found(response) >= ranking.LOOSE_BELOW or not ranking.is_question(text):
        return response
    if ranking.names_title(text, _first_title(response)):
        return response
    return query.run(text, best_bets, loose=True)


def _first_title(response):
    first = next(iter(response.results()), None)
    return first.get("Title") if hasattr(first, "get") else None


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
    response = _loosen(query, correction or text, response, best_bets)
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
    related = wants_related(real_request, args)
    query = Query(args, window, related)
    correct = not correction_declined(real_request)
    response, correction, best_bets = _search_with_correction(
        site, query, text, correct
    )
    info = SearchInfo(
        query=typed_text(real_request, text),
        searched=correction or text,
        correction=correction,
    )
    fallback = languages.fallback_args(site, args)
    if fallback is not None and _found(response) == 0:
        query = Query(fallback, window, related)
        response, correction, best_bets = _search_with_correction(
            site, query, text, correct
        )
        info.correction, info.searched = correction, correction or text
        info.language_fallback = _found(response) > 0
    info.best_bets = list(best_bets)
    info.total = _found(response)
    info.titles = first_titles(response.results())
    info.related = related_items(response)
    flare_request = real_request if real_request is not None else request
    as_catalog_results(response, flare_request, query.stored, query.params)
    if real_request is not None:
        attach_related(response.results(), info.related, real_request)
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
        query=typed_text(real_request, text),
        searched=text,
        backend=backend,
        total=total,
    )
    info.titles = first_titles(results)
    real_request.set(INFO, info)
    if backend != "catalog":  # the bypass compares backends: not a visitor's search
        site = getSite()
        hooks.record(site, real_request, info, languages.language_of(site, args))
