"""GET @voice-command: the answer's shape on each kind, English on /en, 400s."""

import json
import urllib.parse

import pytest
from plone.testing.zope import Browser
from publishing import publish_in_department


@pytest.fixture
def app(functional):
    """The functional layer's app; the requests below are anonymous."""
    return functional["app"]


def command(app, text=None, path="/nanshan/zh-cn"):
    browser = Browser(app)
    browser.handleErrors = False
    browser.raiseHttpErrors = False
    browser.addHeader("Accept", "application/json")
    query = urllib.parse.urlencode({"text": text} if text is not None else {})
    browser.open(f"http://nohost{path}/@voice-command?{query}")
    return browser


def answer(app, text, path="/nanshan/zh-cn"):
    browser = command(app, text, path)
    assert browser.headers["status"].startswith("200"), browser.contents
    return json.loads(browser.contents)


def test_a_short_agency_name_said_with_fillers_opens_the_department(app):
    found = answer(app, "嗯那个打开打开卫健局")
    assert found["kind"] == "department"
    assert "卫生健康局" in found["target"]
    assert found["url"] == "http://nohost/nanshan/zh-cn/wjj"
    assert found["text"] == "卫健局"


def test_a_section_without_a_page_yet_runs_its_search_never_a_dead_link(app):
    found = answer(app, "打开开放数据")
    assert (found["kind"], found["target"]) == ("section", "open-data")
    assert "/nanshan/zh-cn/@@search?SearchableText=" in found["url"]


def test_a_column_opens_its_page(app):
    found = answer(app, "查一下权责清单")
    assert (found["kind"], found["target"]) == ("section", "powers-list")
    assert found["url"] == "http://nohost/nanshan/zh-cn/@@powers"


def test_anything_else_is_searched_without_the_command_words(app):
    found = answer(app, "帮我查一下垃圾分类怎么分")
    assert found["kind"] == "search"
    assert found["target"] == "垃圾分类怎么分"
    query = urllib.parse.urlsplit(found["url"]).query
    assert urllib.parse.parse_qs(query)["SearchableText"] == ["垃圾分类怎么分"]


def test_a_service_name_opens_its_guide(functional, app):
    publish_in_department(
        functional["app"],
        "gaj",
        type_="Guide",
        id="voice-passport",
        title="普通护照签发",
    )
    found = answer(app, "我要办普通护照签发")
    assert (found["kind"], found["target"]) == ("service", "voice-passport")
    assert found["url"].endswith("/nanshan/zh-cn/gaj/voice-passport")
    assert found["booking"] is False


def test_english_commands_on_the_english_site(app):
    found = answer(app, "um open the the news", "/nanshan/en")
    assert (found["kind"], found["target"]) == ("section", "news")
    assert found["url"].startswith("http://nohost/nanshan/en/")
    found = answer(app, "go to the civil affairs bureau", "/nanshan/zh-cn")
    assert found["kind"] == "department"
    assert found["url"] == "http://nohost/nanshan/zh-cn/mzj"
    assert answer(app, "switch to English", "/nanshan/zh-cn")["url"] == (
        "http://nohost/nanshan/en"
    )


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (None, "/nanshan/zh-cn"),
        ("   ", "/nanshan/zh-cn"),
        ("卫健局" * 40, "/nanshan/zh-cn"),
        ("嗯 那个", "/nanshan/zh-cn"),
        ("卫健局", "/nanshan"),
    ],
)
def test_bad_input_is_a_400_with_a_message(app, text, path):
    browser = command(app, text, path)
    assert browser.headers["status"].startswith("400")
    assert json.loads(browser.contents)["error"]["message"]
