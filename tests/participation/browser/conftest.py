"""Fixtures of the 政务知道 page tests: the functional layer's Nanshan site, served
over HTTP (each test gets its own copy of the database), with citizens, a
moderator and department staff who log in with a password."""

import pytest
from layers import DISTRICT
from zope.component.hooks import setSite


@pytest.fixture
def site(functional):
    """The Nanshan site of the functional layer, as the current site."""
    portal = functional["app"][DISTRICT]
    setSite(portal)
    yield portal
    setSite(functional["portal"])


@pytest.fixture
def app(functional):
    return functional["app"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Every test starts with no posts counted (the limiters live in the process)."""
    from zhengwu.participation import posting

    posting._limiters.clear()
    yield
    posting._limiters.clear()
