"""REST fixtures: a requests session on the Nanshan site served by the live layer."""

import pytest
import requests
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD


class SiteSession(requests.Session):
    """Relative URLs against ``base`` (``/nanshan``), JSON in and out."""

    def __init__(self, base, auth=None):
        super().__init__()
        self.base = base.rstrip("/")
        self.auth = auth
        self.headers.update({"Accept": "application/json"})

    def request(self, method, url, *args, **kwargs):
        if not url.startswith("http"):
            url = f"{self.base}/{url.lstrip('/')}"
        kwargs.setdefault("timeout", 60)
        return super().request(method, url, *args, **kwargs)


@pytest.fixture
def site_url(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}/nanshan"


@pytest.fixture
def rest(site_url):
    """The site owner (admin) over plone.restapi."""
    with SiteSession(site_url, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)) as s:
        yield s


@pytest.fixture
def anonymous(site_url):
    with SiteSession(site_url) as s:
        yield s


def created(response):
    """The JSON of a successful POST, or a failure that shows Plone's answer."""
    assert response.status_code == 201, response.text
    return response.json()


def messages(response):
    """The validation messages of a 400 answer, as one string."""
    assert response.status_code == 400, response.text
    return response.json()["message"]
