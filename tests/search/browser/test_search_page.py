"""The search page @@search: results, facets, safe snippets, corrections, outages."""

import html
import re
import urllib.parse

import pytest
from DateTime import DateTime
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from publishing import draft_in_department
from publishing import publish_in_department

from zhengwu.search.solr import outage

NOTICE = "搜索暂时以简化模式运行，结果可能不完整。"
ROOT = "/nanshan/zh-cn"
XSS = '身份证安全提示 <script>alert("x")</script> <em onclick="steal()">点我</em>'


@pytest.fixture
def corpus(functional, solr_server):
    """A guide, a page, a news item and a page with markup in its text (published),
    and a private draft, all mentioning 身份证."""
    outage.forget()
    app = functional["app"]
    publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="page-id-card",
        title="居民身份证申领",
        service_code="QR-0101",
        description="首次申领居民身份证的办理指南。",
        effective_date=DateTime("2020/01/01"),
    )
    publish_in_department(
        app, "gaj", id="page-id-notes", title="身份证补领须知", description="补领说明"
    )
    publish_in_department(
        app,
        "gaj",
        type_="News Item",
        id="page-id-news",
        title="南山区身份证自助办理机上线",
        effective_date=DateTime() - 1,
    )
    publish_in_department(
        app, "gaj", id="page-markup", title="安全提示页面", description=XSS
    )
    draft_in_department(
        app,
        "gaj",
        id="page-draft",
        title="身份证内部草稿",
        description="鼹鼠机密草稿 身份证",
    )
    yield app
    outage.forget()
    solr_server.delete("nanshan", f'path_parents:"{ROOT}/gaj" -getId:gaj')


def open_search(app, owner=False, **params):
    browser = Browser(app)
    browser.handleErrors = False
    if owner:
        browser.addHeader(
            "Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}"
        )
    browser.open(f"http://nohost{ROOT}/@@search?{urllib.parse.urlencode(params)}")
    return browser


def text_of(browser):
    return html.unescape(browser.contents)


def result_titles(browser):
    found = re.findall(
        r'class="zhengwu-result-title[^"]*"\s+href="[^"]*">([^<]*)<', browser.contents
    )
    return [html.unescape(title) for title in found]


def facet_section(browser, name):
    match = re.search(
        rf'data-facet="{name}">(.*?)</section>', browser.contents, re.DOTALL
    )
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))) if match else ""


def test_form_without_a_query_asks_for_one(corpus):
    browser = open_search(corpus)
    assert 'name="SearchableText"' in browser.contents
    assert "zhengwu-result-title" not in browser.contents


def test_filters_without_words_list_what_they_select_newest_first(corpus):
    browser = open_search(corpus, portal_type="Document")
    titles = result_titles(browser)
    assert {"身份证补领须知", "安全提示页面"} <= set(titles)
    assert "居民身份证申领" not in titles  # a guide, not a page
    assert "身份证内部草稿" not in titles
    assert "zhengwu-sort" not in browser.contents  # no relevance without words
    news = result_titles(open_search(corpus, portal_type="News Item"))
    assert "南山区身份证自助办理机上线" in news
    guides = result_titles(open_search(corpus, portal_type="Guide", department="gaj"))
    assert "居民身份证申领" in guides
    nothing = open_search(corpus, portal_type="Guide", department="no-such")
    assert result_titles(nothing) == []
    assert "Nothing matches these filters." in text_of(nothing) or (
        "没有符合筛选条件的内容。" in text_of(nothing)
    )


def test_results_show_type_department_service_code_and_date(corpus):
    browser = open_search(corpus, SearchableText="身份证")
    text = text_of(browser)
    titles = result_titles(browser)
    assert titles[0] == "居民身份证申领"
    assert {"身份证补领须知", "南山区身份证自助办理机上线"} <= set(titles)
    assert f'href="http://nohost{ROOT}/gaj/page-id-card"' in browser.contents
    assert "办事指南" in text  # the Guide type, translated
    assert "深圳市公安局南山分局" in text  # the department, from the vocabulary
    assert "QR-0101" in text
    news = browser.contents.split("南山区身份证自助办理机上线", 1)[1]
    assert re.search(r"<time datetime=\"\d{4}-\d\d-\d\d\"", news)
    assert (
        re.search(r"[1-9]\d* 个结果|共 [1-9]", text) or "search-results-count" in text
    )


def result_types(browser):
    found = re.findall(r'class="zhengwu-result-type">([^<]*)<', browser.contents)
    return [html.unescape(label) for label in found]


