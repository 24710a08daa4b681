"""Synonym groups and best bets of a site, kept in the site's annotations.

Plone is the source of truth: Solr's managed synonym list ``zh`` is a copy of the
groups (see ``solr_sync.py``); best bets never leave Plone. A best bet (推荐结果)
pins an ordered list of pages (UIDs) to one normalised query. ``best_bets_for`` runs
on every search: an annotation lookup and one BTree lookup.
"""

import re
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from persistent.list import PersistentList

from zhengwu import _
from zhengwu.annotations import annotation_store
from zhengwu.search.curation.normalize import normalize_query

KEY = "zhengwu.search.curation"
MAX_TERM = 40
# Editors separate terms with commas, 、, slashes, semicolons or new lines; a space
# stays inside a term ("id card").
_SEPARATORS = re.compile(r"[,，、/／;；\n\r]+")


class CurationError(ValueError):
    """Input the curation refuses; ``args[0]`` is the message for the editor."""

    @property
    def message(self):
        return self.args[0]


@dataclass(frozen=True)
class BestBet:
    """Pages pinned to a query, in order, and who pinned them when."""

    query: str
    uids: tuple[str, ...]
    creator: str
    modified: datetime


class CurationStore(Persistent):
    """The synonym groups (tuples of terms) and best bets (query → BestBet)."""

    def __init__(self):
        self.synonyms = PersistentList()
        self.best_bets = OOBTree()
        # True while the groups have changed in Plone but not yet reached Solr.
        self.synonyms_pending = False
        # Entries of the profile's starter list already added once (setup_step.py):
        # what an editor removed afterwards is not added again.
        self.starter_loaded = OOTreeSet()


def store_of(site, create=False):
    """The site's store (made on demand when ``create``), or None."""
    return annotation_store(site, KEY, CurationStore, create)


def synonym_groups(site):
    """Every synonym group of the site, as lists of normalised terms."""
    store = store_of(site)
    return [list(group) for group in store.synonyms] if store is not None else []


def best_bets_for(site, text):
    """The UIDs pinned to ``text`` (normalised), in order; [] when none."""
    store = store_of(site)
    if store is None:
        return []
    bet = store.best_bets.get(normalize_query(text))
    return list(bet.uids) if bet is not None else []


def best_bet(site, text):
    """The BestBet of ``text``, or None."""
    store = store_of(site)
    return store.best_bets.get(normalize_query(text)) if store is not None else None


def all_best_bets(site):
    """Every BestBet of the site, by query."""
    store = store_of(site)
    return list(store.best_bets.values()) if store is not None else []


def parse_terms(text):
    """Split what an editor typed into terms: ``'户口、户籍'`` → two terms."""
    return [part.strip() for part in _SEPARATORS.split(text or "") if part.strip()]


def clean_group(groups, terms, replacing=None):
    """The normalised, de-duplicated group of ``terms``, checked against ``groups``.

    ``replacing`` is the group being replaced (its terms may be kept). Raises a
    CurationError saying what is wrong.
    """
    group = []
    for term in terms:
        term = normalize_query(term)
        if term and term not in group:
            group.append(term)
    if not group:
        raise CurationError(_("Enter the terms of the synonym group."))
    if len(group) < 2:
        raise CurationError(_("A synonym group needs at least two different terms."))
    for term in group:
        if len(term) > MAX_TERM:
            raise CurationError(
                _(
                    "A term has at most ${max} characters: ${term}",
                    mapping={"max": MAX_TERM, "term": term},
                )
            )
        for other in groups:
            if term in other and list(other) != list(replacing or ()):
                raise CurationError(
                    _(
                        "${term} is already in the synonym group ${group}.",
                        mapping={"term": term, "group": " / ".join(other)},
                    )
                )
    return group


def _group_index(store, term):
    term = normalize_query(term)
    for index, group in enumerate(store.synonyms if store is not None else ()):
        if term in group:
            return index
    raise CurationError(
        _("No synonym group contains ${term}.", mapping={"term": term or "-"})
    )


def add_synonym_group(site, terms):
    """Add a group of ``terms``; return it as stored."""
    store = store_of(site, create=True)
    group = clean_group(store.synonyms, terms)
    store.synonyms.append(tuple(group))
    return group


def replace_synonym_group(site, term, terms):
    """Replace the group that contains ``term`` by ``terms``; return the new group."""
    store = store_of(site, create=True)
    index = _group_index(store, term)
    group = clean_group(store.synonyms, terms, replacing=store.synonyms[index])
    store.synonyms[index] = tuple(group)
    return group


def remove_synonym_group(site, term):
    """Remove the group that contains ``term``; return it."""
    store = store_of(site)
    return list(store.synonyms.pop(_group_index(store, term)))


def set_best_bet(site, query, uids, creator):
    """Pin ``uids`` (in order) to ``query``, replacing its pages; return the BestBet."""
    key = normalize_query(query)
    if not key:
        raise CurationError(_("Enter the query the pages are pinned to."))
    uids = tuple(dict.fromkeys(uids))
    if not uids:
        raise CurationError(_("Choose at least one published page for the query."))
    bet = BestBet(key, uids, creator, datetime.now(UTC))
    store_of(site, create=True).best_bets[key] = bet
    return bet


def remove_best_bet(site, query):
    """Unpin every page from ``query``; return the removed BestBet."""
    key = normalize_query(query)
    store = store_of(site)
    if store is None or key not in store.best_bets:
        raise CurationError(
            _("No best bet for the query ${query}.", mapping={"query": key or "-"})
        )
    return store.best_bets.pop(key)
