"""Caching tests: anonymous and editors' requests to the live test server."""

import pytest
from layers import DISTRICT
from plone.memoize.ram import global_cache


@pytest.fixture
def base_url(acceptance):
    """http://host:port of the live test server; the RAM cache starts empty."""
    global_cache.invalidateAll()
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.fixture
def site_url(base_url):
    return f"{base_url}/{DISTRICT}"
