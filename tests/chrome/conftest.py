"""Fixtures of the site chrome tests: the live server's pages, parsed."""

import lxml.html
import pytest
import requests


@pytest.fixture
def base(acceptance):
    """The live server's root URL."""
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.fixture
def fetch():
    """GET a page as an anonymous visitor; return (response, parsed HTML)."""

    def get(url, **kwargs):
        response = requests.get(url, timeout=60, **kwargs)
        return response, lxml.html.fromstring(response.content)

    return get
