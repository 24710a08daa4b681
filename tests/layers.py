"""Test layers: a real Solr server, the add-on, a district site made from its profile.

The layers are stacked as plone.testing expects, so a real Solr is up before any
Plone site is created and stays up for the whole test session.
"""

import atexit
import contextlib
import json
import os
import shutil
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

import processes
import solr_auth
import transaction
from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.app.testing import login
from plone.testing import Layer
from plone.testing.zope import WSGI_SERVER_FIXTURE
from zope.component.hooks import setSite

import solr

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
DISTRICT = "nanshan"


class SolrServerLayer(Layer):
    """A real Solr 9 (the portal's own build and configset) on a free port, with
    the portal's authentication: a login generated for the session."""

    cores = ("nanshan", "yantian", "nanshan_corpus")

    def setUp(self):
        solr.ensure_built()
        self.home = Path(tempfile.mkdtemp(prefix="zhengwu-solr-"))
        self.credentials = solr_auth.generate_credentials()
        solr.prepare_home(self.home, list(self.cores), self.credentials)
        self.port = processes.free_port()
        self.start_solr()
        # A later layer that fails to set up leaves tearDown unrun: never leave
        # a Solr behind when the test process ends.
        atexit.register(self._stop_if_running)
        self["solr_port"] = self.port
        self["solr_layer"] = self
        # As the generated zope.conf hands them to the portal's Zope clients.
        os.environ["COLLECTIVE_SOLR_HOST"] = "127.0.0.1"
        os.environ["COLLECTIVE_SOLR_PORT"] = str(self.port)
        os.environ["COLLECTIVE_SOLR_LOGIN"] = self.credentials.login
        os.environ["COLLECTIVE_SOLR_PASSWORD"] = self.credentials.password

    def start_solr(self):
        self.process = solr.start(self.home, self.port, self.home / "solr.log")
        solr.wait_until_ready(self.port, self.cores[0], self.credentials)

    def request(self, url, data=None, headers=None):
        """A urllib request of ``url`` on this Solr, with the test login."""
        headers = {**(headers or {}), **self.credentials.headers()}
        return urllib.request.Request(url, data=data, headers=headers)  # noqa: S310

    def stop_solr(self):
        solr.stop(self.process.pid)
        self.process.wait()

    def _stop_if_running(self):
        if self.process.poll() is None:
            self.stop_solr()

    def delete(self, core, query):
        """Delete the documents matching ``query`` from ``core`` and commit."""
        solr.post_json(
            self.port,
            f"/{core}/update?commit=true",
            {"delete": {"query": query}},
            self.credentials,
            timeout=30,
        )

    def forget_board(self, district=DISTRICT):
        """Delete the question board's documents (政务知道) from the district's core:
        questions of rolled-back test databases would linger in Solr and feed the
        search of later tests (typo vocabulary, hints). Nothing while Solr is down."""
        process = getattr(self, "process", None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(OSError):  # a test that stopped Solr on purpose
            self.delete(district, f'path_parents:"/{district}/zh-cn/zhidao"')

    def tearDown(self):
        self.stop_solr()
        atexit.unregister(self._stop_if_running)
        for name in ("HOST", "PORT", "LOGIN", "PASSWORD"):
            os.environ.pop(f"COLLECTIVE_SOLR_{name}", None)
        shutil.rmtree(self.home, ignore_errors=True)


SOLR_SERVER_FIXTURE = SolrServerLayer(name="SolrServer")


def solr_request(url, data=None, headers=None):
    """A urllib request to the test Solr, logged in as the portal (tests that read
    or write the core directly)."""
    return SOLR_SERVER_FIXTURE.request(url, data, headers)


def solr_select(port, core="nanshan", **params):
    """The ``response`` of a select on the test Solr's ``core`` (``wt=json``)."""
    query = urllib.parse.urlencode({"wt": "json", **params})
    url = f"http://127.0.0.1:{port}/solr/{core}/select?{query}"
    with urllib.request.urlopen(solr_request(url), timeout=30) as response:
        return json.load(response)["response"]


def solr_login():
    """The test Solr's ``(login, password)``, e.g. for ``requests``' ``auth``."""
    return tuple(SOLR_SERVER_FIXTURE.credentials)


class ZhengwuLayer(PloneSandboxLayer):
    """The add-on installed in the stock test site, and the Nanshan district site."""

    defaultBases = (SOLR_SERVER_FIXTURE, PLONE_APP_CONTENTTYPES_FIXTURE)

    def setUpZope(self, app, configurationContext):
        import zhengwu

        self.loadZCML(package=zhengwu)

    def setUpPloneSite(self, portal):
        from zhengwu.sites.create import HEAVY
        from zhengwu.sites.create import create_district_site
        from zhengwu.sites.profile import load_district_profile

        applyProfile(portal, "zhengwu:default")
        profile = load_district_profile(PROFILES / DISTRICT)
        app = portal.getPhysicalRoot()
        login(app, SITE_OWNER_NAME)  # as `make start` creates it: as admin
        create_district_site(app, profile, skip=HEAVY)  # demo data: own fixtures
        # Commit while the district is the current site, so that its Solr indexer
        # (not the stock test site's) sends the departments to the real Solr.
        transaction.commit()
        setSite(portal)


ZHENGWU_FIXTURE = ZhengwuLayer()
ZHENGWU_INTEGRATION_TESTING = IntegrationTesting(
    bases=(ZHENGWU_FIXTURE,), name="Zhengwu:Integration"
)
ZHENGWU_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(ZHENGWU_FIXTURE,), name="Zhengwu:Functional"
)
ZHENGWU_ACCEPTANCE_TESTING = FunctionalTesting(
    bases=(ZHENGWU_FIXTURE, WSGI_SERVER_FIXTURE), name="Zhengwu:Acceptance"
)


