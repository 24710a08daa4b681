"""Test browsers of the functional layer: a citizen's and the site owner's."""

import base64
import html
import json

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser


class Visitor(Browser):
    """A test browser whose ``text`` is the page with character references decoded."""

    @property
    def text(self):
        return html.unescape(self.contents)


def anonymous_browser(app):
    """A citizen's browser (not logged in)."""
    return Visitor(app)


def owner_browser(app):
    """The site administrator's browser."""
    browser = Visitor(app)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def rest_call(app, method, url, body=None, user=None):
    """A plone.restapi call through the WSGI app as ``user`` (a (login, password)
    pair, or anonymous): ``(status, JSON body or None)``; then a new transaction,
    to see what the request committed."""
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    if user:
        token = base64.b64encode(f"{user[0]}:{user[1]}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    response = Visitor(app).testapp.request(
        url,
        method=method,
        body=json.dumps(body).encode() if body is not None else b"",
        headers=headers,
        expect_errors=True,
    )
    transaction.begin()
    text = response.body.decode("utf-8")
    return response.status_int, json.loads(text) if text.strip() else None
