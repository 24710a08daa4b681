"""Search and page-open counts in the ZODB, shaped so that concurrent folds merge.

The counts live in the site's annotations, one ``DayStats`` per day. A query's
counts of a day are a ``Tally`` and a page's opens a ``BTrees.Length.Length``: both
resolve write conflicts by adding up what each transaction added, so two Zope
processes folding at the same moment lose nothing. Inserting the same new key in
both is still a conflict; ``fold.py`` retries it.
"""

from BTrees.IOBTree import IOBTree
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent

from zhengwu.annotations import annotation_store

KEY = "zhengwu.search.stats"


class Tally(Persistent):
    """One query on one day: searches, searches that found nothing, last times."""

    def __init__(self):
        self.searches = 0
        self.empty = 0
        self.last = 0.0
        self.last_empty = 0.0

    def add(self, searches, empty, last, last_empty):
        self.searches += searches
        self.empty += empty
        self.last = max(self.last, last)
        self.last_empty = max(self.last_empty, last_empty)

    @property
    def found(self):
        """Searches that found something."""
        return self.searches - self.empty

    def _p_resolveConflict(self, old, committed, new):
        resolved = dict(new)
        for name in ("searches", "empty"):
            resolved[name] = committed[name] + new[name] - old[name]
        for name in ("last", "last_empty"):
            resolved[name] = max(committed[name], new[name])
        return resolved


class PairEvidence(Persistent):
    """One mined synonym pair on one day (``mined.py``): distinct visitors, the
    term they found a guide with and that guide's UID (the latest seen)."""

    def __init__(self):
        self.visitors = 0
        self.found = ""
        self.guide = ""

    def add(self, visitors, found, guide):
        self.visitors += visitors
        self.found, self.guide = found, guide

    def _p_resolveConflict(self, old, committed, new):
        resolved = dict(new)
        resolved["visitors"] = committed["visitors"] + new["visitors"] - old["visitors"]
        return resolved


class DayStats(Persistent):
    """One day: ``searches`` (language, query) → Tally, ``opens`` UID → Length,
    ``visitors`` (language, shown query) → Length of distinct visitors who found
    public results, and ``seen`` their (language, query, day token) while the day
    lasts (dropped after it: see ``forget_visitors``); ``pairs`` (term, term) →
    PairEvidence of mined synonyms, ``pair_seen`` their (term, term, day token)."""

    visitors = None
    seen = None
    pairs = None
    pair_seen = None

    def __init__(self):
        self.searches = OOBTree()
        self.opens = OOBTree()
        self.visitors = OOBTree()
        self.seen = OOTreeSet()
        self.pairs = OOBTree()
        self.pair_seen = OOTreeSet()

    def tally(self, language, query):
        key = (language, query)
        tally = self.searches.get(key)
        if tally is None:
            tally = self.searches[key] = Tally()
        return tally

    def add_opens(self, uid, count):
        counter = self.opens.get(uid)
        if counter is None:
            counter = self.opens[uid] = Length(0)
        counter.change(count)

    def add_visitor(self, language, query, token):
        """Count ``token`` once for (language, query) on this day."""
        if self.seen is False:
            return  # the day is over: its visitor tokens are gone
        if self.seen is None:  # a day stored before visitors were counted
            self.seen, self.visitors = OOTreeSet(), OOBTree()
        if not self.seen.insert((language, query, token)):
            return
        counter = self.visitors.get((language, query))
        if counter is None:
            counter = self.visitors[(language, query)] = Length(0)
        counter.change(1)

    def add_pair(self, pair, token, found, guide):
        """Count ``token`` once as evidence for the synonym ``pair`` on this day."""
        if self.pair_seen is False or self.seen is False:
            return  # the day is over: its visitor tokens are gone
        if self.pair_seen is None:  # a day stored before pairs were mined
            self.pair_seen, self.pairs = OOTreeSet(), OOBTree()
        if not self.pair_seen.insert((*pair, token)):
            return
        evidence = self.pairs.get(pair)
        if evidence is None:
            evidence = self.pairs[pair] = PairEvidence()
        evidence.add(1, found, guide)

    def forget_visitors(self):
        """Drop the day's visitor tokens (kept for deduplication on the day only)."""
        self.seen = False
        self.pair_seen = False

    def prune(self, keep):
        """Keep the ``keep`` most searched queries once there are twice as many.

        The slack lets a query that is new today gather counts over a few folds
        before it competes with the day's established ones.
        """
        if len(self.searches) <= 2 * keep:
            return
        ranked = sorted(self.searches.items(), key=lambda item: -item[1].searches)
        for key, _tally in ranked[keep:]:
            del self.searches[key]
        if self.visitors is not None and len(self.visitors) > 2 * keep:
            ranked = sorted(self.visitors.items(), key=lambda item: -item[1].value)
            for key, _counter in ranked[keep:]:
                del self.visitors[key]
        if self.pairs is not None and len(self.pairs) > 2 * keep:
            ranked = sorted(self.pairs.items(), key=lambda item: -item[1].visitors)
            for key, _evidence in ranked[keep:]:
                del self.pairs[key]


class SearchStats(Persistent):
    """A site's counts: ``days`` (date ordinal → DayStats), a ``revision`` that each
    fold increments, ``popularity`` (UID → opens in the window) not yet in Solr,
    ``hidden``, the queries editors took off the hot list, and ``dismissed``, the
    mined synonym pairs editors turned down."""

    hidden = ()
    dismissed = ()

    def __init__(self):
        self.days = IOBTree()
        self.revision = Length(0)
        self.popularity = OOBTree()
        self.window_day = 0

    def day(self, ordinal):
        stats = self.days.get(ordinal)
        if stats is None:
            stats = self.days[ordinal] = DayStats()
        return stats

    def hide(self, query, hidden=True):
        """Take ``query`` off the hot list (or put it back)."""
        if not isinstance(self.hidden, OOTreeSet):
            self.hidden = OOTreeSet()
        if hidden:
            self.hidden.insert(query)
        elif query in self.hidden:
            self.hidden.remove(query)
        self.revision.change(1)

    def dismiss(self, pair):
        """Never propose the synonym ``pair`` (two terms, sorted) again."""
        if not isinstance(self.dismissed, OOTreeSet):
            self.dismissed = OOTreeSet()
        self.dismissed.insert(tuple(pair))

    def window(self, today, days):
        """The DayStats of the ``days`` days up to ``today`` (ordinals)."""
        return self.days.values(min=today - days + 1, max=today)

    def opens(self, uid, today, days):
        return sum(
            day.opens[uid].value for day in self.window(today, days) if uid in day.opens
        )


def stats_of(site, create=False):
    """The site's SearchStats (made on demand when ``create``), or None."""
    return annotation_store(site, KEY, SearchStats, create)
