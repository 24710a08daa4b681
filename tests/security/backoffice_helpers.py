"""Helpers of the citizens' back-office tests: the live site with citizens' posts."""

import json

import requests
import transaction
from access_helpers import DISTRICT
from access_helpers import PASSWORD
from access_helpers import ask
from access_helpers import member
from access_helpers import publish
from access_helpers import strategy
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite


def live_site(acceptance):
    """The served site with two citizens, a moderator and their posts."""
    app = acceptance["app"]
    site = app[DISTRICT]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    member("bo-asker")
    member("bo-other")
    member("bo-moderator", "moderators")
    pending = ask(site, "bo-asker", "居住证怎么续签", department="gaj")
    posts = {
        "site": site,
        "base": f"http://{acceptance['host']}:{acceptance['port']}",
        "pending": pending,
        "open": publish(ask(site, "bo-asker", "驾驶证到期怎么换", department="gaj")),
        "strategy": strategy(site, "bo-asker"),
    }
    transaction.commit()
    return posts


def call(method, url, user=None, body=None, **headers):
    """A REST call with basic auth (no cookie, so no cross-site check)."""
    auth = (user, PASSWORD) if user and user != SITE_OWNER_NAME else None
    if user == SITE_OWNER_NAME:
        from access_helpers import ADMIN

        auth = ADMIN
    headers = {"Accept": "application/json", **headers}
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode("utf-8")
    return requests.request(
        method,
        url,
        data=data,
        auth=auth,
        headers=headers,
        timeout=60,
        allow_redirects=False,
    )


def page(url, user=None):
    """A themed HTML page as a browser with basic auth gets it."""
    auth = (user, PASSWORD) if user else None
    return requests.get(url, auth=auth, timeout=60, allow_redirects=False)


def fresh(obj):
    """``obj`` as the server committed it."""
    transaction.begin()
    return obj
