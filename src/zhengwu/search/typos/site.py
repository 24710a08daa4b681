"""A site's typo-correction vocabulary, read from its Solr core and kept in memory.

One vocabulary per Solr core lives in process memory, shared by the threads, and
no search waits for it: a background thread reads it (a few Solr requests, see
``solr_words``) when a search first needs it, and once it is ``CHECK_EVERY``
seconds old asks the core for its index version (one cheap Luke request), reading
the words again if the core has committed since, or after ``TTL`` seconds in any
case (the editors' synonym groups live in the ZODB, not in Solr). Until the first
read is done, and whenever Solr does not answer, ``site_vocabulary`` returns None;
an outage is logged once until Solr answers again.
"""

import json
import logging
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from dataclasses import replace

from zope.component.hooks import site as current_site

from zhengwu.search.curation.storage import synonym_groups
from zhengwu.search.solr import outage
from zhengwu.search.solr.http import auth_headers
from zhengwu.search.solr.http import solr_url
from zhengwu.search.solr.status import TIMEOUT
from zhengwu.search.typos.solr_words import index_version
from zhengwu.search.typos.solr_words import load_folding
from zhengwu.search.typos.solr_words import load_frequencies
from zhengwu.search.typos.vocabulary import Vocabulary
from zhengwu.search.typos.vocabulary import build_vocabulary

logger = logging.getLogger(__name__)

CHECK_EVERY = 30.0
TTL = 600.0
# Reading a large core's words takes longer than a search may wait.
LOAD_TIMEOUT = 10.0
# The first search of a process waits this long for the first reading (about 1 s for
# 10,000 documents), so that it too gets its correction; later ones never wait.
FIRST_WAIT = 3.0

_FAILURES = (OSError, ValueError, KeyError, TypeError, urllib.error.URLError)


@dataclass(frozen=True)
class _Core:
    """A Solr core as plain data (usable outside the request's thread)."""

    root: str  # scheme://host:port
    base: str  # /solr/<core>
    headers: tuple

    @property
    def key(self):
        return self.root + self.base

    def get_text(self, path, timeout=LOAD_TIMEOUT):
        url = self.root + path  # http(s) only: solr_url builds it
        request = urllib.request.Request(url, headers=dict(self.headers))  # noqa: S310
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.read().decode("utf-8")

    def get_json(self, path, timeout=LOAD_TIMEOUT):
        return json.loads(self.get_text(path, timeout))


@dataclass(frozen=True)
class _Entry:
    vocabulary: Vocabulary
    version: object
    loaded: float
    checked: float


# Solr core URL -> _Entry, -> its refresh thread, -> time of its last failed load
_cache = {}
_threads = {}
_failed = {}
_lock = threading.Lock()
_silent = set()  # cores whose outage is already in the log


def site_vocabulary(site, wait=False):
    """The ``Vocabulary`` of the site's Solr core; None when Solr is off or down, or
    when its first reading takes longer than ``FIRST_WAIT`` (``wait``: until it is
    read)."""
    with current_site(site):
        manager = outage.solr_manager()
        if manager is None:
            return None
        core = _core_of(manager)
        if not outage.solr_reachable(manager):
            _log_down(core, "not reachable")
            return None
        entry = _cache.get(core.key)
        now = time.monotonic()
        due = entry is None or now - entry.checked >= CHECK_EVERY
        failed = _failed.get(core.key, float("-inf"))
        if due and now - failed >= CHECK_EVERY:
            thread = _refresh_later(core, editors_words(site))
            if wait or entry is None:
                thread.join(LOAD_TIMEOUT * 2 if wait else FIRST_WAIT)
                entry = _cache.get(core.key)
        return entry.vocabulary if entry is not None else None


def editors_words(site):
    """The words of the editors' synonym groups (curation)."""
    return [word for group in synonym_groups(site) for word in group]


def forget():
    """Drop every cached vocabulary (tests; after a configset change)."""
    with _lock:
        _cache.clear()
        _failed.clear()
        _silent.clear()


def _core_of(manager):
    base = manager.getConfigParameter("collective.solr.base").rstrip("/")
    headers = tuple(auth_headers(manager).items())
    return _Core(solr_url(manager, ""), base, headers)


def _load(core, entry, extra_words):
    """``entry`` again if the index has not changed within the TTL, else a new one."""
    now = time.monotonic()
    version = index_version(lambda path: core.get_json(path, TIMEOUT), core.base)
    if entry is not None and entry.version == version and now - entry.loaded < TTL:
        return replace(entry, checked=now)
    frequencies, targets = load_frequencies(core.get_json, core.base)
    for word in extra_words:
        frequencies.setdefault(word, 1)
        targets.add(word)
    if entry is not None:
        folding = entry.vocabulary.folding
    else:
        folding = load_folding(core.get_text, core.base)
    vocabulary = build_vocabulary(frequencies, folding, targets)
    logger.debug("Typo vocabulary of %s: %d words", core.base, len(vocabulary))
    return _Entry(vocabulary, version, now, now)


def _refresh_later(core, extra_words):
    """The thread that refreshes the core's vocabulary (started unless it runs)."""
    with _lock:
        thread = _threads.get(core.key)
        if thread is None:
            thread = threading.Thread(
                target=_refresh, args=(core, extra_words), name="zhengwu-vocabulary"
            )
            thread.daemon = True
            _threads[core.key] = thread
            thread.start()
        return thread


def _refresh(core, extra_words):
    try:
        entry = _load(core, _cache.get(core.key), extra_words)
    except _FAILURES as error:
        _log_down(core, type(error).__name__)
        with _lock:  # try again in CHECK_EVERY seconds, not at the next search
            _failed[core.key] = time.monotonic()
    else:
        with _lock:
            _cache[core.key] = entry
            _failed.pop(core.key, None)
            _silent.discard(core.key)
    finally:
        with _lock:
            _threads.pop(core.key, None)


def _log_down(core, reason):
    if core.key not in _silent:
        _silent.add(core.key)
        logger.info("No typo correction from %s: Solr %s", core.key, reason)
