"""Homepage tests: fresh page-open counts, the Nanshan site, users who edit or not."""

import pytest
import transaction
from homepage_fixtures import DEPARTMENT_EDITOR
from homepage_fixtures import SITE_ADMIN
from plone.app.caching.operations.utils import getRAMCache
from publishing import add_site_admin_and_editor
from zope.component.hooks import setSite

from zhengwu.search.stats import buffer
from zhengwu.search.stats import reports
from zhengwu.search.stats import usage


def _forget_process_memory():
    buffer.buffer_of.clear()
    reports._hot_cache.clear()
    usage._cache.clear()
    pages = getRAMCache()
    if pages is not None:
        pages.ramcache.invalidateAll()


@pytest.fixture(autouse=True)
def fresh_counts():
    """Counts, cached totals and cached pages live in process memory: they outlive
    a test's database."""
    _forget_process_memory()
    yield
    _forget_process_memory()


@pytest.fixture
def site(functional):
    """The Nanshan site of the functional layer, as the current site."""
    site = functional["app"]["nanshan"]
    setSite(site)
    _forget_process_memory()  # the site's own RAM cache of pages
    yield site
    setSite(functional["portal"])


@pytest.fixture
def people(site):
    """A site administrator and an editor of the gaj department, committed."""
    add_site_admin_and_editor(site, SITE_ADMIN, DEPARTMENT_EDITOR)
    transaction.commit()
