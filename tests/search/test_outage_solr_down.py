"""Solr stops mid-test: search answers from the catalog, edits commit, and the
updates made meanwhile reach Solr once it is back."""

import html
import json
import urllib.parse
import urllib.request

import pytest
import transaction
from layers import solr_request
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import Browser
from zope.component.hooks import setSite

from zhengwu.search.solr import outage
from zhengwu.search.solr.catchup import INDEX
from zhengwu.search.solr.catchup import UNINDEX
from zhengwu.search.solr.catchup import queue_of

NOTICE = "搜索暂时以简化模式运行，结果可能不完整。"
SECTION = "/nanshan/zh-cn/gaj"


def solr_select(port, **params):
    query = urllib.parse.urlencode({"wt": "json", **params})
    url = f"http://127.0.0.1:{port}/solr/nanshan/select?{query}"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return json.load(response)["response"]


def search_page(app, text):
    browser = Browser(app)
    browser.handleErrors = False
    query = urllib.parse.urlencode({"SearchableText": text})
    browser.open(f"http://nohost{SECTION[:-4]}/@@search?{query}")
    return browser


def rest_search(app, text):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Accept", "application/json")
    query = urllib.parse.urlencode({"SearchableText": text})
    browser.open(f"http://nohost{SECTION[:-4]}/@search?{query}")
    return browser


def health(app):
    browser = Browser(app)
    browser.addHeader("Accept", "application/json")
    browser.open("http://nohost/nanshan/@health")
    return json.loads(browser.contents)["solr"]


def found_paths(browser):
    return [
        item["@id"].replace("http://nohost", "")
        for item in json.loads(browser.contents)["items"]
    ]


@pytest.fixture(autouse=True)
def fresh_solr_state(solr_server):
    """Nothing remembered about Solr across tests; the test's Solr documents removed."""
    outage.forget()
    yield
    outage.forget()
    solr_server.delete("nanshan", f'path_parents:"{SECTION}" -getId:gaj')


def _publish(container, id, title):
    doc = api.content.create(container=container, type="Document", id=id, title=title)
    api.content.transition(doc, to_state="published")
    return doc


def test_outage_search_falls_back_edits_are_queued_and_replayed(
    functional, solr_server
):
    app = functional["app"]
    site = app["nanshan"]
    setSite(site)
    section = site["zh-cn"]["gaj"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        keep = _publish(section, "outage-keep", "出入境通行证签注")
        gone = _publish(section, "outage-gone", "出入境旧指南")
        api.content.create(
            container=section,
            type="Document",
            id="outage-draft",
            title="通行证签注内部稿",
        )
    transaction.commit()
    keep_uid, gone_uid = keep.UID(), gone.UID()
    assert solr_select(solr_server.port, q=f"UID:{gone_uid}")["numFound"] == 1

    solr_server.stop_solr()
    try:
        # (a) search page and REST search answer from the catalog, with the notice
        page = search_page(app, "通行证签注")
        text = html.unescape(page.contents)
        assert page.headers["status"].startswith("200")
        assert NOTICE in text
        assert f"{SECTION}/outage-keep" in page.contents
        assert page.headers["X-Zhengwu-Search"] == "catalog-fallback"
        rest = rest_search(app, "通行证签注")
        assert rest.headers["status"].startswith("200")
        assert rest.headers["X-Zhengwu-Search"] == "catalog-fallback"
        assert f"{SECTION}/outage-keep" in found_paths(rest)
        # the catalog keeps permissions: anonymous does not find the private draft
        assert f"{SECTION}/outage-draft" not in page.contents
        assert f"{SECTION}/outage-draft" not in found_paths(rest)

        # (b) editing works: create, edit and delete, each transaction commits
        setSite(site)
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            new = _publish(section, "outage-new", "出入境新办法")
            transaction.commit()
            api.content.rename(obj=new, new_id="outage-moved")
            transaction.commit()
            keep.title = "出入境通行证再次签注"
            keep.reindexObject()
            transaction.commit()
            api.content.delete(obj=section["outage-gone"], check_linkintegrity=False)
            transaction.commit()
        new_uid = new.UID()
        pending = dict(queue_of(site).pending())
        expected = {new_uid: INDEX, keep_uid: INDEX, gone_uid: UNINDEX}
        # the section itself is reindexed too (its modification date changed)
        assert {uid: pending.get(uid) for uid in expected} == expected
        assert "outage-moved" in section and "outage-gone" not in section
        # requests while Solr is down keep the queue; @health shows the backlog
        outage.forget()
        report = health(app)
        assert report["status"] == "down"
        assert report["pending_updates"] == len(pending)
        site._p_jar.sync()
        assert dict(queue_of(site).pending()) == pending
    finally:
        solr_server.start_solr()

    # (c) the next request that finds Solr up sends the queued updates
    outage.forget()
    Browser(app).open("http://nohost/nanshan/zh-cn")
    site._p_jar.sync()
    assert not queue_of(site)
    assert health(app)["pending_updates"] == 0
    created = solr_select(solr_server.port, q=f"UID:{new_uid}")["docs"]
    assert [doc["path_string"] for doc in created] == [f"{SECTION}/outage-moved"]
    edited = solr_select(solr_server.port, q=f"UID:{keep_uid}")["docs"]
    assert edited[0]["Title"] == "出入境通行证再次签注"
    assert solr_select(solr_server.port, q=f"UID:{gone_uid}")["numFound"] == 0

    # ... and search is answered by Solr again: no notice, no fallback header
    page = search_page(app, "通行證再次簽注")  # traditional: only Solr finds it
    assert NOTICE not in html.unescape(page.contents)
    assert "X-Zhengwu-Search" not in page.headers
    assert f"{SECTION}/outage-keep" in page.contents
    rest = rest_search(app, "通行證再次簽注")
    assert "X-Zhengwu-Search" not in rest.headers
    assert f"{SECTION}/outage-keep" in found_paths(rest)


def test_search_with_solr_up_shows_no_notice(functional):
    page = search_page(functional["app"], "身份证")
    assert NOTICE not in html.unescape(page.contents)
    assert "X-Zhengwu-Search" not in page.headers


def test_edits_with_solr_up_queue_nothing(functional, solr_server):
    site = functional["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        doc = _publish(site["zh-cn"]["gaj"], "outage-up", "正常时期的指南")
    transaction.commit()
    assert not queue_of(site)
    assert solr_select(solr_server.port, q=f"UID:{doc.UID()}")["numFound"] == 1


@pytest.mark.parametrize("text", ["AND", "NOT", "通行证 OR", '"', "(身份证"])
def test_query_the_catalog_cannot_parse_answers_empty_not_error(functional, text):
    site = functional["app"]["nanshan"]
    setSite(site)
    outage.mark_unreachable(outage.solr_manager())  # as after a failed request
    rest = rest_search(functional["app"], text)
    assert rest.headers["X-Zhengwu-Search"] == "catalog-fallback"
    assert isinstance(found_paths(rest), list)
    page = search_page(functional["app"], text)
    assert page.headers["status"].startswith("200")
    assert NOTICE in html.unescape(page.contents)