def test_type_facet_counts_and_filters_and_can_be_removed(corpus):
    browser = open_search(corpus, SearchableText="身份证")
    assert re.search(r"办事指南\s*\([1-9]\d*\)", facet_section(browser, "portal_type"))
    browser.getLink(url="portal_type=Guide").click()
    assert "portal_type=Guide" in browser.url
    assert "居民身份证申领" in result_titles(browser)
    assert "身份证补领须知" not in result_titles(browser)
    assert set(result_types(browser)) == {"办事指南"}
    # the chosen value is marked and links back to all types
    section = browser.contents.split('data-facet="portal_type"', 1)[1]
    chosen = re.search(r'<a[^>]*aria-current="true"[^>]*>', section)
    removal = re.search(r'href="([^"]*)"', chosen.group(0)) if chosen else None
    assert removal and "portal_type" not in html.unescape(removal.group(1))
    browser.open(html.unescape(removal.group(1)))
    assert "身份证补领须知" in result_titles(browser)


def test_department_facet_uses_department_titles(corpus):
    browser = open_search(corpus, SearchableText="身份证")
    assert re.search(
        r"深圳市公安局南山分局\s*\(\d+\)", facet_section(browser, "department")
    )
    browser.getLink(url="department=gaj").click()
    assert "居民身份证申领" in result_titles(browser)
    browser = open_search(corpus, SearchableText="身份证", department="jyj")
    assert result_titles(browser) == []


def test_matches_are_highlighted_in_the_snippet(corpus):
    browser = open_search(corpus, SearchableText="补领说明")
    snippets = re.findall(r'class="zhengwu-snippet[^"]*">(.*?)</p>', browser.contents)
    assert any("<em>" in snippet for snippet in snippets), snippets


def test_markup_in_a_page_text_comes_out_escaped(corpus):
    browser = open_search(corpus, SearchableText="安全提示")
    assert "安全提示页面" in result_titles(browser)
    assert "<script>alert" not in browser.contents
    assert "<em onclick" not in browser.contents
    assert "&lt;script&gt;" in browser.contents
    for snippet in re.findall(
        r'class="zhengwu-snippet[^"]*">(.*?)</p>', browser.contents
    ):
        assert set(re.findall(r"</?([a-zA-Z]+)", snippet)) <= {"em"}


def test_anonymous_never_sees_a_draft_anywhere(corpus):
    browser = open_search(corpus, SearchableText="身份证")
    assert "身份证内部草稿" not in text_of(browser)
    assert "鼹鼠机密草稿" not in text_of(browser)
    assert "page-draft" not in browser.contents
    # a word only the draft has: nothing found, no facet counts
    browser = open_search(corpus, SearchableText="鼹鼠机密草稿")
    assert result_titles(browser) == []
    assert "data-facet=" not in browser.contents
    owner = open_search(corpus, owner=True, SearchableText="鼹鼠机密草稿")
    assert "身份证内部草稿" in result_titles(owner)


def test_sort_by_newest_puts_the_latest_first(corpus):
    browser = open_search(corpus, SearchableText="身份证")
    browser.getLink(url="sort=newest").click()
    assert "sort=newest" in browser.url
    titles = result_titles(browser)
    # the guide was published in 2020, the news today: newest first turns them round
    assert titles.index("南山区身份证自助办理机上线") < titles.index("居民身份证申领")
    relevance = result_titles(open_search(corpus, SearchableText="身份证"))
    assert relevance.index("居民身份证申领") < relevance.index(
        "南山区身份证自助办理机上线"
    )


def test_zero_results_give_search_tips(corpus):
    # words no page holds, not even those other tests leave in Solr
    browser = open_search(corpus, SearchableText="鼹鼹鼹 qxzjvwk")
    text = text_of(browser)
    assert result_titles(browser) == []
    # new strings: asserted by their markup until the catalogues carry them
    assert 'class="zhengwu-no-results"' in browser.contents
    assert "鼹鼹鼹 qxzjvwk" in text


def test_homophone_typo_shows_did_you_mean(corpus):
    browser = open_search(corpus, SearchableText="身份正")
    assert 'class="alert alert-info zhengwu-did-you-mean"' in browser.contents
    link = browser.getLink(url=urllib.parse.quote("身份证"))
    assert link.text == "身份证"
    original = re.search(
        r'class="zhengwu-search-original"\s+href="([^"]*)"', browser.contents
    )
    if original:  # the page searched the correction: offer the original
        assert "no_correct=1" in html.unescape(original.group(1))


def test_original_query_is_kept_with_no_correct(corpus):
    browser = open_search(corpus, SearchableText="身份正", no_correct="1")
    assert "zhengwu-did-you-mean" not in browser.contents
    assert browser.headers.get("X-Zhengwu-Did-You-Mean") is None


def test_page_works_when_solr_is_down_and_shows_the_notice(corpus, solr_server):
    solr_server.stop_solr()
    try:
        outage.forget()
        browser = open_search(corpus, SearchableText="身份证补领须知")
        assert browser.headers["status"].startswith("200")
        assert browser.headers["X-Zhengwu-Search"] == "catalog-fallback"
        assert NOTICE in text_of(browser)
        assert "身份证补领须知" in result_titles(browser)
        assert "补领说明" in text_of(browser)  # the description stands in
        assert "身份证内部草稿" not in text_of(browser)
    finally:
        solr_server.start_solr()
        outage.forget()
