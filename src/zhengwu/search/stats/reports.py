"""What the counts say: hot searches for citizens, zero-result queries for editors.

The hot list counts distinct visitors, not searches, of queries that found public
pages, in the words the search resolved them to (docs/search/stats.md).

Reads add up the day counts of a window on every call; the hot list, shown on
homepages, is cached per process until the next fold or the next day.
"""

from datetime import date

from zhengwu.safety.sensitive import sensitive_words_in
from zhengwu.search.stats.normalize import normal_query
from zhengwu.search.stats.settings import setting
from zhengwu.search.stats.storage import stats_of

_hot_cache = {}
CACHE_SIZE = 64


def primary_language(language):
    """``'zh-CN'`` → ``'zh'``: searches are counted per primary language."""
    return (language or "").split("-")[0].lower()


def _window_entries(site, days, language, today, table):
    """(query, value) of the ``table`` of each day in the window, in ``language``."""
    stats = stats_of(site)
    if stats is None:
        return
    today = (today or date.today()).toordinal()
    language = primary_language(language) if language else None
    for day in stats.window(today, days):
        for (lang, query), value in (getattr(day, table) or {}).items():
            if language is None or lang == language:
                yield query, value


def query_totals(site, days, language=None, today=None):
    """Per query over ``days`` days: {query: [searches, empty, last_empty]}."""
    totals = {}
    for query, tally in _window_entries(site, days, language, today, "searches"):
        counts = totals.setdefault(query, [0, 0, 0.0])
        counts[0] += tally.searches
        counts[1] += tally.empty
        counts[2] = max(counts[2], tally.last_empty)
    return totals


def blocked(site, query):
    """True when the query contains a term editors keep off the hot list."""
    terms = (normal_query(term) for term in setting(site, "blocklist"))
    return any(term and term in query for term in terms)


def visitor_totals(site, days, language=None, today=None):
    """Per shown query over ``days`` days: distinct visitors of each day, added."""
    totals = {}
    for query, counter in _window_entries(site, days, language, today, "visitors"):
        totals[query] = totals.get(query, 0) + counter.value
    return totals


def shown(site, query, hidden=()):
    """May ``query`` appear on the public hot list?"""
    return not (query in hidden or blocked(site, query) or sensitive_words_in(query))


def _hot(site, limit, days, language, today):
    least = setting(site, "hot_min_visitors")
    hidden = stats_of(site).hidden
    found = [
        (query, visitors)
        for query, visitors in visitor_totals(site, days, language, today).items()
        if visitors >= least and shown(site, query, hidden)
    ]
    found.sort(key=lambda item: (-item[1], item[0]))
    return found[:limit]


def hot_searches(site, limit=10, days=7, language=None, today=None):
    """The queries most visitors found public pages with in the last ``days`` days,
    as ``[(query, visitors)]``, most first: only those of at least
    ``hot_min_visitors`` visitors, none blocked, sensitive or hidden by editors."""
    stats = stats_of(site)
    if stats is None or limit <= 0:
        return []
    today = today or date.today()
    key = (
        "/".join(site.getPhysicalPath()),
        stats.revision.value,
        stats.revision._p_serial,
        tuple(setting(site, "blocklist")),
        setting(site, "hot_min_visitors"),
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


def hot_report(site, days=7, limit=100, today=None):
    """The editors' view of the hot list: ``[(query, visitors, state)]``, most
    first; state is ``shown``, ``hidden``, ``blocked`` or ``few`` (under the
    threshold)."""
    stats = stats_of(site)
    if stats is None:
        return []
    least = setting(site, "hot_min_visitors")
    rows = []
    for query, visitors in visitor_totals(site, days, today=today).items():
        if query in stats.hidden:
            state = "hidden"
        elif not shown(site, query):
            state = "blocked"
        else:
            state = "shown" if visitors >= least else "few"
        rows.append((query, visitors, state))
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows[:limit]


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
