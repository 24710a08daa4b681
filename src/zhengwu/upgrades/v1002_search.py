"""1001 → 1002 (2026-11-25): intelligent search (issue 6).

New in the profile: the search curation control panel, the Manage search
permission, the search statistics settings and the search-box resources. The Solr
schema gained fields (pinyin, title prefixes, category, year, popularity): restart
Solr with the new configset first (`make start` refreshes every core's conf), then
run this step, which sends every object again.
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.solr.interfaces import ISolrConnectionManager
from zope.component import queryUtility

from zhengwu.search.solr.reindex import reindex_site

logger = logging.getLogger(__name__)
PROFILE = "profile-zhengwu:default"
STEPS = ("rolemap", "controlpanel", "plone.app.registry")


def upgrade(setup_tool):
    for step in STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    site = aq_parent(aq_inner(setup_tool))
    manager = queryUtility(ISolrConnectionManager)
    if manager is None or manager.getConnection() is None:
        logger.warning("%s: Solr is not active, no reindex", site.getId())
        return
    report = reindex_site(site)
    logger.info(
        "%s: %d objects sent to Solr, %d stale removed in %.1f s",
        site.getId(),
        report.indexed,
        report.deleted,
        report.seconds,
    )
