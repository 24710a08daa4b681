"""Serial counters for disclosure index numbers (索引号), one per body and year.

A counter is a plain persistent object *without* conflict resolution: two
transactions that take a number from the same counter conflict, and the loser is
retried (Zope retries ConflictError), so no two records can ever share a number.
A ``BTrees.Length`` would silently merge the two increments and hand out duplicates.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent

from zhengwu.annotations import annotation_store

ANNOTATION_KEY = "zhengwu.disclosure.index_counters"


class SerialCounter(Persistent):
    """The last serial handed out for one body in one year."""

    def __init__(self):
        self.last = 0

    def take(self):
        """Hand out the next serial; it is never handed out again."""
        self.last += 1
        return self.last


def counters_of(site):
    """The site's counters, keyed ``"<org_code>/<year>"`` (created on first use)."""
    return annotation_store(site, ANNOTATION_KEY, OOBTree, create=True)


def take_serial(site, org_code, year):
    """The next serial of ``org_code`` in ``year`` on ``site``."""
    counters = counters_of(site)
    key = f"{org_code}/{year}"
    counter = counters.get(key)
    if counter is None:
        counter = counters[key] = SerialCounter()
    return counter.take()
