"""Session-wide fixtures: the Plone layers (with a real Solr) and the browser."""

import os

# Compile the gettext catalogues when Zope loads them, as the portal's zope.conf does:
# compiled .mo files are build output, not kept in git.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

import pytest  # noqa: E402
from layers import DISTRICT
from layers import SOLR_SERVER_FIXTURE
from layers import ZHENGWU_ACCEPTANCE_TESTING
from layers import ZHENGWU_FUNCTIONAL_TESTING
from layers import ZHENGWU_INTEGRATION_TESTING
from portal_runs import portal_environment
from portal_runs import run_portal
from pytest_plone import fixtures_factory
from visitors import anonymous_browser
from visitors import owner_browser
from zope.component.hooks import setSite

pytest_plugins = ["pytest_plone"]

LAYER_PREFIXES = ("acceptance", "functional", "integration")

globals().update(
    fixtures_factory(
        (
            (ZHENGWU_ACCEPTANCE_TESTING, "acceptance"),
            (ZHENGWU_FUNCTIONAL_TESTING, "functional"),
            (ZHENGWU_INTEGRATION_TESTING, "integration"),
        ),
        keep_session=False,
    )
)


@pytest.fixture(autouse=True, scope="session")
def _keep_used_layers_for_session(request):
    """Set each layer up once per session, and only when a collected test uses it.

    pytest-plone's own keeper would set every layer up even for a run of the pure
    tests (profiles, versions.cfg, start script), which then waits for Solr and Plone.
    """
    used = set()
    for item in request.session.items:
        used.update(getattr(item, "fixturenames", ()))
    for prefix in LAYER_PREFIXES:
        if prefix in used or f"{prefix}_class" in used:
            request.getfixturevalue(f"{prefix}_session")


@pytest.fixture
def district(integration):
    """The Nanshan site, created from profiles/nanshan by the test layer, as the
    current site (component lookups and plone.api act on it)."""
    site = integration["app"][DISTRICT]
    setSite(site)
    yield site
    setSite(integration["portal"])


@pytest.fixture
def site(functional):
    """The Nanshan site of the functional layer (served over HTTP; each test gets
    its own copy of the database), as the current site. Folders whose tests need
    another site (the integration layer's) define their own ``site``."""
    portal = functional["app"][DISTRICT]
    setSite(portal)
    yield portal
    setSite(functional["portal"])


@pytest.fixture
def solr_server():
    """The real Solr of the test layers (stop and start it to test outages)."""
    return SOLR_SERVER_FIXTURE


@pytest.fixture
def anonymous(functional):
    """A citizen's browser (not logged in) on the functional layer."""
    return anonymous_browser(functional["app"])


@pytest.fixture
def owner(functional):
    """The site administrator's browser on the functional layer."""
    return owner_browser(functional["app"])


@pytest.fixture
def portal_env(tmp_path):
    """The environment of a real portal of the test's own (scripts/portal.py) in a
    temporary var/ on free ports; whatever the test started is stopped after it."""
    env = portal_environment(tmp_path / "var")
    yield env
    run_portal("stop", env)
