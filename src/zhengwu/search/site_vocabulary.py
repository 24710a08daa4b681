"""A site's typo-correction vocabulary, read from its Solr core and kept in memory.

The words come from facets on the smartcn-segmented fields (``FIELDS``) over what an
anonymous visitor may see, so that a correction never reveals a word of a draft.
One vocabulary per Solr core lives in process memory. Within ``CHECK_EVERY`` seconds
it is used as is; after that one cheap request (Luke's index version) tells whether
the core has committed since: if it has, or after ``TTL`` seconds in any case (the
editors' synonym groups live in the ZODB, not in Solr), the vocabulary is read again.
When Solr does not answer, ``site_vocabulary`` returns None and says so in the log
once until it answers again.
"""

import base64
import logging
import re
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

from zope.component.hooks import site as current_site

from zhengwu.search import outage
from zhengwu.search.status import TIMEOUT
from zhengwu.search.status import _get_json
from zhengwu.search.status import _solr_url
from zhengwu.search.vocabulary import LONGEST
from zhengwu.search.vocabulary import build_vocabulary
from zhengwu.search.vocabulary import title_compounds

logger = logging.getLogger(__name__)

CHECK_EVERY = 30.0
TTL = 600.0

# A typo is corrected only to a word of TARGETS (what citizens search for by name),
# counted over what an anonymous visitor may see, so that a suggestion never shows
# a word of a draft. The words of KNOWN only keep a query that contains them from
# being changed (晚上 is not a typo of 网上): they are never shown, so Solr's
# term dictionary serves, without a permission filter.
TARGETS = ("Title", "Subject")
KNOWN = ("Description", "SearchableText")
_HAN_WORDS = f"[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]{{2,{LONGEST}}}"
_PUBLIC = [
    "allowedRolesAndUsers:Anonymous",
    "-effective:[NOW TO *]",
    "-expires:[* TO NOW]",
]
_FACETS = {
    "q": "*:*",
    "rows": "0",
    "fq": _PUBLIC,
    "facet": "true",
    "facet.field": list(TARGETS),
    "facet.limit": "-1",
    "facet.mincount": "1",
    "facet.matches": _HAN_WORDS,
    "json.nl": "map",
    "wt": "json",
}
_TERMS = {
    "terms.fl": list(KNOWN),
    "terms.limit": "-1",
    "terms.regex": _HAN_WORDS,
    "json.nl": "map",
    "wt": "json",
}
_TITLES = {"q": "*:*", "fq": _PUBLIC, "fl": "Title", "rows": "50000", "wt": "json"}
_FOLDING_LINE = re.compile(r'^"(.)"\s*=>\s*"(.)"$')
_FAILURES = (OSError, ValueError, KeyError, TypeError, urllib.error.URLError)


@dataclass
class _Entry:
    vocabulary: object
    version: object
    loaded: float
    checked: float


# Solr core URL -> _Entry; per process, shared by the threads under the lock
_cache = {}
_lock = threading.Lock()
_silent = set()  # cores whose outage is already in the log


def load_frequencies(get_json, base):
    """(word → document frequency, words a typo may be corrected to) of the core at
    ``base`` (``get_json(path)`` answers a GET on the Solr server): the words of
    ``TARGETS`` and the compounds of the public titles (``title_compounds``) are
    targets, the words of ``KNOWN`` only known."""
    frequencies = {}
    found = get_json(f"{base}/terms?{urlencode(_TERMS, doseq=True)}")
    _count(frequencies, found["terms"].values())
    found = get_json(f"{base}/select?{urlencode(_FACETS, doseq=True)}")
    counts = found["facet_counts"]["facet_fields"].values()
    targets = {word for words in counts for word in words}
    _count(frequencies, counts)
    found = get_json(f"{base}/select?{urlencode(_TITLES, doseq=True)}")
    titles = [doc.get("Title", "") for doc in found["response"]["docs"]]
    compounds = title_compounds(titles, frequencies)
    _count(frequencies, [compounds])
    targets.update(compounds)
    return frequencies, targets


def _count(frequencies, counts):
    for words in counts:
        for word, count in words.items():
            frequencies[word] = max(frequencies.get(word, 0), count)


def load_folding(get_text, base):
    """Traditional → simplified characters, as the core's analyzers map them
    (its ``mapping-t2s.txt``)."""
    found = get_text(f"{base}/admin/file?file=mapping-t2s.txt")
    folding = {}
    for line in found.splitlines():
        match = _FOLDING_LINE.match(line.strip())
        if match:
            folding[match.group(1)] = match.group(2)
    return folding


def index_version(get_json, base):
    """The version of the core's open index: it changes with every commit."""
    found = get_json(f"{base}/admin/luke?show=index&numTerms=0&wt=json")
    return found["index"]["version"]


def editors_words(site):
    """The words of the editors' synonym groups (curation), if that part is there."""
    try:
        from zhengwu.search.curation import storage
    except ImportError:
        return []
    groups = getattr(storage, "synonym_groups", None)
    if groups is None:
        return []
    return [word for group in groups(site) for word in group]


def site_vocabulary(site):
    """The ``Vocabulary`` of the site's Solr core, or None when Solr is off or down."""
    with current_site(site):
        manager = outage.solr_manager()
        if manager is None:
            return None
        base = manager.getConfigParameter("collective.solr.base").rstrip("/")
        key = _solr_url(manager, base)
        entry = _cache.get(key)
        if not outage.solr_reachable(manager):
            _log_down(key, "not reachable")
            return None
        if entry is not None and time.monotonic() - entry.checked < CHECK_EVERY:
            return entry.vocabulary
        with _lock:
            try:
                entry = _refresh(site, manager, base, _cache.get(key))
            except _FAILURES as error:
                outage.mark_unreachable(manager)
                _log_down(key, type(error).__name__)
                return None
            _cache[key] = entry
            _silent.discard(key)
            return entry.vocabulary


def _get_text(manager, path):
    """A GET on the core that answers plain text, with the connection's login."""
    request = urllib.request.Request(_solr_url(manager, path))  # noqa: S310
    login = manager.getConfigParameter(
        "collective.solr.solr_login", env_key="COLLECTIVE_SOLR_LOGIN"
    )
    if login:
        password = manager.getConfigParameter(
            "collective.solr.solr_password", env_key="COLLECTIVE_SOLR_PASSWORD"
        )
        token = base64.b64encode(f"{login}:{password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        return response.read().decode("utf-8")


def _refresh(site, manager, base, entry):
    def get_json(path):
        return _get_json(manager, path)

    def get_text(path):
        return _get_text(manager, path)

    now = time.monotonic()
    version = index_version(get_json, base)
    if entry is not None and entry.version == version and now - entry.loaded < TTL:
        entry.checked = now
        return entry
    frequencies, targets = load_frequencies(get_json, base)
    for word in editors_words(site):
        frequencies.setdefault(word, 1)
        targets.add(word)
    folding = entry.vocabulary.folding if entry else load_folding(get_text, base)
    vocabulary = build_vocabulary(frequencies, folding, targets)
    logger.debug("Typo vocabulary of %s: %d words", base, len(vocabulary))
    return _Entry(vocabulary, version, now, now)


def _log_down(key, reason):
    if key not in _silent:
        _silent.add(key)
        logger.info("No typo correction from %s: Solr %s", key, reason)


def forget():
    """Drop every cached vocabulary (tests; after a configset change)."""
    with _lock:
        _cache.clear()
        _silent.clear()
