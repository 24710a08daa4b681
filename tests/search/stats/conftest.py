"""Each test starts with empty in-process counts (they outlive a test's database)."""

import pytest
from zope.component.hooks import setSite

from zhengwu.search.stats import buffer
from zhengwu.search.stats import reports


@pytest.fixture(autouse=True)
def fresh_counts():
    buffer._buffers.clear()
    reports._hot_cache.clear()
    yield
    buffer._buffers.clear()
    reports._hot_cache.clear()


@pytest.fixture
def site(functional):
    """The Nanshan site of the functional layer, as the current site."""
    site = functional["app"]["nanshan"]
    setSite(site)
    yield site
    setSite(functional["portal"])
