"""A visit's recent searches and result opens, kept in process memory only long
enough to mine synonyms from them.

A visit is an anonymous visitor's searches, named by the day token of
``visitors.py`` (no address is kept). A search from whose results nothing was
opened, followed within ``VISIT_SECONDS`` by a search from whose results a guide
was opened, is one visitor's evidence that the two queries name the same thing
(``mined.py``); the evidence goes into the buffer and is folded like any count.
A visit is forgotten ``KEEP_SECONDS`` after its last search or open, and a process
keeps at most ``MAX_VISITS`` visits per site (the least recently active go first).

An open counts when the page's ``Referer`` is the site's search page: its
``SearchableText`` names the search. A visit whose requests reach several Zope
processes is seen in parts by each; a click answered by another process is missed.
"""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from urllib.parse import parse_qs
from urllib.parse import urlsplit

from plone import api

from zhengwu.search.stats.buffer import buffer_of
from zhengwu.search.stats.mined import candidate_pair
from zhengwu.search.stats.normalize import normal_query
from zhengwu.search.stats.per_site import PerSite
from zhengwu.search.stats.resolve import resolved_words
from zhengwu.search.stats.visitors import visitor_token

VISIT_SECONDS = 600
KEEP_SECONDS = 2 * VISIT_SECONDS
# At most ~10,000 × 5 short entries per site and process (a few MB).
MAX_VISITS = 10_000
MAX_SEARCHES = 5
SEARCH_PAGES = ("@@search", "search")


@dataclass(slots=True)
class Search:
    """One query of a visit: when it was last searched, the words its results
    resolved to (``resolve.py``), whether a result was opened, whether it already
    served as evidence."""

    query: str
    at: float
    found_as: str = ""
    opened: bool = False
    used: bool = False


@dataclass(slots=True)
class Visit:
    searches: list = field(default_factory=list)
    last: float = 0.0

    def find(self, query):
        """The index of ``query`` among the searches, or None."""
        for index, search in enumerate(self.searches):
            if search.query == query:
                return index
        return None


class VisitLog:
    """One site's visits in this process; every method is safe across threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._visits = OrderedDict()

    def __len__(self):
        with self._lock:
            return len(self._visits)

    def _visit(self, token, now):
        while self._visits:  # the least recently active first
            oldest = next(iter(self._visits.values()))
            if oldest.last >= now - KEEP_SECONDS:
                break
            self._visits.popitem(last=False)
        visit = self._visits.get(token)
        if visit is None:
            visit = self._visits[token] = Visit()
            if len(self._visits) > MAX_VISITS:
                self._visits.popitem(last=False)
        self._visits.move_to_end(token)
        visit.last = now
        return visit

    def search(self, token, query, found_as, now):
        """Note that the visitor searched ``query`` (again: it moves last)."""
        with self._lock:
            visit = self._visit(token, now)
            index = visit.find(query)
            search = Search(query, now) if index is None else visit.searches.pop(index)
            search.at, search.found_as = now, found_as or search.found_as
            visit.searches.append(search)
            del visit.searches[:-MAX_SEARCHES]

    def open(self, token, query, guide_title, now):
        """Note that the visitor opened a result of ``query``; for a guide (its
        title given), the ``(failed query, words found)`` pairs it is evidence of."""
        with self._lock:
            visit = self._visit(token, now)
            index = visit.find(query)
            if index is None:  # searched in another process, or a cached page
                visit.searches.append(Search(query, now))
                del visit.searches[:-MAX_SEARCHES]
                index = len(visit.searches) - 1
            search = visit.searches[index]
            search.opened = True
            if guide_title is None:
                return []
            found = search.found_as or resolved_words(query, [guide_title])
            if not found:
                return []
            pairs = []
            for earlier in visit.searches[:index]:
                if earlier.opened or earlier.used:
                    continue
                if earlier.at >= search.at - VISIT_SECONDS:
                    earlier.used = True
                    pairs.append((earlier.query, found))
            return pairs


# The visit log of a site in this process (one per site path).
visit_log = PerSite(VisitLog)


def searched_from(site, request):
    """The normalised query of the site's search page that referred ``request``,
    or None."""
    referer = urlsplit(request.get("HTTP_REFERER") or "")
    base = urlsplit(site.absolute_url())
    # The scheme is not compared: a proxy may end TLS before Zope.
    if referer.netloc != base.netloc:
        return None
    folder, _slash, page = referer.path.rpartition("/")
    if page not in SEARCH_PAGES or not (folder + "/").startswith(base.path + "/"):
        return None
    texts = parse_qs(referer.query).get("SearchableText") or [""]
    return normal_query(texts[0]) or None


def record_visit_search(site, token, query, found_as="", now=None):
    """Note a visitor's search of ``query`` (``found_as``: the words its results
    resolved to, when it found something)."""
    query = normal_query(query)
    if token and query:
        visit_log(site).search(token, query, normal_query(found_as), now or time.time())


def record_visit_open(site, token, query, guide=None, now=None, day=None):
    """Note a visitor's open of a result of ``query``; ``guide``: ``(UID, title)``
    when the page is a guide. Evidence for a synonym goes into the buffer."""
    query = normal_query(query)
    if not token or not query:
        return
    title = guide[1] if guide else None
    day = (day or date.today()).toordinal()
    for failed, found in visit_log(site).open(token, query, title, now or time.time()):
        pair = candidate_pair(failed, found)
        if pair:
            buffer_of(site).add_pair(day, pair, token, normal_query(found), guide[0])


def note_search(site, request, info):
    """After an anonymous visitor's search (``hooks.record``): note it in the visit."""
    if not api.user.is_anonymous():
        return
    found_as = ""
    if info.total:
        found_as = resolved_words(info.searched or info.query, info.titles) or ""
    token = visitor_token(request, date.today().toordinal())
    record_visit_search(site, token, info.query, found_as)


def note_open(site, request, page):
    """After an anonymous visitor opened ``page``: note it when search results
    referred it."""
    query = searched_from(site, request)
    if query is None or not api.user.is_anonymous():
        return
    guide = (page.UID(), page.Title()) if page.portal_type == "Guide" else None
    token = visitor_token(request, date.today().toordinal())
    record_visit_open(site, token, query, guide)
