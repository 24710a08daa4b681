"""Search statistics: hot searches, zero-result queries and page popularity.

Searches and page opens are counted in process memory (``buffer.py``) and folded
into the ZODB now and then (``fold.py``), never written per request; see
docs/search-stats.md.
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


def record_search(site, text, total, language, day=None):
    """Count a search of ``site`` for ``text`` that found ``total`` results."""
    query = normal_query(text)
    if not query:
        return
    day = (day or date.today()).toordinal()
    buffer_of(site).add_search(
        day, primary_language(language), query, total == 0, time.time()
    )


def record_open(site, uid, day=None):
    """Count an opening of the page with ``uid`` (for its Solr popularity)."""
    if uid:
        buffer_of(site).add_open((day or date.today()).toordinal(), uid)
