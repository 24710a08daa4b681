"""Fixtures of the workflow tests: a district site with department helpers."""

import pytest
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from wf_helpers import DISTRICT
from wf_helpers import Departments
from zope.component.hooks import setSite


@pytest.fixture
def departments(district):
    """Helpers on the integration layer's Nanshan site."""
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return Departments(district)


@pytest.fixture
def functional_departments(functional):
    """Helpers on the functional layer's Nanshan site (commit before browsing)."""
    app = functional["app"]
    site = app[DISTRICT]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    yield Departments(site)
    setSite(functional["portal"])
    transaction.abort()
