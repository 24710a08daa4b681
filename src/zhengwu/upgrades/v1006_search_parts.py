"""1005 → 1006 (issue 15): guides searched whole, one result per question thread.

The Solr schema has new fields (each part of a guide, the body of articles and
threads, a guide's evidence, the ``group_key`` results collapse on, the English
copies; the core takes the new schema.xml when the portal starts). The pages that
fill them are indexed again, and answers leave Plone's own search
(``plone.types_not_searched``). A district site takes in the shared starter
synonyms (``profiles/common/search.toml``: groups that clash with an editor's are
skipped, as the step always does) and the English ones (``search-en.toml``).
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.search.solr.reindex import reindex_site
from zhengwu.upgrades.v1003_citizens_site import district_profile_of

logger = logging.getLogger(__name__)
PROFILE = "profile-zhengwu:default"
TYPES = ("Guide", "Question", "Strategy", "PolicyInterpretation", "EncyclopediaEntry")


def upgrade(setup_tool):
    setup_tool.runImportStepFromProfile(
        PROFILE, "plone.app.registry", run_dependencies=False
    )
    site = aq_parent(aq_inner(setup_tool))
    catalog = site.portal_catalog
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(TYPES)):
        brain._unrestrictedGetObject().reindexObject(idxs=["SearchableText"])
        count += 1
    logger.info("%s: the full text of %s pages indexed again", site.getId(), count)
    setSite(site)
    try:  # every document again: new fields, and the copies Solr makes of them
        report = reindex_site(site)
    except (OSError, RuntimeError) as error:
        logger.warning(
            "%s: Solr not reindexed (%s): POST @solr-reindex once it answers",
            site.getId(),
            error,
        )
    else:
        logger.info("%s: %s documents sent to Solr", site.getId(), report.indexed)
    profile = district_profile_of(site)
    if profile is None:
        return
    getUtility(IDistrictSetupStep, name="zhengwu.search-curation")(site, profile)
