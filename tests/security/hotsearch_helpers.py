"""Helpers of the hot-search trust tests: clean counts, searches over HTTP."""

import json
import urllib.parse

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from visitors import Visitor
from zope.component.hooks import setSite

from zhengwu.search.stats import buffer
from zhengwu.search.stats import reports

ROOT = "http://nohost/nanshan/zh-cn"


def clean_site(functional):
    """The Nanshan site, current, with empty in-process counts before and after."""
    buffer.buffer_of.clear()
    reports._hot_cache.clear()
    site = functional["app"]["nanshan"]
    setSite(site)
    yield site
    buffer.buffer_of.clear()
    reports._hot_cache.clear()
    setSite(functional["portal"])


def search(app, text, agent, staff=False):
    """Search ``text`` over REST as a visitor whose browser says ``agent``."""
    browser = Visitor(app)
    browser.raiseHttpErrors = False
    browser.addHeader("Accept", "application/json")
    browser.addHeader("User-Agent", agent)
    if staff:
        browser.addHeader(
            "Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"
        )
    query = urllib.parse.urlencode({"SearchableText": text})
    browser.open(f"{ROOT}/@search?{query}")
    transaction.begin()
    return json.loads(browser.contents)["items_total"]


def public_hot_list(app):
    """The queries of the anonymous ``@hot-searches`` of the Chinese root."""
    transaction.commit()
    browser = Visitor(app)
    browser.addHeader("Accept", "application/json")
    browser.open(f"{ROOT}/@hot-searches?limit=50")
    return {
        item["query"]: item["count"] for item in json.loads(browser.contents)["items"]
    }
