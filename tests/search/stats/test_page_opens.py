"""Page opens: counted on a citizen's GET of a page, folded, sent to the real Solr
as the page's ``popularity``, kept while Solr is down."""

import json
import urllib.parse
import urllib.request
from datetime import date

import pytest
import transaction
from layers import solr_request
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from publishing import publish_in_department

from zhengwu.search.solr import outage
from zhengwu.search.stats import fold_now
from zhengwu.search.stats import record_open
from zhengwu.search.stats.storage import stats_of

PATH = "/nanshan/zh-cn/gaj/stats-id-card"


@pytest.fixture
def guide(functional, solr_server, site):
    outage.forget()
    guide = publish_in_department(
        functional["app"],
        "gaj",
        type_="Guide",
        id="stats-id-card",
        title="居民身份证申领",
        service_code="QR-0101",
    )
    yield guide
    outage.forget()
    solr_server.delete("nanshan", f'path_string:"{PATH}"')


def solr_docs(port, query):
    params = urllib.parse.urlencode({"q": query, "fl": "UID,popularity", "wt": "json"})
    url = f"http://127.0.0.1:{port}/solr/nanshan/select?{params}"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return json.load(response)["response"]["docs"]


def opens(site, uid):
    site._p_jar.sync()
    return stats_of(site).opens(uid, date.today().toordinal(), 30)


def visit(app, path, user=None, json_=False):
    browser = Browser(app)
    if user:
        browser.addHeader("Authorization", f"Basic {user}:{SITE_OWNER_PASSWORD}")
    if json_:
        browser.addHeader("Accept", "application/json")
    browser.open(f"http://nohost{path}")
    return browser


def test_citizens_opens_are_counted_not_editing_or_api_reads(functional, guide, site):
    app = functional["app"]
    visit(app, PATH)
    visit(app, f"{PATH}/view")
    visit(app, f"{PATH}?" + urllib.parse.urlencode({"situation": "补领"}))
    visit(app, f"{PATH}/@@edit", user=SITE_OWNER_NAME)
    visit(app, f"{PATH}/@@history", user=SITE_OWNER_NAME)
    visit(app, PATH, json_=True)
    visit(app, "/nanshan/zh-cn/gaj")  # a department page is not counted content
    fold_now(site)
    assert opens(site, guide.UID()) == 3
    department_uid = site["zh-cn"]["gaj"].UID()
    assert department_uid not in stats_of(site).popularity


def test_popularity_reaches_solr_after_the_fold(functional, guide, site, solr_server):
    visit(functional["app"], PATH)
    visit(functional["app"], PATH)
    fold_now(site)
    assert solr_docs(solr_server.port, f"UID:{guide.UID()}") == [
        {"UID": guide.UID(), "popularity": 2}
    ]
    site._p_jar.sync()
    assert not stats_of(site).popularity  # sent, no longer pending


def test_no_solr_document_is_made_for_a_page_solr_does_not_have(site, solr_server):
    record_open(site, "no-such-uid")
    fold_now(site)
    assert solr_docs(solr_server.port, "UID:no-such-uid") == []
    site._p_jar.sync()
    assert not stats_of(site).popularity


def test_popularity_waits_while_solr_is_down(functional, guide, site, solr_server):
    uid = guide.UID()
    transaction.commit()
    solr_server.stop_solr()
    try:
        visit(functional["app"], PATH)
        fold_now(site)  # Solr does not answer: the request and the fold go on
        site._p_jar.sync()
        assert dict(stats_of(site).popularity) == {uid: 1}
    finally:
        solr_server.start_solr()
    outage.forget()
    visit(functional["app"], PATH)
    fold_now(site)
    assert solr_docs(solr_server.port, f"UID:{uid}") == [{"UID": uid, "popularity": 2}]
    site._p_jar.sync()
    assert not stats_of(site).popularity
