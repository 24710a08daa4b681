"""Upgrade 1001: a site with collective.solr's own manager gets the per-core one."""

from collective.solr.interfaces import ISolrConnectionManager
from collective.solr.manager import SolrConnectionManager
from zope.component import getSiteManager
from zope.component import queryUtility

from zhengwu.search.solr.connection import SiteSolrConnectionManager
from zhengwu.upgrades.v1001_site_solr_connections import upgrade


def test_upgrade_replaces_the_shared_connection_manager(district):
    getSiteManager(district).registerUtility(
        SolrConnectionManager(), ISolrConnectionManager
    )
    assert type(queryUtility(ISolrConnectionManager)) is SolrConnectionManager
    upgrade(district.portal_setup)
    assert isinstance(queryUtility(ISolrConnectionManager), SiteSolrConnectionManager)