CORPUS_STEPS = (
    "zhengwu.demo zhengwu.demo-questions zhengwu.powers zhengwu.search-curation"
)


class CorpusLayer(PloneSandboxLayer):
    """The Nanshan site with its demo corpus (the HEAVY setup steps), for measuring
    search quality. ``ZHENGWU_CORPUS_STEPS`` names the setup steps run again on the
    site (default ``CORPUS_STEPS``: demo corpus, 政务知道 questions and answers,
    8,091 powers items, starter search curation, as ``make start`` runs them; leave
    ``zhengwu.powers`` out for a quicker layer).

    The site indexes into a Solr core of its own while this layer is up, so the
    tests of the layers below never see the corpus in their core."""

    defaultBases = (ZHENGWU_FIXTURE,)
    core = "nanshan_corpus"

    def setUpPloneSite(self, portal):
        from plone import api
        from zope.component import getUtility

        from zhengwu.interfaces import IDistrictSetupStep
        from zhengwu.sites.create import connect_solr
        from zhengwu.sites.profile import load_district_profile

        app = portal.getPhysicalRoot()
        site = app[DISTRICT]
        setSite(site)
        login(app, SITE_OWNER_NAME)
        connect_solr(site, self.core)
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults():
            brain._unrestrictedGetObject().reindexObject()
        profile = load_district_profile(PROFILES / DISTRICT)
        steps = os.environ.get("ZHENGWU_CORPUS_STEPS", CORPUS_STEPS).split()
        for name in steps:
            getUtility(IDistrictSetupStep, name=name)(site, profile)
        transaction.commit()
        setSite(portal)

    def tearDownPloneSite(self, portal):
        SOLR_SERVER_FIXTURE.delete(self.core, "*:*")


ZHENGWU_CORPUS_FIXTURE = CorpusLayer(name="ZhengwuCorpus")
ZHENGWU_CORPUS_TESTING = FunctionalTesting(
    bases=(ZHENGWU_CORPUS_FIXTURE,), name="Zhengwu:Corpus"
)
