"""District setup step ``zhengwu.search-curation``: starter synonyms and best bets.

Runs at order 70, after the demo content, so that best bets find their pages. It
adds each entry of ``profiles/common/search.toml`` and ``profiles/<district>/
search.toml`` (read and merged by ``starter``) once: the site remembers which it
added, so a group or best bet an editor removed or changed afterwards stays as the
editor left it. A group clashing with an editor's group is skipped; a best bet whose
page is missing is tried again the next time the step runs.
"""

import logging

from zope.interface import implementer

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.search.curation import storage
from zhengwu.search.curation.english import apply_english
from zhengwu.search.curation.normalize import normalize_query
from zhengwu.search.curation.solr_sync import push_synonyms
from zhengwu.search.curation.starter import load_starter
from zhengwu.search.curation.starter import starter_paths
from zhengwu.search.curation.targets import find_published

logger = logging.getLogger(__name__)

CREATOR = "zhengwu-setup"


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
    """Starter synonyms and best bets of the district (order 70, light): the common
    file's and the district's own, either of which may be missing."""

    order = 70
    heavy = False

    def __call__(self, site, profile):
        paths = starter_paths(profile)
        if paths:
            apply_starter(site, profile.default_language, load_starter(*paths))
        else:
            logger.info("Site %s: no search.toml, no starter curation", profile.id)
        apply_english(site, profile)
