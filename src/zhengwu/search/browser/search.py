"""The search page ``@@search`` of a Zhengwu site, in place of Plone's.

Works without JavaScript: the form, facet filters, sorting and paging are plain
links and GET forms. The query goes through the portal catalog, so the search
dispatcher decides between Solr (Zhengwu's ranking, facets, highlighting) and the
stock catalog (fallback or ``search_backend=catalog``); the page reads whatever the
response carries and shows plain results when it carries nothing more.
"""

from urllib.parse import urlencode

from plone.base.batch import Batch
from Products.CMFCore.utils import getToolByName
from Products.Five.browser import BrowserView
from Products.ZCTextIndex.ParseTree import ParseError
from zope.component.hooks import getSite
from zope.i18nmessageid import MessageFactory

from zhengwu.formatting import format_date
from zhengwu.formatting import format_number
from zhengwu.search import stats
from zhengwu.search.browser.labels import Labels
from zhengwu.search.browser.snippets import snippet_html
from zhengwu.search.request import query_text
from zhengwu.vocabularies.language import language_of

_ = MessageFactory("zhengwu")

# Facet (and filter) fields, in the order the page shows them.
FACETS = (
    ("portal_type", _("Type")),
    ("department", _("Department")),
    ("audience", _("Audience")),
    ("category", _("Category")),
    ("year", _("Year")),
)
FILTERS = tuple(name for name, _title in FACETS)
# Request parameters a link of the page carries on (never the page number).
KEPT = ("SearchableText", "sort", "no_correct", "search_backend", *FILTERS)
SORTS = {
    "relevance": {},
    "newest": {"sort_on": "effective", "sort_order": "reverse"},
}
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
FACET_LIMIT = 20
DATED_TYPES = ("News Item", "DisclosureRecord")


