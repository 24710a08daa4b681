"""The search service's calls into the other search parts.

Typo correction (``typos/correct.py``), best bets (``curation``) and search statistics
(``stats``) are separate parts; the service reaches them through this module only.
"""

from zhengwu.search.curation.storage import best_bets_for
from zhengwu.search.stats import record_search
from zhengwu.search.stats.hot import hot_words
from zhengwu.search.stats.visits import note_search
from zhengwu.search.typos.correct import correction_for
from zhengwu.search.typos.pinyin_sentences import hanzi_candidate
from zhengwu.search.typos.site import site_vocabulary

__all__ = ["best_bets_for", "correction_for", "hanzi_for", "record", "same_text"]

RECORDED = "zhengwu.search.recorded"


def hanzi_for(site, text):
    """``text``'s Latin letters read as the site's indexed Chinese words, or None."""
    return hanzi_candidate(site_vocabulary(site), text)


def _folded(text):
    # plone.restapi's @search drops parentheses before it searches
    if not isinstance(text, str):
        return None
    return " ".join(text.replace("(", " ").replace(")", " ").split())


def same_text(form_value, text):
    """Is ``text`` what the visitor typed into ``SearchableText``?"""
    folded = _folded(form_value)
    return bool(folded) and folded == _folded(text)


def record(site, request, info, language):
    """Count a visitor's search, once per request, and only the text of the
    request's own ``SearchableText`` (not searches made by code along the way)."""
    if request is None or request.get(RECORDED):
        return
    form = getattr(request, "form", None) or {}
    if not same_text(form.get("SearchableText"), info.query):
        return
    request.set(RECORDED, True)
    visitor, shown = hot_words(request, info)
    record_search(site, info.query, info.total, language, visitor=visitor, shown=shown)
    note_search(site, request, info)
