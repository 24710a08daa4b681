"""What the counts say: hot searches for citizens, zero-result queries for editors.

Reads add up the day counts of a window on every call; the hot list, shown on
homepages, is cached per process until the next fold or the next day.
"""

from datetime import date

from zhengwu.search.stats.normalize import normal_query
from zhengwu.search.stats.settings import setting
from zhengwu.search.stats.storage import stats_of

_hot_cache = {}
CACHE_SIZE = 64


def primary_language(language):
    """``'zh-CN'`` → ``'zh'``: searches are counted per primary language."""
    return (language or "").split("-")[0].lower()


def query_totals(site, days, language=None, today=None):
    """Per query over ``days`` days: {query: [searches, empty, last_empty]}."""
    stats = stats_of(site)
    if stats is None:
        return {}
    today = (today or date.today()).toordinal()
    language = primary_language(language) if language else None
    totals = {}
    for day in stats.window(today, days):
        for (lang, query), tally in day.searches.items():
            if language is not None and lang != language:
                continue
            counts = totals.setdefault(query, [0, 0, 0.0])
            counts[0] += tally.searches
            counts[1] += tally.empty
            counts[2] = max(counts[2], tally.last_empty)
    return totals


def blocked(site, query):
    """True when the query contains a term editors keep off the hot list."""
    terms = (normal_query(term) for term in setting(site, "blocklist"))
    return any(term and term in query for term in terms)


def _hot(site, limit, days, language, today):
    found = [
        (query, searches - empty)
        for query, (searches, empty, _last) in query_totals(
            site, days, language, today
        ).items()
        if searches > empty and not blocked(site, query)
    ]
    found.sort(key=lambda item: (-item[1], item[0]))
    return found[:limit]


def hot_searches(site, limit=10, days=7, language=None, today=None):
    """The queries most searched in the last ``days`` days that found something,
    as ``[(query, count)]``, most searched first; blocked terms left out."""
    stats = stats_of(site)
    if stats is None or limit <= 0:
        return []
    today = today or date.today()
    key = (
        "/".join(site.getPhysicalPath()),
        stats.revision.value,
        stats.revision._p_serial,
        tuple(setting(site, "blocklist")),
        limit,
        days,
        language,
        today,
    )
    if key not in _hot_cache:
        if len(_hot_cache) >= CACHE_SIZE:
            _hot_cache.clear()
        _hot_cache[key] = _hot(site, limit, days, language, today)
    return list(_hot_cache[key])


def zero_result_report(site, days=30, limit=100, today=None):
    """Queries that found nothing: ``[(query, times, last seen)]``, most first."""
    rows = [
        (query, empty, last)
        for query, (_searches, empty, last) in query_totals(
            site, days, today=today
        ).items()
        if empty
    ]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows[:limit]


def zero_result_queries(site, days=30, limit=100, today=None):
    """Queries that found nothing in the last ``days`` days: ``[(query, count)]``."""
    return [
        (query, count)
        for query, count, _last in zero_result_report(site, days, limit, today)
    ]


def top_queries(site, days=30, limit=50, today=None):
    """The most searched queries: ``[(query, searches, found nothing)]``."""
    rows = [
        (query, searches, empty)
        for query, (searches, empty, _last) in query_totals(
            site, days, today=today
        ).items()
    ]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows[:limit]
