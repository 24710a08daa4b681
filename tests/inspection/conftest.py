"""Fixtures of the self-inspection tests."""

import pytest
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login


@pytest.fixture
def site(district):
    """The integration layer's Nanshan site, as the site owner."""
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return district
