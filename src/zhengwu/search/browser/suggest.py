"""GET @suggest: title suggestions for the search box (Hanzi, pinyin, initials).

``?q=身份`` matches inside titles (``title_prefix``), ``?q=shenfen`` and ``?q=sfz``
match the pinyin and initials of titles (``title_pinyin``, ``title_initials``).
Only what the current user may see, in the language of the folder asked. While
Solr is down the answer is an empty list, flagged like a catalog-fallback search:
the catalog has no prefix index fit for Chinese, and a search box must stay fast.
"""

from plone.restapi.services import Service
from Products.CMFCore.utils import getToolByName

from zhengwu.search import ranking
from zhengwu.search.browser.labels import fti_title
from zhengwu.search.fallback import HEADER
from zhengwu.search.outage import solr_manager
from zhengwu.search.pinyin import normalize_latin
from zhengwu.search.service import SolrUnavailable
from zhengwu.search.service import permission_filters
from zhengwu.search.service import solr_select
from zhengwu.vocabularies.language import language_of

MAX_QUERY_LENGTH = 50
DEFAULT_LIMIT = 8
MAX_LIMIT = 20
FIELDS = "UID Title portal_type service_code path_string"
ENGLISH_WORD_LIMIT = 5


def phrase(text):
    """``text`` as a quoted Solr phrase."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def suggest_query(text):
    """The Solr query for what was typed so far."""
    clauses = [f"title_prefix:{phrase(text)}"]
    latin = normalize_latin(text)
    if latin:
        clauses += [f"title_pinyin:{latin}^2", f"title_initials:{latin}"]
        words = [normalize_latin(word) for word in text.split()[:ENGLISH_WORD_LIMIT]]
        if all(words):  # English titles: every word, the last one as a prefix
            terms = [f"Title:{word}" for word in words[:-1]] + [f"Title:{words[-1]}*"]
            clauses.append("(" + " AND ".join(terms) + ")")
    return " OR ".join(clauses)


def sort_order():
    """Score first, then what people open (when the core has ``popularity``)."""
    manager = solr_manager()
    schema = manager.getSchema() if manager is not None else None
    if schema and "popularity" in schema:
        return "score desc,popularity desc"
    return "score desc"


def parse_limit(value):
    """The number of suggestions asked, within 1..MAX_LIMIT; None if not a number."""
    if value in (None, ""):
        return DEFAULT_LIMIT
    try:
        return min(max(int(value), 1), MAX_LIMIT)
    except (TypeError, ValueError):
        return None


class Suggest(Service):
    """Suggestions for the search box, fast and permission-safe."""

    def reply(self):
        text = " ".join(str(self.request.form.get("q") or "").split())
        limit = parse_limit(self.request.form.get("limit"))
        if not text or limit is None:
            return self.bad_request(
                "Give the text typed so far as ?q=… and, optionally, ?limit=1…20."
            )
        text = text[:MAX_QUERY_LENGTH]
        try:
            found = solr_select(self.context, self.params(text, limit))
        except SolrUnavailable:
            self.request.response.setHeader(HEADER, "catalog-fallback")
            return {"query": text, "items": []}
        docs = found.get("response", {}).get("docs", [])
        return {"query": text, "items": [self.item(doc) for doc in docs]}

    def params(self, text, limit):
        types = getToolByName(self.context, "plone_utils").getUserFriendlyTypes()
        filters = permission_filters(self.context)
        filters.append(f"Language:{phrase(language_of(self.context))}")
        filters.append("portal_type:(" + " OR ".join(map(phrase, types)) + ")")
        return {
            # the same type weights as the search (ranking.py): guides first
            "q": "{!boost b=$zw_type v=$zw_suggest}",
            "zw_suggest": suggest_query(text),
            "zw_type": ranking.type_weight(),
            "fq": filters,
            "fl": FIELDS,
            "rows": limit,
            "sort": sort_order(),
            "q.op": "OR",
        }

    def item(self, doc):
        portal_type = doc.get("portal_type") or ""
        return {
            "@id": self.request.physicalPathToURL(doc.get("path_string") or ""),
            "title": doc.get("Title") or "",
            "type": portal_type,
            "type_title": fti_title(self.context, self.request, portal_type),
            "service_code": doc.get("service_code"),
        }

    def bad_request(self, message):
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "message": message}}
