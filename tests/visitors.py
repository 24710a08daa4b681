"""Test browsers of the functional layer: a citizen's and the site owner's."""

import html

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
