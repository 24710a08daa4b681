"""Issue 13, point 7: the hot list shows only what several visitors found in
public pages, in Hanzi, never blocked or sensitive words, and editors can hide an
entry."""

from datetime import date
from datetime import timedelta

import pytest
import transaction
from hotsearch_helpers import ROOT
from hotsearch_helpers import clean_site
from hotsearch_helpers import public_hot_list
from hotsearch_helpers import search
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from publishing import draft_in_department
from publishing import publish_in_department
from visitors import rest_call

from zhengwu.search.stats import fold_now
from zhengwu.search.stats import hot_searches
from zhengwu.search.stats import record_search
from zhengwu.search.stats.reports import top_queries
from zhengwu.search.stats.storage import stats_of

OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture
def hot_site(functional, solr_server):
    yield from clean_site(functional)


@pytest.fixture
def guide(functional, hot_site, solr_server):
    publish_in_department(
        functional["app"],
        "gaj",
        type_="Guide",
        id="hs-guide",
        title="住房公积金提取办理",
    )
    yield hot_site
    solr_server.delete("nanshan", "id:hs-*")


def test_a_reviewers_draft_only_word_never_becomes_hot(functional, guide):
    app = functional["app"]
    draft_in_department(app, "gaj", id="hs-draft", title="鹦鹉螺草案内部稿")
    api.portal.set_registry_record("zhengwu.search.stats.hot_min_visitors", 1)
    transaction.commit()
    for number in range(4):
        assert search(app, "鹦鹉螺草案", f"reviewer-{number}", staff=True) > 0
        assert search(app, "鹦鹉螺草案", f"citizen-{number}") == 0
    fold_now(guide)
    assert "鹦鹉螺草案" not in public_hot_list(app)
    assert hot_searches(guide) == []
    # the editors' report still sees every search
    assert ("鹦鹉螺草案", 8, 4) in top_queries(guide)


def test_one_visitor_searching_ten_times_is_one_visitor(functional, guide):
    app = functional["app"]
    for _ in range(10):
        assert search(app, "公积金提取", "the-same-browser") > 0
    fold_now(guide)
    assert "公积金提取" not in public_hot_list(app)
    for number in range(2):
        search(app, "公积金提取", f"browser-{number}")
    fold_now(guide)
    assert public_hot_list(app) == {"公积金提取": 3}


def test_pinyin_and_initials_are_shown_in_the_hanzi_they_found(functional, guide):
    app = functional["app"]
    for number, text in enumerate(("gong ji jin ti qu", "gongjijintiqu", "gjjtq")):
        assert search(app, text, f"pinyin-{number}") > 0
    fold_now(guide)
    hot = public_hot_list(app)
    assert hot == {"公积金提取": 3}
    assert not any(query.isascii() for query in hot)


def test_a_latin_query_no_title_explains_is_not_shown(hot_site):
    from zhengwu.search.stats.resolve import resolved_words

    assert resolved_words("gong ji jin", ["社会保障卡"]) is None
    assert resolved_words("passport", ["Passport application"]) == "passport"
    assert resolved_words("身份正", []) == "身份正"


def _visited(site, text, visitors, days_ago=0):
    day = date.today() - timedelta(days=days_ago)
    for number in range(visitors):
        record_search(site, text, 5, "zh-cn", day=day, visitor=f"token-{number}")


def test_blocked_and_sensitive_queries_stay_off(hot_site):
    _visited(hot_site, "公积金", 4)
    _visited(hot_site, "代开发票", 5)  # in the shipped sensitive-word list
    _visited(hot_site, "代開發票", 5)  # traditional form of it
    _visited(hot_site, "<b>低保</b>", 4)
    fold_now(hot_site)
    assert dict(hot_searches(hot_site)) == {"公积金": 4, "<b>低保</b>": 4}
    api.portal.set_registry_record("zhengwu.search.stats.blocklist", ["<B>"])
    assert hot_searches(hot_site) == [("公积金", 4)]


def test_below_the_threshold_nothing_shows(hot_site):
    _visited(hot_site, "公积金", 2)
    fold_now(hot_site)
    assert hot_searches(hot_site) == []
    api.portal.set_registry_record("zhengwu.search.stats.hot_min_visitors", 2)
    assert hot_searches(hot_site) == [("公积金", 2)]


def test_visitor_tokens_are_kept_for_their_day_only(hot_site):
    _visited(hot_site, "公积金", 3, days_ago=1)
    _visited(hot_site, "社保卡", 3)
    fold_now(hot_site)
    stats = stats_of(hot_site)
    today = date.today().toordinal()
    assert stats.days[today - 1].seen is False
    assert len(stats.days[today].seen) == 3
    assert dict(hot_searches(hot_site)) == {"公积金": 3, "社保卡": 3}


def test_visitor_token_holds_no_address(functional, hot_site):
    from zhengwu.search.stats.visitors import visitor_token

    request = functional["request"]
    request.environ["REMOTE_ADDR"] = "203.0.113.7"
    token = visitor_token(request, 1)
    assert "203.0.113.7" not in token
    assert token == visitor_token(request, 1)
    assert token != visitor_token(request, 2)


def test_editors_hide_an_entry_over_rest(functional, hot_site):
    app = functional["app"]
    _visited(hot_site, "公积金", 3)
    fold_now(hot_site)
    assert public_hot_list(app) == {"公积金": 3}
    url = f"{ROOT}/@hot-searches-hidden"
    assert rest_call(app, "POST", url, {"query": "公积金"})[0] == 401
    status, body = rest_call(app, "POST", url, {"query": " 公积金 "}, user=OWNER)
    assert (status, body) == (200, {"query": "公积金", "hidden": True})
    assert public_hot_list(app) == {}
    report = rest_call(app, "GET", f"{ROOT}/@search-report", user=OWNER)[1]
    assert {"query": "公积金", "visitors": 3, "state": "hidden"} in report["hot"]
    rest_call(app, "POST", url, {"query": "公积金", "hidden": False}, user=OWNER)
    assert public_hot_list(app) == {"公积金": 3}


@pytest.mark.parametrize(
    "body",
    [
        {"query": ""},
        {"query": "x" * 101},
        {"query": 3},
        {"query": "a", "hidden": "no"},
        [],
    ],
)
def test_hiding_refuses_bad_input_with_400(functional, hot_site, body):
    status, answer = rest_call(
        functional["app"], "POST", f"{ROOT}/@hot-searches-hidden", body, user=OWNER
    )
    assert status == 400
    assert answer["message"]


def test_hiding_in_the_browser_needs_post_and_token(functional, hot_site, owner):
    _visited(hot_site, "公积金", 3)
    fold_now(hot_site)
    owner.raiseHttpErrors = False
    owner.open(f"{ROOT}/@@search-stats-hide")
    assert owner.headers["status"].startswith("400")
    owner.open(f"{ROOT}/@@search-report")
    owner.getForm(action=f"{ROOT}/@@search-stats-hide").submit()
    assert owner.url.endswith("/@@search-report")
    assert "公积金" not in public_hot_list(functional["app"])
