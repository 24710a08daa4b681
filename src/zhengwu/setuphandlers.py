"""Install handlers of the Zhengwu profiles."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.solr.interfaces import ISolrConnectionManager
from plone.base.interfaces import INonInstallable
from zope.component import getSiteManager
from zope.interface import implementer

from zhengwu.search.solr.connection import SiteSolrConnectionManager


@implementer(INonInstallable)
class HiddenProfiles:
    """Keep the uninstall profile out of the add-ons control panel."""

    def getNonInstallableProfiles(self):
        return ["zhengwu:uninstall"]


def use_site_solr_connections(site):
    """Replace collective.solr's connection manager in ``site`` with ours.

    GenericSetup's componentregistry step keeps an existing utility of the same
    interface, so the replacement is done here.
    """
    manager = getSiteManager(site).queryUtility(ISolrConnectionManager)
    if not isinstance(manager, SiteSolrConnectionManager):
        getSiteManager(site).registerUtility(
            SiteSolrConnectionManager(), ISolrConnectionManager
        )


def post_install(setup_tool):
    """After the XML steps of zhengwu:default (called with portal_setup)."""
    use_site_solr_connections(aq_parent(aq_inner(setup_tool)))
