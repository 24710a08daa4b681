"""Fold the counts of this process into the ZODB, in one short transaction.

A fold runs after a request of the site (``subscribers.py``) once ``fold_interval``
seconds have passed or ``fold_threshold`` entries wait, or when asked
(``fold_now``). It adds the buffer to the day counts, drops days older than
``retention_days``, and notes the new 30-day opens of the pages concerned for Solr
(``popularity.py``). A conflict is retried; counts that cannot be written go back
into the buffer.
"""

import logging
import random
import time
from datetime import date

import transaction
from ZODB.POSException import ConflictError

from zhengwu.search.stats.buffer import buffer_of
from zhengwu.search.stats.popularity import send_popularity
from zhengwu.search.stats.settings import POPULARITY_DAYS
from zhengwu.search.stats.settings import setting
from zhengwu.search.stats.storage import stats_of

logger = logging.getLogger(__name__)

ATTEMPTS = 4


def _left_window(stats, today):
    """UIDs opened on days that left the popularity window since the last fold."""
    if not stats.window_day or stats.window_day == today:
        return set()
    first = stats.window_day - POPULARITY_DAYS + 1
    gone = stats.days.values(min=first, max=today - POPULARITY_DAYS)
    return {uid for day in gone for uid in day.opens}


def write_snapshot(site, snapshot, today=None):
    """Add ``snapshot`` to the site's counts in the current transaction."""
    today = today or date.today().toordinal()
    stats = stats_of(site, create=True)
    for (day, language, query), counts in snapshot.searches.items():
        stats.day(day).tally(language, query).add(*counts)
    for day, language, query, token in snapshot.visitors:
        stats.day(day).add_visitor(language, query, token)
    for (day, first, second, token), (found, guide) in snapshot.pairs.items():
        stats.day(day).add_pair((first, second), token, found, guide)
    changed = set()
    for (day, uid), count in snapshot.opens.items():
        stats.day(day).add_opens(uid, count)
        changed.add(uid)
    keep = setting(site, "max_queries_per_day")
    days = {day for day, _language, _query in snapshot.searches}
    days |= {key[0] for key in snapshot.visitors}
    days |= {key[0] for key in snapshot.pairs}
    for day in days:
        stats.days[day].prune(keep)
    # Visitor tokens serve only to count a visitor once a day (PIPL: no longer).
    for day in days:
        if day < today:
            stats.days[day].forget_visitors()
    if stats.window_day != today:
        for day in stats.days.values(min=stats.window_day or None, max=today - 1):
            day.forget_visitors()
        changed |= _left_window(stats, today)
        stats.window_day = today
        oldest = today - max(setting(site, "retention_days"), POPULARITY_DAYS)
        for day in list(stats.days.keys(max=oldest)):
            del stats.days[day]
    for uid in changed:
        stats.popularity[uid] = stats.opens(uid, today, POPULARITY_DAYS)
    stats.revision.change(1)


def write_in_own_transaction(site, snapshot):
    for attempt in range(1, ATTEMPTS + 1):
        transaction.begin()
        try:
            write_snapshot(site, snapshot)
            transaction.get().note("Search statistics")
            transaction.commit()
            return
        except ConflictError:
            transaction.abort()
            if attempt == ATTEMPTS:
                raise
            time.sleep(random.uniform(0.01, 0.05) * attempt)  # noqa: S311


def fold_now(site):
    """Fold this process's counts of ``site`` now, then send popularity to Solr.

    Runs its own transactions: call it with nothing uncommitted. Returns False when
    another thread of this process is folding the site at this moment.
    """
    buffer = buffer_of(site)
    if not buffer.start_fold():
        return False
    try:
        snapshot = buffer.take()
        if snapshot:
            try:
                write_in_own_transaction(site, snapshot)
            except Exception:
                buffer.restore(snapshot)
                raise
        send_popularity(site)
    finally:
        buffer.end_fold()
    return True


def fold_due(site):
    """True when the site's buffer should be folded after this request."""
    buffer = buffer_of(site)
    if len(buffer) >= setting(site, "fold_threshold"):
        return True
    return time.monotonic() - buffer.folded_at >= setting(site, "fold_interval")
