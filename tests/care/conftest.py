"""Fixtures of the care application tests: the integration layer's Nanshan site."""

import pytest
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Every test starts with no posts counted (the limiters live in the process)."""
    from zhengwu.participation import posting

    posting._limiters.clear()
    yield
    posting._limiters.clear()


@pytest.fixture
def care_site(district):
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return district
