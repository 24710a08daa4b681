"""Synonyms mined from the search log: the pairs that count as evidence, the
proposals editors see on the search report, and accepting or dismissing one.

A visitor whose search led nowhere and who then found a guide with other words
(``visits.py``) says that the two queries name the same thing. Pairs are counted
by distinct visitors per day, like the hot list, and proposed once
``synonym_min_visitors`` visitors agree (docs/search/stats.md).
"""

from dataclasses import dataclass
from datetime import date

from zhengwu import _
from zhengwu.safety.sensitive import sensitive_words_in
from zhengwu.search.curation import changes
from zhengwu.search.curation.storage import MAX_TERM
from zhengwu.search.curation.storage import CurationError
from zhengwu.search.curation.storage import synonym_groups
from zhengwu.search.pinyin import normalize_latin
from zhengwu.search.pinyin import pinyin_key
from zhengwu.search.stats.normalize import normal_query
from zhengwu.search.stats.reports import blocked
from zhengwu.search.stats.resolve import han_words
from zhengwu.search.stats.settings import POPULARITY_DAYS
from zhengwu.search.stats.settings import setting
from zhengwu.search.stats.storage import stats_of


def candidate_pair(failed, found):
    """The sorted pair of terms that a search leading nowhere (``failed``) and one
    that found a guide (``found``) make, or None when they are no synonyms."""
    failed, found = normal_query(failed), normal_query(found)
    if not failed or not found or max(len(failed), len(found)) > MAX_TERM:
        return None
    # A narrower or wider query (公积金 → 公积金提取) is a refinement, not a name.
    if failed in found or found in failed:
        return None
    # Homophones (身份正 → 身份证) are the typo correction's job.
    if pinyin_key(failed) and pinyin_key(failed) == pinyin_key(found):
        return None
    # Pinyin or initials of the words found (hukouben → 户口本): the pinyin search's.
    latin = normalize_latin(failed)
    if latin and han_words(latin, [found]):
        return None
    return tuple(sorted((failed, found)))


@dataclass(frozen=True)
class Proposal:
    """A mined synonym: the two terms (sorted), which one found the guide, how
    many visitors agree, the guide's UID and the group the pair would join."""

    terms: tuple[str, str]
    found: str
    visitors: int
    guide: str
    joins: tuple[str, ...] = ()

    @property
    def searched(self):
        """The term whose search led nowhere."""
        first, second = self.terms
        return second if first == self.found else first


def pair_totals(site, days, today=None):
    """Per pair over ``days`` days: ``[visitors, found, guide]`` (the latest day's
    term and guide)."""
    stats = stats_of(site)
    if stats is None:
        return {}
    today = (today or date.today()).toordinal()
    totals = {}
    for day in stats.window(today, days):  # oldest first: the latest day wins
        for pair, evidence in (day.pairs or {}).items():
            total = totals.setdefault(pair, [0, "", ""])
            total[0] += evidence.visitors
            total[1:] = [evidence.found, evidence.guide]
    return totals


def _joins(groups, pair):
    """The group the pair would join, () for a new group, None when it cannot be
    added (both terms already grouped, together or apart)."""
    grouped = [group for group in groups if pair[0] in group or pair[1] in group]
    if not grouped:
        return ()
    if len(grouped) == 1 and not all(term in grouped[0] for term in pair):
        return tuple(grouped[0])
    return None


def _allowed(site, pair):
    return not any(blocked(site, term) or sensitive_words_in(term) for term in pair)


def proposals(site, days=30, limit=100, today=None):
    """The proposed synonyms, most visitors first: only pairs seen by at least
    ``synonym_min_visitors`` visitors, not dismissed, not already in one group and
    without blocked or sensitive words."""
    stats = stats_of(site)
    if stats is None:
        return []
    least = setting(site, "synonym_min_visitors")
    groups = synonym_groups(site)
    found = []
    for pair, (visitors, term, guide) in pair_totals(site, days, today).items():
        if visitors < least or pair in stats.dismissed:
            continue
        joins = _joins(groups, pair)
        if joins is not None and _allowed(site, pair):
            found.append(Proposal(pair, term, visitors, guide, joins))
    found.sort(key=lambda proposal: (-proposal.visitors, proposal.terms))
    return found[:limit]


def find_proposal(site, terms):
    """The current proposal of the two ``terms`` (any order), over all the days
    kept; raises a CurationError naming them when there is none."""
    pair = tuple(sorted(normal_query(term) for term in terms if isinstance(term, str)))
    days = max(setting(site, "retention_days"), POPULARITY_DAYS)
    for proposal in proposals(site, days=days, limit=None) if len(pair) == 2 else ():
        if proposal.terms == pair:
            return proposal
    raise CurationError(
        _(
            "No synonym is proposed for ${terms}: it was accepted, dismissed or "
            "never proposed.",
            mapping={"terms": " ≈ ".join(pair) or "-"},
        )
    )


def accept(site, terms):
    """Add a proposed pair to the synonym groups (joining the group one term is
    in) and send the groups to Solr, like an editor's own group: a ``Change``."""
    proposal = find_proposal(site, terms)
    if not proposal.joins:
        return changes.add_group(site, [proposal.found, proposal.searched])
    member = next(term for term in proposal.terms if term in proposal.joins)
    added = next(term for term in proposal.terms if term not in proposal.joins)
    return changes.change_group(site, member, [*proposal.joins, added])


def dismiss(site, terms):
    """Never propose the pair again; the message for the editor."""
    proposal = find_proposal(site, terms)
    stats_of(site).dismiss(proposal.terms)
    return _(
        "The synonym ${terms} is no longer proposed.",
        mapping={"terms": " ≈ ".join(proposal.terms)},
    )
