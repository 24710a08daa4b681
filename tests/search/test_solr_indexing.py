"""Content reaches the site's own Solr core and is found through the portal search."""

import html
import json
import urllib.parse
import urllib.request

import pytest
from layers import solr_request
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import Browser
from publishing import draft_in_department
from publishing import publish_in_department


def page_text(browser):
    """The page with character references decoded (Plone writes Han text as &#...;)."""
    return html.unescape(browser.contents)


def search_url(text):
    query = urllib.parse.urlencode({"SearchableText": text})
    return f"http://nohost/nanshan/zh-cn/@@search?{query}"


def solr_select(port, core, **params):
    query = urllib.parse.urlencode({"wt": "json", **params})
    url = f"http://127.0.0.1:{port}/solr/{core}/select?{query}"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return json.load(response)["response"]


@pytest.fixture(autouse=True)
def forget_test_content(solr_server):
    """The test's ZODB changes are rolled back; remove its Solr documents as well."""
    yield
    solr_server.delete("nanshan", 'path_parents:"/nanshan/zh-cn/gaj" -getId:gaj')


def _publish_guide_page(app):
    return publish_in_department(
        app,
        "gaj",
        id="sfz-bl",
        title="居民身份证补领",
        description="身份证丢失或损坏后的补领办法",
        text=RichTextValue("<p>到户籍所在地派出所办理，带上户口簿。</p>"),
    )


def test_published_document_is_indexed_into_the_site_core(functional, solr_server):
    doc = _publish_guide_page(functional["app"])
    found = solr_select(solr_server.port, "nanshan", q=f"UID:{doc.UID()}")
    assert found["numFound"] == 1
    stored = found["docs"][0]
    assert stored["Title"] == "居民身份证补领"
    assert stored["path_string"] == "/nanshan/zh-cn/gaj/sfz-bl"
    assert "Anonymous" in stored["allowedRolesAndUsers"]
    other_core = solr_select(solr_server.port, "yantian", q=f"UID:{doc.UID()}")
    assert other_core["numFound"] == 0


def test_portal_search_answers_from_solr_in_chinese(functional):
    doc = _publish_guide_page(functional["app"])
    catalog = functional["app"]["nanshan"].portal_catalog
    for query in ("身份证", "补领身份证", "身份證補領"):
        uids = [brain.UID for brain in catalog(SearchableText=query)]
        assert doc.UID() in uids, query
    # The stock catalog splits Han text into overlapping pairs and finds neither the
    # reordered nor the traditional query: these results came from Solr.
    stock = catalog._catalog.searchResults(SearchableText="身份證補領")
    assert doc.UID() not in [brain.UID for brain in stock]


def test_search_page_lists_the_document_for_an_anonymous_visitor(functional):
    _publish_guide_page(functional["app"])
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.open(search_url("身份證"))
    assert "居民身份证补领" in page_text(browser)
    assert "/nanshan/zh-cn/gaj/sfz-bl" in browser.contents


def test_drafts_are_in_solr_but_not_found_by_anonymous(functional):
    app = functional["app"]
    draft_in_department(
        app,
        "gaj",
        id="draft",
        title="内部草稿护照签发",
    )
    browser = Browser(app)
    browser.open(search_url("护照签发"))
    assert "/nanshan/zh-cn/gaj/draft" not in browser.contents
    assert "内部草稿护照签发" not in page_text(browser)
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(search_url("护照签发"))
    assert "内部草稿护照签发" in page_text(browser)


def test_each_site_keeps_its_own_solr_connection(district):
    from collective.solr.interfaces import ISolrConnectionManager
    from zope.component import queryUtility

    from zhengwu.search.solr.connection import SiteSolrConnectionManager

    manager = queryUtility(ISolrConnectionManager)
    assert isinstance(manager, SiteSolrConnectionManager)
    # The per-thread cache key names the core, so two sites never share one.
    assert manager.connection_key.endswith("/solr/nanshan")