def _single(value):
    """One string from a form value that may be a list (``?year=a&year=b``)."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""


def _present(value):
    """``value`` unless it is empty or Missing.Value (fields a flare or brain lacks)."""
    if value is None or value == "" or type(value).__name__ == "Missing":
        return None
    return value


def _facet_pairs(values):
    """(value, count) pairs from a facet field as collective.solr parses it."""
    if isinstance(values, dict):
        return list(values.items())
    if isinstance(values, (list, tuple)):  # Solr's flat JSON list [v, n, v, n]
        return list(zip(values[::2], values[1::2], strict=False))
    return []


class SearchView(BrowserView):
    """Search form, results with snippets, facets, correction and paging."""

    def __call__(self):
        self.update()
        return self.index()

    def update(self):
        form = self.request.form
        self.text = _single(form.get("SearchableText"))[:MAX_QUERY_LENGTH]
        if not query_text(self.text):  # "*" alone: no words to search for
            self.text = ""
        self.filters = {name: _single(form.get(name)) for name in FILTERS}
        self.filters = {name: value for name, value in self.filters.items() if value}
        sort = _single(form.get("sort"))
        self.sort = sort if sort in SORTS else "relevance"
        try:
            self.b_start = max(int(_single(form.get("b_start")) or 0), 0)
        except ValueError:
            self.b_start = 0
        self.labels = Labels(self.context, self.request)
        # Filters without words list what they select, newest first (the "more"
        # links of the homepages): a listing, not a search.
        self.browsing = not self.text and bool(self.filters)
        if self.text:
            self.response = self._search()
        else:
            self.response = self._browse() if self.browsing else None
        self.info = getattr(self.response, "zhengwu", None) or self.request.get(
            "zhengwu.search.info"
        )
        results = self.response if self.response is not None else []
        self.batch = Batch(results, PAGE_SIZE, self.b_start)

    # -- the query -----------------------------------------------------------

    def searchable_types(self):
        return getToolByName(self.context, "plone_utils").getUserFriendlyTypes()

    def catalog_query(self):
        types = self.searchable_types()
        chosen = self.filters.get("portal_type")
        query = {
            "SearchableText": self.text,
            "portal_type": [chosen] if chosen in types else types,
            "path": "/".join(self.context.getPhysicalPath()),
            "show_inactive": False,
            "facet": "true",
            "facet.field": list(FILTERS),
            "facet.mincount": "1",
            "facet.limit": str(FACET_LIMIT),
            "hl": "true",
            "b_start": self.b_start,
            "b_size": PAGE_SIZE,
        }
        for name, value in self.filters.items():
            if name == "year":
                if value.isdigit():
                    query["year"] = int(value)
            elif name != "portal_type":
                query[name] = value
        query.update(SORTS[self.sort])
        return query

    def _browse(self):
        catalog = getToolByName(self.context, "portal_catalog")
        types = self.searchable_types()
        chosen = self.filters.get("portal_type")
        indexes = set(catalog.indexes())
        query = {
            "portal_type": [chosen] if chosen in types else types,
            "path": "/".join(self.context.getPhysicalPath()),
            "sort_on": "effective",
            "sort_order": "reverse",
            "b_start": self.b_start,
            "b_size": PAGE_SIZE,
        }
        for name, value in self.filters.items():
            if name != "portal_type" and name in indexes:
                query[name] = value
        # A listing is the catalog's job: Plone's own (security-filtered) search,
        # the one collective.solr keeps aside when it patches the catalog.
        search = getattr(catalog, "_cs_old_searchResults", catalog.searchResults)
        return search(query)

    def _search(self):
        catalog = getToolByName(self.context, "portal_catalog")
        try:
            return catalog.searchResults(**self.catalog_query())
        except ParseError:  # the bypass hands "(身份证" to ZCTextIndex as it is
            return None

    # -- what the template shows -----------------------------------------------

    @property
    def total(self):
        if self.info is not None and getattr(self.info, "total", None):
            return self.info.total
        count = getattr(self.response, "actual_result_count", None)
        if count is None:
            count = len(self.response) if self.response is not None else 0
        return count

    def search_url(self, **changes):
        """This page's URL with ``changes`` to its parameters (None drops one)."""
        params = {
            "SearchableText": self.text,
            "sort": None if self.sort == "relevance" else self.sort,
            "no_correct": _single(self.request.form.get("no_correct")) or None,
            "search_backend": _single(self.request.form.get("search_backend")) or None,
            **self.filters,
        }
        params.update(changes)
        params = {key: value for key, value in params.items() if value}
        return f"{self.context.absolute_url()}/@@search?{urlencode(params)}"

    def results(self):
        highlighting = getattr(self.response, "highlighting", None)
        best_bets = set(getattr(self.info, "best_bets", None) or ())
        rows = []
        for item in self.batch:
            if item is not None:
                rows.append(self._row(item, highlighting, best_bets))
        return rows

    def _row(self, item, highlighting, best_bets):
        uid = _present(getattr(item, "UID", None))
        portal_type = _present(getattr(item, "portal_type", None)) or ""
        department = _present(getattr(item, "department", None))
        effective = _present(getattr(item, "effective", None))
        date = iso_date = None
        dated = portal_type in DATED_TYPES and effective is not None
        if dated and 1970 < effective.year() < 2500:  # unset: 1969-12-31
            iso_date = effective.strftime("%Y-%m-%d")
            date = format_date(effective, language_of(self.context))
        service_code = _present(getattr(item, "service_code", None))
        return {
            "url": item.getURL(),
            "title": _present(getattr(item, "Title", None)) or item.getId,
            "type": self.labels.type_title(portal_type),
            "department": self.labels.department_title(department)
            if department
            else None,
            "service_code": service_code if portal_type == "Guide" else None,
            "snippet": snippet_html(highlighting, uid),
            "description": _present(getattr(item, "Description", None)),
            "date": date,
            "iso_date": iso_date,
            "best_bet": uid in best_bets,
            "related": self._related(item, uid),
        }

    def _related(self, item, uid):
        """The questions and strategies grouped under this result (its guide's)."""
        related = getattr(self.info, "related", None) or {}
        key = _present(getattr(item, "group_key", None)) or uid
        return [
            {
                "url": self.request.physicalPathToURL(entry["path"]),
                "title": entry["title"],
                "type": self.labels.type_title(entry["portal_type"]),
            }
            for entry in related.get(key, ())
        ]

    def facets(self):
        """Each facet with its values: label, count, link that adds or removes it."""
        counts = getattr(self.response, "facet_counts", None) or {}
        fields = counts.get("facet_fields") or {}
        facets = []
        for name, title in FACETS:
            chosen = self.filters.get(name)
            options = []
            for value, count in _facet_pairs(fields.get(name)):
                value = str(value)
                if not count and value != chosen:
                    continue
                options.append(self._option(name, value, count, value == chosen))
            if chosen and chosen not in {option["value"] for option in options}:
                options.insert(0, self._option(name, chosen, None, True))
            if name == "year":
                options.sort(key=lambda option: option["value"], reverse=True)
            if options:
                facets.append({"name": name, "title": title, "options": options})
        return facets

    def number(self, value):
        """A count as the page's language writes it (8,091)."""
        return format_number(value, language_of(self.context))

    def _option(self, name, value, count, selected):
        return {
            "value": value,
            "title": self.labels.value_title(name, value),
            "count": count,
            "selected": selected,
            "url": self.search_url(**{name: None if selected else value}),
        }

    def active_filters(self):
        return [
            {
                "title": self.labels.value_title(name, value),
                "url": self.search_url(**{name: None}),
            }
            for name, value in self.filters.items()
        ]

    def sort_options(self):
        return [
            {
                "title": title,
                "url": self.search_url(sort=None if key == "relevance" else key),
                "selected": key == self.sort,
            }
            for key, title in (("relevance", _("Relevance")), ("newest", _("Newest")))
        ]

    def correction(self):
        """The "did you mean" banner's data, or None."""
        corrected = getattr(self.info, "correction", None)
        if not corrected:
            return None
        original = getattr(self.info, "query", None) or self.text
        return {
            "text": corrected,
            "url": self.search_url(SearchableText=corrected, no_correct=None),
            "shown": getattr(self.info, "searched", None) == corrected,
            "original": original,
            "original_url": self.search_url(SearchableText=original, no_correct="1"),
        }

    def language_fallback(self):
        return bool(getattr(self.info, "language_fallback", False))

    def hot_searches(self):
        """Popular queries for the zero-result help ([] while stats are missing)."""
        try:
            found = stats.hot_searches(getSite(), limit=8)
        except (AttributeError, LookupError):
            return []
        return [
            {
                "text": text,
                "url": self.search_url(SearchableText=text, **dict.fromkeys(FILTERS)),
            }
            for text, _count in found
        ]

    def batch_keys(self):
        return KEPT
