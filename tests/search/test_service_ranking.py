"""The search service ranks the guide a citizen wants first, and never leaks."""

import json
import urllib.parse

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import Browser
from publishing import publish_in_department
from zope.component.hooks import setSite

from zhengwu.search import hooks

GUIDE = "/nanshan/zh-cn/gaj/rank-id-card"


@pytest.fixture
def content(functional, solr_server):
    """A guide, a strategy and news that talk about it, a longer-titled page, a
    draft and a private page of another department."""
    app = functional["app"]
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="rank-id-card",
        title="居民身份证申领",
        description="首次申领、换领和补领居民身份证。",
        service_code="QR-9101",
    )
    publish_in_department(
        app,
        "gaj",
        type_="Strategy",
        id="rank-strategy",
        title="身份证丢了又要坐飞机，身份证补办攻略",
        description="身份证丢了怎么办？身份证补领、临时身份证一次讲清。",
    )
    publish_in_department(
        app,
        "gaj",
        type_="News Item",
        id="rank-news",
        title="身份证业务延时服务：身份证窗口周六开放",
    )
    publish_in_department(
        app, "mzj", id="rank-marriage-more", title="结婚登记预约与结婚登记须知"
    )
    publish_in_department(app, "mzj", id="rank-marriage", title="结婚登记")
    site = app["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        draft = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="Guide",
            id="rank-draft",
            title="身份证草稿指南",
        )
        private = api.content.create(
            container=site["zh-cn"]["mzj"],
            type="Document",
            id="rank-private",
            title="身份证内部工作安排",
        )
    transaction.commit()
    yield {"app": app, "draft": draft.UID(), "private": private.UID()}
    solr_server.delete("nanshan", "id:rank-*")


def search(app, text, root="zh-cn", **extra):
    browser = Browser(app)
    browser.addHeader("Accept", "application/json")
    query = urllib.parse.urlencode({"SearchableText": text, **extra})
    browser.open(f"http://nohost/nanshan/{root}/@search?{query}")
    return browser, json.loads(browser.contents)


def paths(data):
    return [urllib.parse.urlparse(item["@id"]).path for item in data["items"]]


def test_guide_comes_before_strategy_and_news_that_only_mention_it(content):
    _browser, data = search(content["app"], "身份证")
    assert paths(data)[0] == GUIDE
    assert "/nanshan/zh-cn/gaj/rank-strategy" in paths(data)


def test_exact_title_comes_first(content):
    _browser, data = search(content["app"], "结婚登记")
    found = [path for path in paths(data) if "/rank-marriage" in path]
    # the longer title says 结婚登记 twice, the exact title once: exact wins
    assert found == [
        "/nanshan/zh-cn/mzj/rank-marriage",
        "/nanshan/zh-cn/mzj/rank-marriage-more",
    ]


@pytest.mark.parametrize(
    "text", ["sfz", "shenfenzheng", "shen fen zheng", "Shen Fen Zheng", "身份證"]
)
def test_pinyin_initials_and_traditional_find_the_guide_first(content, text):
    _browser, data = search(content["app"], text)
    assert paths(data)[0] == GUIDE


def test_rest_results_carry_the_service_code(content):
    _browser, data = search(content["app"], "身份证", metadata_fields="service_code")
    assert data["items"][0]["service_code"] == "QR-9101"


def test_drafts_and_private_pages_never_appear(content):
    _browser, data = search(content["app"], "身份证")
    assert "/nanshan/zh-cn/gaj/rank-draft" not in paths(data)
    assert "/nanshan/zh-cn/mzj/rank-private" not in paths(data)


def test_a_best_bet_comes_first(content, monkeypatch):
    strategy = api.content.get(path="/nanshan/zh-cn/gaj/rank-strategy").UID()
    monkeypatch.setattr(hooks, "best_bets_for", lambda site, text: [strategy])
    _browser, data = search(content["app"], "身份证")
    assert paths(data)[0] == "/nanshan/zh-cn/gaj/rank-strategy"


def test_a_best_bet_never_shows_a_draft_or_a_private_page(content, monkeypatch):
    pinned = [content["draft"], content["private"]]
    monkeypatch.setattr(hooks, "best_bets_for", lambda site, text: pinned)
    _browser, data = search(content["app"], "身份证")
    assert paths(data)[0] == GUIDE
    assert not {"rank-draft", "rank-private"} & {p.rsplit("/")[-1] for p in paths(data)}


def test_a_correction_is_searched_when_the_query_finds_nothing(content, monkeypatch):
    monkeypatch.setattr(
        hooks,
        "correction_for",
        lambda site, text: "身份证" if text == "身份正" else None,
    )
    browser, data = search(content["app"], "身份正")
    assert paths(data)[0] == GUIDE
    assert browser.headers["X-Zhengwu-Did-You-Mean"] == urllib.parse.quote("身份证")


def test_no_correction_when_it_finds_nothing_better(content, monkeypatch):
    monkeypatch.setattr(hooks, "correction_for", lambda site, text: "并无此页词语")
    browser, data = search(content["app"], "身份证")
    assert paths(data)[0] == GUIDE
    assert "X-Zhengwu-Did-You-Mean" not in browser.headers


def test_field_syntax_in_the_query_is_only_words(content):
    _browser, data = search(content["app"], "review_state:private 身份证")
    assert "/nanshan/zh-cn/mzj/rank-private" not in paths(data)


def test_rest_batches_page_through_the_ranked_results(content):
    _browser, everything = search(content["app"], "身份证")
    _browser, second = search(content["app"], "身份证", b_size=1, b_start=1)
    assert second["items_total"] == everything["items_total"] >= 3
    assert paths(second) == paths(everything)[1:2]
