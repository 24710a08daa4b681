"""The editors' search report, the hot-search fragment and their REST endpoints:
who may see what, and what they show."""

import html
import json
import urllib.parse

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.testing.zope import Browser

from zhengwu.search.stats import fold_now
from zhengwu.search.stats import record_search
from zhengwu.search.stats.buffer import buffer_of

ROOT = "http://nohost/nanshan/zh-cn"
PASSWORD = "secret-Pa55word"


@pytest.fixture
def counted(site):
    for _ in range(3):
        record_search(site, "结昏登记", 0, "zh-cn")
    record_search(site, "<b>低保</b>", 0, "zh-cn")
    # three visitors: the hot list's threshold (issue 13.7)
    for number in range(3):
        record_search(site, "公积金提取", 8, "zh-cn", visitor=f"v{number}")
    fold_now(site)
    return site


def _user(username, roles=()):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=PASSWORD,
            roles=roles,
        )


@pytest.fixture
def people(counted):
    department = counted["zh-cn"]["gaj"]
    _user("siteadmin", roles=["Site Administrator"])
    _user("gajeditor")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.grant_roles(username="gajeditor", obj=department, roles=["Editor"])
    transaction.commit()
    return counted


def browser(app, user=None, json_=False):
    browser = Browser(app)
    browser.raiseHttpErrors = False
    if user:
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    if json_:
        browser.addHeader("Accept", "application/json")
    return browser


def refused(page):
    """Plone answers Unauthorized with its login or insufficient-privileges page."""
    return "/login?came_from=" in page.url or page.url.endswith(
        "/insufficient-privileges"
    )


def test_anonymous_and_department_editors_cannot_see_the_report(functional, people):
    app = functional["app"]
    for user in (None, "gajeditor"):
        for url in (f"{ROOT}/@@search-report", "http://nohost/nanshan/@@search-report"):
            page = browser(app, user)
            page.open(url)
            assert refused(page)
            assert "结昏登记" not in html.unescape(page.contents)
        rest = browser(app, user, json_=True)
        rest.open(f"{ROOT}/@search-report")
        assert rest.headers["status"].startswith("401")
        assert "zero_results" not in json.loads(rest.contents)


def test_report_lists_zero_result_queries_with_curation_links(functional, people):
    page = browser(functional["app"], "siteadmin")
    page.open(f"{ROOT}/@@search-report")
    text = html.unescape(page.contents)
    zero = text.split('id="zero-results"')[1].split('id="top-queries"')[0]
    assert zero.index("结昏登记") < zero.index("<b>低保</b>")
    assert "公积金提取" not in zero
    assert "&lt;b&gt;低保&lt;/b&gt;" in page.contents  # escaped, never markup
    synonym = "http://nohost/nanshan/@@search-curation?" + urllib.parse.urlencode(
        {"synonym": "结昏登记"}
    )
    best_bet = "http://nohost/nanshan/@@search-curation?" + urllib.parse.urlencode(
        {"best_bet": "结昏登记"}
    )
    assert synonym in text and best_bet in text
    top = text.split('id="top-queries"')[1].split('id="hot-list"')[0]
    # 3 searches each since the hot list needs 3 visitors (issue 13.7): by text
    assert top.index("公积金提取") < top.index("结昏登记")


def test_report_over_rest(functional, people):
    rest = browser(functional["app"], "siteadmin", json_=True)
    rest.open(f"{ROOT}/@search-report?days=7")
    report = json.loads(rest.contents)
    assert report["days"] == 7
    first = report["zero_results"][0]
    assert (first["query"], first["count"]) == ("结昏登记", 3)
    assert first["last_seen"][:4].isdigit()
    assert first["synonym_url"].endswith(
        urllib.parse.urlencode({"synonym": "结昏登记"})
    )
    assert {"query": "公积金提取", "count": 3, "found_nothing": 0} in report["top"]


def test_hot_searches_over_rest_for_anonymous(functional, counted):
    transaction.commit()
    rest = browser(functional["app"], json_=True)
    rest.open(f"{ROOT}/@hot-searches?limit=5")
    items = json.loads(rest.contents)["items"]
    query = urllib.parse.urlencode({"SearchableText": "公积金提取"})
    assert items == [
        {"query": "公积金提取", "count": 3, "@id": f"{ROOT}/@@search?{query}"}
    ]
    rest.open(f"{ROOT}/@hot-searches?limit=nonsense")
    assert json.loads(rest.contents)["items"] == items


def test_hot_searches_fragment_links_to_the_search_page(functional, counted):
    transaction.commit()
    page = browser(functional["app"])
    page.open(f"{ROOT}/@@hot-searches")
    assert 'class="zhengwu-hot-searches"' in page.contents
    link = page.getLink("公积金提取")
    assert link.url.startswith(f"{ROOT}/@@search?SearchableText=")
    assert "结昏登记" not in html.unescape(page.contents)


def test_fold_view_is_post_only_and_csrf_protected(functional, people):
    app = functional["app"]
    record_search(people, "户籍迁移", 0, "zh-cn")
    admin = browser(app, "siteadmin")
    admin.open(f"{ROOT}/@@search-stats-fold")
    assert admin.headers["status"].startswith("400")
    admin.post(f"{ROOT}/@@search-stats-fold", "")
    assert admin.headers["status"].startswith("403")  # no CSRF token
    editor = browser(app, "gajeditor")
    editor.post(f"{ROOT}/@@search-stats-fold", "")
    assert refused(editor)
    assert len(buffer_of(people)) == 1

    admin.open(f"{ROOT}/@@search-report")
    assert "户籍迁移" not in html.unescape(admin.contents)
    admin.getForm(action="@@search-stats-fold").submit()  # the report's button
    assert "户籍迁移" in html.unescape(admin.contents)
    assert admin.url == f"{ROOT}/@@search-report"
