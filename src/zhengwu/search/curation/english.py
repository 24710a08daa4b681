"""English synonyms (US/UK spellings, common names) sent to the core's list ``en``.

``profiles/common/search-en.toml`` holds the groups, shared by every district; the
query analyzer of ``text_en`` (``Title_en``, ``SearchableText_en``) reads them from
the managed synonyms ``en`` of the site's core. The file is the source of truth: the
setup step ``zhengwu.search-curation`` (setup_step.py) makes the core's list equal
to it each time it runs. Editors' groups (Site Setup → Search curation) go to the
Chinese list ``zh`` instead (solr_sync.py).
"""

import logging
import re
import urllib.error

from zope.i18n import translate

from zhengwu.search.curation import storage
from zhengwu.search.curation.solr_sync import replace_managed_map
from zhengwu.search.solr.outage import mark_unreachable
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

logger = logging.getLogger(__name__)

FILENAME = "search-en.toml"
MANAGED = "schema/analysis/synonyms/en"
# What text_en's query analyzer leaves for the synonym filter: lower-case ASCII
# words (case and accents are folded, a possessive 's is gone), so a term written
# otherwise would never match.
_TERM = re.compile(r"^[a-z0-9]+(?:[ -][a-z0-9]+)*$")
_SIBILANT_END = ("s", "x", "z", "ch", "sh")


def _check_term(term, where):
    if not _TERM.match(term):
        raise ProfileError(
            f"{where}: {term!r}: write English terms in plain letters, digits, "
            "spaces and hyphens (driver license, not driver's license)."
        )


def load_english(path):
    """The synonym groups of ``search-en.toml`` (normalised tuples of terms); a
    ProfileError names the entry that is wrong."""
    data = read_profile_toml(path)
    groups = []
    for number, entry in enumerate(data.get("synonyms", []), start=1):
        where = f"{path}, synonyms #{number}"
        terms = entry.get("terms")
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ProfileError(f"{where}, terms: expected a list of strings.")
        try:
            group = storage.clean_group(groups, terms)
        except storage.CurationError as error:
            raise ProfileError(f"{where}: {translate(error.message)}") from error
        for term in group:
            _check_term(term, where)
        groups.append(tuple(group))
    return tuple(groups)


def plural(term):
    """The regular plural of a term's last word: ``id card`` → ``id cards``;
    ``None`` when it already ends in s (``customs``, ``news``)."""
    head, _space, word = term.rpartition(" ")
    if word.endswith("s"):
        return None
    if word.endswith(_SIBILANT_END):
        word += "es"
    elif len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        word = word[:-1] + "ies"
    else:
        word += "s"
    return f"{head} {word}" if head else word


def english_synonym_map(groups):
    """Solr's form of the groups: every term maps to all terms of its group, and
    so does the plural of each term, which the stemmer after the synonyms would
    otherwise reduce only after the synonyms were looked up."""
    wanted = {term: sorted(group) for group in groups for term in group}
    for group in groups:
        for term in group:
            variant = plural(term)
            if variant and variant not in wanted:
                wanted[variant] = sorted(group)
    return wanted


def push_english(manager, groups):
    """Make the core's managed synonyms ``en`` exactly ``groups``; reload the core."""
    replace_managed_map(manager, MANAGED, english_synonym_map(groups))


def apply_english(site, profile):
    """Send the shared English groups to the site's core; False when Solr fails.

    Without the file, or without an active Solr, there is nothing to do.
    """
    path = profile.common_directory / FILENAME
    if not path.exists():
        logger.info("Site %s: no %s, no English synonyms", profile.id, path)
        return True
    groups = load_english(path)
    manager = solr_manager()
    if manager is None:
        return True
    if solr_reachable(manager):
        try:
            push_english(manager, groups)
            return True
        except (OSError, ValueError, KeyError, urllib.error.URLError):
            logger.exception("English synonyms not sent to Solr")
            mark_unreachable(manager)
    logger.warning(
        "Site %s: Solr unreachable, English synonyms not sent: run the setup "
        "step zhengwu.search-curation again once it answers",
        profile.id,
    )
    return False
