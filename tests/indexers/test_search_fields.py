"""The search fields of published content, as the site's real Solr core holds them."""

import json
import urllib.parse
import urllib.request

import pytest
import transaction
from DateTime import DateTime
from layers import solr_request
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from publishing import publish_in_department
from zope.component.hooks import setSite

GUIDE = {
    "id": "id-card",
    "title": "居民身份证申领",
    "service_code": "QR-0101",
    "service_kind": "confirmation",
}


def solr(port, path="select", **params):
    query = urllib.parse.urlencode({"wt": "json", **params})
    url = f"http://127.0.0.1:{port}/solr/nanshan/{path}?{query}"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return json.load(response)


def found(port, q):
    docs = solr(port, q=q, fl="UID", rows=50)["response"]["docs"]
    return [doc["UID"] for doc in docs]


def stored(port, obj):
    docs = solr(port, q=f"UID:{obj.UID()}")["response"]["docs"]
    assert len(docs) == 1
    return docs[0]


def set_popularity(port, uid, opens):
    body = json.dumps([{"UID": uid, "popularity": {"set": opens}}]).encode()
    request = solr_request(
        f"http://127.0.0.1:{port}/solr/nanshan/update?commit=true",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


@pytest.fixture(autouse=True)
def forget_test_content(solr_server):
    yield
    solr_server.delete("nanshan", 'path_parents:"/nanshan/zh-cn/gaj" -getId:gaj')


@pytest.fixture
def guide(functional):
    return publish_in_department(functional["app"], "gaj", type_="Guide", **GUIDE)


def test_guide_has_full_pinyin_and_initials_of_every_suffix(guide, solr_server):
    doc = stored(solr_server.port, guide)
    assert doc["title_pinyin"][:2] == [
        "juminshenfenzhengshenling",
        "minshenfenzhengshenling",
    ]
    assert "shenfenzhengshenling" in doc["title_pinyin"]
    assert doc["title_initials"][:3] == ["jmsfzsl", "msfzsl", "sfzsl"]


def test_sfz_and_shenfenzheng_find_the_guide(guide, solr_server):
    port = solr_server.port
    for query in (
        "title_initials:sfz",
        "title_initials:SFZ",
        "title_pinyin:shenfenzheng",
        "title_pinyin:shenf",
        "title_pinyin:jumin",
    ):
        assert guide.UID() in found(port, query), query
    assert guide.UID() not in found(port, "title_initials:zfs")


def test_traditional_prefix_finds_the_title(guide, solr_server):
    port = solr_server.port
    assert guide.UID() in found(port, "title_prefix:身份證")
    assert guide.UID() in found(port, "title_prefix:申领")
    assert guide.UID() not in found(port, "title_prefix:身份验证")
    assert found(port, "{!field f=title_exact}居民身份證申領。") == [guide.UID()]


def test_guide_category_is_its_kind_and_year_its_publication_year(guide, solr_server):
    doc = stored(solr_server.port, guide)
    assert doc["category"] == ["行政确认"]
    assert doc["year"] == guide.created().year()
    guide.effective_date = DateTime("2024/12/31 23:30 GMT+8")
    guide.reindexObject()
    transaction.commit()
    assert stored(solr_server.port, guide)["year"] == 2024


def test_draft_year_is_the_creation_year(functional, solr_server):
    site = functional["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        draft = api.content.create(
            container=site["zh-cn"]["gaj"], type="Document", id="draft", title="草稿"
        )
        draft.creation_date = DateTime("2019/03/04 10:00 GMT+8")
        draft.reindexObject()
    transaction.commit()
    doc = stored(solr_server.port, draft)
    assert doc["year"] == 2019
    assert "category" not in doc  # a page has no category: nothing is sent


def test_removing_the_kind_clears_the_category_in_solr(guide, solr_server):
    guide.service_kind = None
    guide.reindexObject()
    transaction.commit()
    assert "category" not in stored(solr_server.port, guide)


def test_an_edit_keeps_the_popularity_set_by_the_statistics(guide, solr_server):
    set_popularity(solr_server.port, guide.UID(), 42)
    guide.title = "居民身份证申领（首次）"
    guide.reindexObject()
    transaction.commit()
    doc = stored(solr_server.port, guide)
    assert doc["popularity"] == 42
    assert doc["Title"] == "居民身份证申领（首次）"
    assert found(solr_server.port, "title_prefix:首次") == [guide.UID()]


def test_english_title_has_no_pinyin_and_clears_the_old_one(guide, solr_server):
    guide.title = "Apply for a resident ID card"
    guide.reindexObject()
    transaction.commit()
    doc = stored(solr_server.port, guide)
    assert "title_pinyin" not in doc
    assert "title_initials" not in doc
    assert guide.UID() not in found(solr_server.port, "title_initials:sfz")


def test_the_catalog_has_no_index_of_the_solr_only_fields(district):
    catalog = district.portal_catalog
    solr_only = {"title_pinyin", "title_initials", "title_prefix", "title_exact"}
    solr_only |= {"category", "year", "popularity"}
    assert not solr_only & set(catalog.indexes())
    assert not solr_only & set(catalog.schema())
