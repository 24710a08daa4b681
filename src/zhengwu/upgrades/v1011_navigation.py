"""1010 → 1011 (2026-12-07, issue 16): the Chinese site's navigation.

A district site gets its columns (栏目) from ``profiles/<district>/columns.tsv``
(the step only adds what is missing, so an editor's changes are kept).
Encyclopedia entries take tags (``plone.categorization``): the demo entries that
have none get the topics of ``profiles/common/content/encyclopedia.toml``, which
the encyclopedia index groups them by.
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import read_profile_toml
from zhengwu.upgrades.v1003_citizens_site import district_profile_of

logger = logging.getLogger(__name__)
PROFILE = "profile-zhengwu:default"
ENCYCLOPEDIA = ("content", "encyclopedia.toml")


def demo_topics(profile):
    """Entry id → topics of the shared encyclopedia file ({} when it is missing)."""
    path = profile.common_directory.joinpath(*ENCYCLOPEDIA)
    if not path.exists():
        return {}
    entries = read_profile_toml(path).get("entry", [])
    return {entry["id"]: list(entry.get("topics", [])) for entry in entries}


def tag_entries(site, topics):
    """Give the entries without tags the topics of their demo entry; the count."""
    count = 0
    catalog = site.portal_catalog
    for brain in catalog.unrestrictedSearchResults(portal_type="EncyclopediaEntry"):
        obj = brain._unrestrictedGetObject()
        if obj.Subject() or not topics.get(obj.getId()):
            continue
        obj.setSubject(topics[obj.getId()])
        obj.reindexObject(idxs=["Subject"])
        count += 1
    return count


def upgrade(setup_tool):
    setup_tool.runImportStepFromProfile(PROFILE, "typeinfo", run_dependencies=False)
    site = aq_parent(aq_inner(setup_tool))
    profile = district_profile_of(site)
    if profile is None:
        logger.info("%s is not a district site: no columns", site.getId())
        return
    setSite(site)
    tagged = tag_entries(site, demo_topics(profile))
    logger.info("%s: %d encyclopedia entries tagged", site.getId(), tagged)
    getUtility(IDistrictSetupStep, name="zhengwu.columns")(site, profile)
