"""?search_backend=catalog answers the same search from the stock catalog, not Solr."""

import html
import urllib.parse

import pytest
from plone.testing.zope import Browser
from publishing import publish_in_department


@pytest.fixture
def guide_page(functional, solr_server):
    app = functional["app"]
    publish_in_department(app, "gaj", id="bypass-check", title="居民身份证补领办法")
    yield app
    solr_server.delete("nanshan", 'path_string:"/nanshan/zh-cn/gaj/bypass-check"')


def search(app, text, **extra):
    browser = Browser(app)
    query = urllib.parse.urlencode({"SearchableText": text, **extra})
    browser.open(f"http://nohost/nanshan/zh-cn/@@search?{query}")
    return browser


def test_default_search_is_answered_by_solr(guide_page):
    browser = search(guide_page, "身份證補領")  # traditional: only Solr knows it
    assert "居民身份证补领办法" in html.unescape(browser.contents)
    assert "X-Zhengwu-Search" not in browser.headers


def test_bypass_answers_the_same_request_from_the_stock_catalog(guide_page):
    browser = search(guide_page, "身份證補領", search_backend="catalog")
    assert browser.headers["X-Zhengwu-Search"] == "catalog"
    assert "居民身份证补领办法" not in html.unescape(browser.contents)
    # What the stock catalog does find, it finds through the bypass as well.
    browser = search(guide_page, "身份证补领", search_backend="catalog")
    assert "居民身份证补领办法" in html.unescape(browser.contents)


def test_bypass_works_over_rest(guide_page):
    browser = Browser(guide_page)
    browser.addHeader("Accept", "application/json")
    query = urllib.parse.urlencode(
        {"SearchableText": "身份證補領", "search_backend": "catalog"}
    )
    browser.open(f"http://nohost/nanshan/zh-cn/@search?{query}")
    assert browser.headers["X-Zhengwu-Search"] == "catalog"
    assert b"bypass-check" not in browser.contents
    browser.open(
        "http://nohost/nanshan/zh-cn/@search?"
        + urllib.parse.urlencode({"SearchableText": "身份證補領"})
    )
    assert b"bypass-check" in browser.contents
