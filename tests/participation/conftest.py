"""Fixtures of the 政务知道 tests."""

import pytest
from layers import SOLR_SERVER_FIXTURE
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login


@pytest.fixture
def site(district):
    """The integration layer's Nanshan site, as the site owner."""
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return district


@pytest.fixture(autouse=True)
def _forget_board_in_solr():
    """Questions committed by a test stay in Solr after its database is rolled back:
    remove them, so that later tests' searches do not see them."""
    yield
    SOLR_SERVER_FIXTURE.forget_board()
