"""The assistant's counts for the editors' report: behaviours and unanswered questions.

As the search statistics do (``search/stats/``), each Zope process adds the counts
up in memory and folds them into the site's annotations now and then in a
transaction of its own (after a request, ``after_request.py``); a day's counters are
``BTrees.Length.Length``, which add up concurrent writes instead of conflicting. Only
the question text of unanswered questions is kept (they feed synonyms and new
guides): never who asked.
"""

import random
import threading
import time
from collections import Counter
from datetime import date

import transaction
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.POSException import ConflictError

from zhengwu.annotations import annotation_store
from zhengwu.search.stats.per_site import PerSite

KEY = "zhengwu.assistant.stats"
BEHAVIOURS = ("answer", "clarify", "handover", "refuse")
FOLD_INTERVAL = 60  # seconds
FOLD_SIZE = 200  # distinct entries
KEEP_DAYS = 400
MAX_ENTRIES = 20_000  # per process and site, whatever happens to the folds
MAX_QUESTION = 200  # characters kept of an unanswered question
ATTEMPTS = 3


class AssistantDay(Persistent):
    """One day: ``counts`` (language, behaviour) → Length, ``unanswered``
    (language, question) → Length."""

    def __init__(self):
        self.counts = OOBTree()
        self.unanswered = OOBTree()


class AssistantStats(Persistent):
    def __init__(self):
        self.days = OOBTree()  # day ordinal → AssistantDay


class Buffer:
    """Counts of one site in this process, between folds."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()  # (day, language, behaviour)
        self.unanswered = Counter()  # (day, language, question)
        self.folded_at = time.monotonic()

    def add(self, day, language, behaviour, unanswered=None):
        with self.lock:
            if len(self.counts) + len(self.unanswered) >= MAX_ENTRIES:
                return
            self.counts[(day, language, behaviour)] += 1
            if unanswered:
                self.unanswered[(day, language, unanswered[:MAX_QUESTION])] += 1

    def take(self):
        with self.lock:
            taken = (self.counts, self.unanswered)
            self.counts, self.unanswered = Counter(), Counter()
            self.folded_at = time.monotonic()
            return taken

    def restore(self, taken):
        with self.lock:
            self.counts.update(taken[0])
            self.unanswered.update(taken[1])

    def due(self):
        size = len(self.counts) + len(self.unanswered)
        return bool(size) and (
            size >= FOLD_SIZE or time.monotonic() - self.folded_at >= FOLD_INTERVAL
        )


buffer_of = PerSite(Buffer)


def record(site, language, behaviour, unanswered=None, day=None):
    """Count one reply; ``unanswered``: the question nothing answered."""
    day = (day or date.today()).toordinal()
    buffer_of(site).add(day, language or "", behaviour, unanswered)


def _add(tree, key, value):
    counter = tree.get(key)
    if counter is None:
        counter = tree[key] = Length()
    counter.change(value)


def write(site, counts, unanswered, today=None):
    stats = annotation_store(site, KEY, AssistantStats, create=True)
    for source, name in ((counts, "counts"), (unanswered, "unanswered")):
        for (day, language, what), value in source.items():
            if day not in stats.days:
                stats.days[day] = AssistantDay()
            _add(getattr(stats.days[day], name), (language, what), value)
    oldest = (today or date.today()).toordinal() - KEEP_DAYS
    for day in list(stats.days.keys(max=oldest, excludemax=True)):
        del stats.days[day]


def fold_now(site):
    """Write this process's counts of ``site`` in a transaction of its own."""
    buffer = buffer_of(site)
    counts, unanswered = taken = buffer.take()
    if not counts and not unanswered:
        return
    for attempt in range(1, ATTEMPTS + 1):
        transaction.begin()
        try:
            write(site, counts, unanswered)
            transaction.get().note("Assistant statistics")
            transaction.commit()
            return
        except ConflictError:
            transaction.abort()
            if attempt == ATTEMPTS:
                buffer.restore(taken)
                raise
            time.sleep(random.uniform(0.01, 0.05) * attempt)  # noqa: S311


def fold_when_due(site, request):
    """After-request task: fold when the interval passed or the buffer is full."""
    if buffer_of(site).due():
        fold_now(site)


def report(site, days=30, today=None, limit=100):
    """{"counts": {behaviour: n}, "by_language": {...}, "unanswered": [...]}."""
    stats = annotation_store(site, KEY, AssistantStats)
    last = (today or date.today()).toordinal()
    counts = dict.fromkeys(BEHAVIOURS, 0)
    by_language, unanswered = {}, Counter()
    if stats is not None:
        for _day, entry in stats.days.items(min=last - days + 1, max=last):
            for (language, behaviour), length in entry.counts.items():
                counts[behaviour] = counts.get(behaviour, 0) + length()
                per = by_language.setdefault(language, dict.fromkeys(BEHAVIOURS, 0))
                per[behaviour] = per.get(behaviour, 0) + length()
            for key, length in entry.unanswered.items():
                unanswered[key] += length()
    return {
        "days": days,
        "counts": counts,
        "by_language": by_language,
        "unanswered": [
            {"language": language, "question": question, "count": count}
            for (language, question), count in unanswered.most_common(limit)
        ],
    }
