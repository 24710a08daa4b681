"""Fixtures of the staff page tests: the functional layer's Nanshan site."""

import pytest
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest


@pytest.fixture
def site(functional):
    """Nanshan on the functional layer, as the site owner (commit before browsing)."""
    app = functional["app"]
    nanshan = app["nanshan"]
    setSite(nanshan)
    login(app, SITE_OWNER_NAME)
    if getRequest() is None:
        setRequest(functional["request"])
    yield nanshan
    setSite(functional["portal"])
    transaction.abort()
