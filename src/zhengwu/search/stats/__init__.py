"""Search statistics: hot searches, zero-result queries and page popularity.

Searches and page opens are counted in process memory (``buffer.py``) and folded
into the ZODB now and then (``fold.py``), never written per request; see
docs/search/stats.md.
"""

import time
from datetime import date

from zhengwu.search.stats.buffer import buffer_of
from zhengwu.search.stats.fold import fold_now
from zhengwu.search.stats.normalize import normal_query
from zhengwu.search.stats.reports import hot_searches
from zhengwu.search.stats.reports import primary_language
from zhengwu.search.stats.reports import zero_result_queries

__all__ = [
    "fold_now",
    "hot_searches",
    "record_open",
    "record_search",
    "zero_result_queries",
]


def record_search(site, text, total, language, day=None, visitor=None, shown=None):
    """Count a search of ``site`` for ``text`` that found ``total`` results.

    With a ``visitor`` (a day token, ``visitors.py``) it also counts for the hot
    list, in the words ``shown`` (default ``text``): the caller passes one only
    for a search whose results anyone may see.
    """
    query = normal_query(text)
    if not query:
        return
    day = (day or date.today()).toordinal()
    language = primary_language(language)
    buffer_of(site).add_search(day, language, query, total == 0, time.time())
    hot = normal_query(shown or text)
    if visitor and total and hot:
        buffer_of(site).add_visitor(day, language, hot, visitor)


def record_open(site, uid, day=None):
    """Count an opening of the page with ``uid`` (for its Solr popularity)."""
    if uid:
        buffer_of(site).add_open((day or date.today()).toordinal(), uid)
