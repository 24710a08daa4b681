"""Plain HTTP requests to the live test server, as a browser without cookies."""

import requests
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def get(url, auth=None, **headers):
    """One GET in a fresh session (no cookies carried from another request)."""
    return requests.get(
        url, headers=headers, auth=auth, allow_redirects=False, timeout=60
    )
