"""A test layer with the demo corpus loaded into both district sites.

It stacks on the Zhengwu layer (own demo storage, popped afterwards), so other
tests never see the corpus. Solr indexing is off while loading: the corpus is
checked through the catalog, and the layer's Solr cores stay as other tests expect.
"""

import transaction
from layers import PROFILES
from layers import ZHENGWU_FIXTURE
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import login
from plone.registry.interfaces import IRegistry
from pytest_plone import fixtures_factory
from zope.component import getUtility
from zope.component.hooks import setSite

# Yantian first: a new site is made while the stock test site is the current one.
DISTRICTS = ("yantian", "nanshan")


class DemoCorpusLayer(PloneSandboxLayer):
    """Nanshan and Yantian with their demo corpus; ``self['demo_counts']``."""

    defaultBases = (ZHENGWU_FIXTURE,)

    def setUpPloneSite(self, portal):
        from zhengwu.importers.demo_bookings import load_demo_bookings
        from zhengwu.importers.demo_questions import load_demo_questions
        from zhengwu.importers.setup_step import load_demo_corpus
        from zhengwu.sites.create import HEAVY
        from zhengwu.sites.create import create_district_site
        from zhengwu.sites.profile import load_district_profile

        app = portal.getPhysicalRoot()
        login(app, SITE_OWNER_NAME)
        counts = {}
        for district in DISTRICTS:
            profile = load_district_profile(PROFILES / district)
            site = create_district_site(app, profile, solr=False, skip=HEAVY)
            getUtility(IRegistry, context=site)["collective.solr.active"] = False
            transaction.commit()  # the new site first, as the demo step does
            counts[district] = load_demo_corpus(site, profile, PROFILES)
            counts[district]["questions"] = load_demo_questions(site, profile, PROFILES)
            counts[district]["bookings"] = load_demo_bookings(site, profile)
            # Commit while the district is the current site (as the Zhengwu
            # layer does): its indexing queue needs the site's components.
            transaction.commit()
            setSite(portal)
        self["demo_counts"] = counts
        setSite(portal)


DEMO_CORPUS_FIXTURE = DemoCorpusLayer(name="DemoCorpus")
DEMO_CORPUS_TESTING = IntegrationTesting(
    bases=(DEMO_CORPUS_FIXTURE,), name="DemoCorpus:Integration"
)

globals().update(fixtures_factory(((DEMO_CORPUS_TESTING, "demo"),), keep_session=False))
