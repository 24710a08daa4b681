"""GET @suggest: title suggestions in Hanzi, pinyin and initials, permission-safe."""

import json
import urllib.parse
import urllib.request

import pytest
from layers import solr_request
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from publishing import draft_in_department
from publishing import publish_in_department

from zhengwu.search.solr import outage

SECTION = "/nanshan/zh-cn/gaj"


@pytest.fixture
def guides(functional, solr_server):
    """A published guide, a published page and a private draft in one department."""
    outage.forget()
    app = functional["app"]
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="suggest-id-card",
        title="居民身份证申领",
        service_code="QR-0101",
    )
    publish_in_department(app, "gaj", id="suggest-residence", title="居住证办理指引")
    draft_in_department(
        app,
        "gaj",
        id="suggest-draft",
        title="身份证内部草稿",
    )
    yield app
    outage.forget()
    solr_server.delete("nanshan", f'path_parents:"{SECTION}" -getId:gaj')


def suggest(app, query=None, path="/nanshan/zh-cn", owner=False, **extra):
    browser = Browser(app)
    browser.handleErrors = False
    browser.raiseHttpErrors = False
    browser.addHeader("Accept", "application/json")
    if owner:
        browser.addHeader(
            "Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"
        )
    params = {**({"q": query} if query is not None else {}), **extra}
    browser.open(f"http://nohost{path}/@suggest?{urllib.parse.urlencode(params)}")
    return browser


def titles(browser):
    return [item["title"] for item in json.loads(browser.contents)["items"]]


def test_hanzi_inside_a_title_suggests_the_guide(guides):
    browser = suggest(guides, "身份")
    assert browser.headers["status"].startswith("200")
    data = json.loads(browser.contents)
    assert data["query"] == "身份"
    guide = next(item for item in data["items"] if item["title"] == "居民身份证申领")
    assert guide["@id"] == f"http://nohost{SECTION}/suggest-id-card"
    assert guide["type"] == "Guide"
    assert guide["service_code"] == "QR-0101"


def test_traditional_characters_find_the_simplified_title(guides):
    assert "居民身份证申领" in titles(suggest(guides, "身份證"))


@pytest.mark.parametrize("typed", ["shenfenzheng", "shen fen", "jumin", "sfz", "SFZ"])
def test_pinyin_and_initials_suggest_the_guide(guides, typed):
    assert "居民身份证申领" in titles(suggest(guides, typed))


def test_anonymous_never_gets_a_draft_but_the_owner_does(guides):
    assert "身份证内部草稿" not in titles(suggest(guides, "身份证"))
    assert "身份证内部草稿" not in titles(suggest(guides, "sfz"))
    assert "身份证内部草稿" in titles(suggest(guides, "身份证", owner=True))


def test_limit_caps_the_number_of_items(guides):
    assert len(titles(suggest(guides, "证", limit=1))) == 1


def test_english_folder_suggests_only_english_content(guides):
    assert titles(suggest(guides, "身份", path="/nanshan/en")) == []


@pytest.mark.parametrize(
    "params", [{}, {"q": ""}, {"q": "   "}, {"q": "身份", "limit": "many"}]
)
def test_bad_input_is_a_400_with_a_message(guides, params):
    query = params.pop("q", None)
    browser = suggest(guides, query, **params)
    assert browser.headers["status"].startswith("400")
    error = json.loads(browser.contents)["error"]
    assert "?q=" in error["message"]


@pytest.mark.parametrize("typed", ['"身份', "身份) OR *:*", "\\", "！！！", "a" * 500])
def test_odd_or_overlong_input_is_answered(guides, typed):
    browser = suggest(guides, typed)
    assert browser.headers["status"].startswith("200")
    data = json.loads(browser.contents)
    assert len(data["query"]) <= 50
    assert "身份证内部草稿" not in titles(browser)


def test_solr_down_answers_empty_with_the_fallback_header(guides, solr_server):
    solr_server.stop_solr()
    try:
        outage.forget()
        browser = suggest(guides, "身份")
        assert browser.headers["status"].startswith("200")
        assert browser.headers["X-Zhengwu-Search"] == "catalog-fallback"
        assert json.loads(browser.contents) == {"query": "身份", "items": []}
    finally:
        solr_server.start_solr()
        outage.forget()


def test_a_guide_comes_before_a_powers_item_of_the_same_name(guides, solr_server):
    power = publish_in_department(
        guides,
        "gaj",
        type_="PowerItem",
        id="suggest-power",
        title="居民身份证申领",
        power_code="NS-GAJ-QR-0777",
        power_category="QR",
    )
    # even when the powers item is opened more often (popularity breaks score ties)
    update = json.dumps([{"UID": power.UID(), "popularity": {"set": 50}}]).encode()
    request = solr_request(
        f"http://127.0.0.1:{solr_server.port}/solr/nanshan/update?commit=true",
        data=update,
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(request, timeout=30).close()
    items = json.loads(suggest(guides, "sfz").contents)["items"]
    assert [item["type"] for item in items[:2]] == ["Guide", "PowerItem"]
