"""A district's starter synonyms and best bets: ``profiles/<district>/search.toml``.

Loaded by the district setup step ``zhengwu.search-curation`` (order 70, after the
demo content, so that best bets find their pages). The step adds each entry of the
file once: the site remembers which it added, so a group or best bet an editor
removed or changed afterwards stays as the editor left it. A group clashing with an
editor's group is skipped; a best bet whose page is missing is tried again the next
time the step runs.
"""

import logging
from dataclasses import dataclass

from zope.interface import implementer

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.search.curation import storage
from zhengwu.search.curation.normalize import normalize_query
from zhengwu.search.curation.solr_sync import push_synonyms
from zhengwu.search.curation.targets import find_published
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

logger = logging.getLogger(__name__)

FILENAME = "search.toml"
CREATOR = "zhengwu-setup"


@dataclass(frozen=True)
class Starter:
    groups: tuple[tuple[str, ...], ...]
    best_bets: tuple[tuple[str, tuple[str, ...]], ...]  # (query, paths)


def _strings(value, where):
    if isinstance(value, str):
        value = [value]
    if not value or not all(isinstance(item, str) and item.strip() for item in value):
        raise ProfileError(f"{where}: expected a list of non-empty strings.")
    return tuple(value)


def load_starter(path):
    """Read ``search.toml``; a ProfileError names the entry that is wrong."""
    data = read_profile_toml(path)
    groups = []
    for number, entry in enumerate(data.get("synonyms", []), start=1):
        where = f"{path}, synonyms #{number}"
        terms = _strings(entry.get("terms"), f"{where}, terms")
        try:
            groups.append(tuple(storage.clean_group(groups, terms)))
        except storage.CurationError as error:
            raise ProfileError(f"{where}: {error.message.default}") from error
    bets = []
    for number, entry in enumerate(data.get("best_bets", []), start=1):
        where = f"{path}, best_bets #{number}"
        query = _strings(entry.get("query"), f"{where}, query")[0]
        paths = _strings(entry.get("paths", entry.get("path")), f"{where}, path")
        bets.append((query, paths))
    return Starter(tuple(groups), tuple(bets))


def _add_groups(site, groups, loaded):
    for group in groups:
        key = "synonyms:" + "|".join(sorted(group))
        if key in loaded:
            continue
        loaded.add(key)
        try:
            storage.add_synonym_group(site, group)
        except storage.CurationError:
            logger.info("Starter synonyms %s clash with the site's; skipped", group)


def _add_best_bets(site, language, best_bets, loaded):
    for query, paths in best_bets:
        key = "best_bet:" + normalize_query(query)
        if key in loaded or storage.best_bet(site, query) is not None:
            continue
        uids = []
        for path in paths:
            brain = find_published(site, f"{language}/{path}")
            if brain is None:
                logger.info("Best bet %s: no published page %s; skipped", query, path)
            else:
                uids.append(brain.UID)
        if uids:
            storage.set_best_bet(site, query, uids, CREATOR)
            loaded.add(key)


def apply_starter(site, language, starter):
    """Add what the site lacks of ``starter``; send the synonyms to Solr."""
    loaded = storage.store_of(site, create=True).starter_loaded
    _add_groups(site, starter.groups, loaded)
    _add_best_bets(site, language, starter.best_bets, loaded)
    if not push_synonyms(site):
        logger.warning("Solr unreachable: the synonyms are sent once it answers")


@implementer(IDistrictSetupStep)
class CurationStep:
    """Starter synonyms and best bets of the district (order 70, light)."""

    order = 70
    heavy = False

    def __call__(self, site, profile):
        path = profile.directory / FILENAME if profile.directory else None
        if path is None or not path.exists():
            logger.info("Site %s: no %s, no starter search curation", profile.id, path)
            return
        apply_starter(site, profile.default_language, load_starter(path))
