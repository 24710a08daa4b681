"""Title suggestions for the search box (Hanzi, pinyin, initials): the Solr query.

``身份`` matches inside titles (``title_prefix``), ``shenfen`` and ``sfz`` match
the pinyin and initials of titles (``title_pinyin``, ``title_initials``). Only what
the current user may see, in the language of the folder asked; the same type
weights as the search (``ranking.py``): guides first. Served by ``@suggest``.
"""

from Products.CMFCore.utils import getToolByName

from zhengwu.search import ranking
from zhengwu.search.pinyin import normalize_latin
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.select import permission_filters
from zhengwu.search.solr.select import solr_select
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


def solr_params(context, text, limit):
    """Solr's parameters for ``limit`` suggestions of ``text`` under ``context``."""
    types = getToolByName(context, "plone_utils").getUserFriendlyTypes()
    filters = permission_filters(context)
    filters.append(f"Language:{phrase(language_of(context))}")
    filters.append("portal_type:(" + " OR ".join(map(phrase, types)) + ")")
    return {
        "q": "{!boost b=$zw_type v=$zw_suggest}",
        "zw_suggest": suggest_query(text),
        "zw_type": ranking.type_weight(),
        "fq": filters,
        "fl": FIELDS,
        "rows": limit,
        "sort": sort_order(),
        "q.op": "OR",
    }


def suggested_docs(context, text, limit):
    """Solr's documents of up to ``limit`` titles for ``text``; SolrUnavailable
    while Solr is down."""
    found = solr_select(context, solr_params(context, text, limit))
    return found.get("response", {}).get("docs", [])
