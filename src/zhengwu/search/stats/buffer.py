"""Counts gathered in process memory between two folds into the ZODB.

Writing a counter in the ZODB on every search would make concurrent searches
conflict, so each Zope process adds them up here, per site, and ``fold.py`` writes
the sum in one short transaction now and then. What a process holds is lost if it
crashes: at most one fold interval of counts.
"""

import threading
import time
from collections import Counter
from dataclasses import dataclass
from dataclasses import field

from zhengwu.search.stats.per_site import PerSite

# A process keeps no more than this many distinct entries per site, whatever happens
# to the folds (a flood of unique queries must not exhaust memory).
MAX_ENTRIES = 50_000


@dataclass
class Snapshot:
    """Counts taken out of a buffer to be folded.

    ``searches``: (day ordinal, language, query) → [searches, empty, last, last_empty]
    (``empty``: searches that found nothing; times in seconds since the epoch);
    ``opens``: (day ordinal, UID) → page opens;
    ``visitors``: (day ordinal, language, shown query, visitor's day token) of the
    searches that count for the hot list;
    ``pairs``: (day ordinal, term, term, visitor's day token) → (the term a guide
    was found with, the guide's UID): evidence for a mined synonym (``visits.py``).
    """

    searches: dict = field(default_factory=dict)
    opens: Counter = field(default_factory=Counter)
    visitors: set = field(default_factory=set)
    pairs: dict = field(default_factory=dict)

    def __len__(self):
        return (
            len(self.searches) + len(self.opens) + len(self.visitors) + len(self.pairs)
        )

    def add_search(self, key, searches, empty, last, last_empty):
        counts = self.searches.get(key)
        if counts is None:
            self.searches[key] = [searches, empty, last, last_empty]
            return
        counts[0] += searches
        counts[1] += empty
        counts[2] = max(counts[2], last)
        counts[3] = max(counts[3], last_empty)

    def merge(self, other):
        for key, counts in other.searches.items():
            self.add_search(key, *counts)
        self.opens.update(other.opens)
        self.visitors |= other.visitors
        self.pairs.update(other.pairs)


class Buffer:
    """One site's counts in this process; every method is safe across threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = Snapshot()
        self._folding = False
        self.folded_at = time.monotonic()

    def add_search(self, day, language, query, empty, now):
        key = (day, language, query)
        with self._lock:
            if key in self._counts.searches or len(self._counts) < MAX_ENTRIES:
                self._counts.add_search(key, 1, int(empty), now, now if empty else 0.0)

    def add_visitor(self, day, language, query, token):
        key = (day, language, query, token)
        with self._lock:
            if key in self._counts.visitors or len(self._counts) < MAX_ENTRIES:
                self._counts.visitors.add(key)

    def add_pair(self, day, pair, token, found, guide):
        """Note one visitor's evidence for the synonym ``pair`` (two sorted terms)."""
        key = (day, *pair, token)
        with self._lock:
            if key in self._counts.pairs or len(self._counts) < MAX_ENTRIES:
                self._counts.pairs[key] = (found, guide)

    def add_open(self, day, uid):
        key = (day, uid)
        with self._lock:
            if key in self._counts.opens or len(self._counts) < MAX_ENTRIES:
                self._counts.opens[key] += 1

    def __len__(self):
        with self._lock:
            return len(self._counts)

    def start_fold(self):
        """Claim the next fold for this thread: False when another one is running."""
        with self._lock:
            if self._folding:
                return False
            self._folding = True
            self.folded_at = time.monotonic()
            return True

    def end_fold(self):
        with self._lock:
            self._folding = False

    def take(self):
        """The counts gathered so far; the buffer starts empty again."""
        with self._lock:
            taken, self._counts = self._counts, Snapshot()
            return taken

    def restore(self, snapshot):
        """Put back counts that could not be folded, for the next fold."""
        with self._lock:
            snapshot.merge(self._counts)
            self._counts = snapshot


# The buffer of a site in this process (one per site path).
buffer_of = PerSite(Buffer)
