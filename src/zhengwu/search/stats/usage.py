"""How often pages were opened lately, read from the search statistics.

The counts change only when a fold writes them, so the totals of a window are
summed once per fold (or day) and process, then kept: a homepage request reads a
dict instead of walking the day counts.
"""

from datetime import date

from zhengwu.search.stats.storage import stats_of

_cache = {}
CACHE_SIZE = 16


def _window(stats, today, days):
    """``({uid: opens}, [uids, most opened first])`` of the window."""
    totals = {}
    for day in stats.window(today, days):
        for uid, counter in day.opens.items():
            totals[uid] = totals.get(uid, 0) + counter.value
    ranked = sorted(totals, key=lambda uid: (-totals[uid], uid))
    return totals, ranked


def _cached_window(site, days, today):
    stats = stats_of(site)
    if stats is None:
        return {}, []
    today = (today or date.today()).toordinal()
    key = (
        "/".join(site.getPhysicalPath()),
        stats.revision.value,
        stats.revision._p_serial,
        today,
        days,
    )
    window = _cache.get(key)
    if window is None:
        if len(_cache) >= CACHE_SIZE:
            _cache.clear()
        window = _cache[key] = _window(stats, today, days)
    return window


def opens_by_uid(site, days, today=None):
    """``{uid: opens}`` of the last ``days`` days (today included); {} without data."""
    return _cached_window(site, days, today)[0]


def most_opened(site, days, count, today=None):
    """The ``count`` UIDs opened most in the last ``days`` days, most first."""
    return _cached_window(site, days, today)[1][:count]
