"""Helpers of the navigation tests: content made as the site owner, a citizen's
browser, the parsed page."""

from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from qa_helpers import PASSWORD
from qa_helpers import citizen
from visitors import Visitor


def create(container, type_, publish=True, **fields):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(container=container, type=type_, **fields)
        if publish:
            api.content.transition(obj, to_state="published")
    return obj


def citizen_browser(app, name="nav-citizen"):
    """A browser logged in as a registered citizen (a plain Member)."""
    citizen(name)
    browser = Visitor(app)
    browser.addHeader("Authorization", f"Basic {name}:{PASSWORD}")
    return browser


def tree_of(browser, url):
    browser.open(url)
    return html.fromstring(browser.contents)


def core_links(tree):
    """(text, href) of the links in the page's content core."""
    return [
        (a.text_content().strip(), a.get("href"))
        for a in tree.xpath("//*[@id='content-core']//a")
    ]
