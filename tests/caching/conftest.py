"""Caching tests: anonymous and editors' requests to the live test server."""

import pytest
import requests
from layers import DISTRICT
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.memoize.ram import global_cache

OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def base_url(acceptance):
    """http://host:port of the live test server; the RAM cache starts empty."""
    global_cache.invalidateAll()
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.fixture
def site_url(base_url):
    return f"{base_url}/{DISTRICT}"


def get(url, auth=None, **headers):
    """One GET in a fresh session (no cookies carried from another request)."""
    return requests.get(
        url, headers=headers, auth=auth, allow_redirects=False, timeout=60
    )
