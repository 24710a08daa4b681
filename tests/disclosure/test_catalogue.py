"""@@disclosure: the disclosure catalogue of a language root and of a department,
over HTTP (each test gets its own copy of the database)."""

import re

import pytest
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from visitors import anonymous_browser
from visitors import owner_browser

ROOT = "http://nohost/nanshan/zh-cn"


def make_records(site, specs, publish=True):
    """Create records (department, title, topic, genre, date) in one transaction."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for department, title, topic, genre, date in specs:
            record = api.content.create(
                container=site["zh-cn"][department],
                type="DisclosureRecord",
                title=title,
                topic_category=topic,
                genre=genre,
                effective_date=DateTime(date),
            )
            if publish:
                api.content.transition(record, to_state="published")
    transaction.commit()


@pytest.fixture
def records(site):
    make_records(
        site,
        [
            ("gaj", "公安分局2024年部门预算", "budget", "report", "2024/03/05"),
            (
                "gaj",
                "公安分局户籍办理公告",
                "organisation",
                "announcement",
                "2025/06/01",
            ),
            ("czj", "财政局2025年部门预算", "budget", "report", "2025/02/10"),
            ("czj", "财政局政府采购通知", "policy", "notice", "2025/09/20"),
        ],
    )
    make_records(
        site,
        [("gaj", "公安分局未公开草稿", "budget", "report", "2025/01/01")],
        publish=False,
    )


@pytest.fixture
def anonymous(functional):
    browser = anonymous_browser(functional["app"])
    browser.handleErrors = False
    return browser


@pytest.fixture
def owner(functional):
    return owner_browser(functional["app"])


def titles(text):
    return re.findall(
        r'class="disclosure-title"[^>]*>\s*<a href="[^"]*">([^<]+)</a>', text
    )


def facet(text, name):
    match = re.search(rf'data-facet="{name}">(.*?)</section>', text, re.DOTALL)
    assert match, f"no {name} facet"
    options = re.findall(
        r'<span class="facet-title">([^<]+)</span>\s*'
        r'<span class="zhengwu-facet-count">\(([^<]+)\)</span>',
        match.group(1),
    )
    return dict(options)


def test_root_lists_published_records_newest_first(records, anonymous):
    anonymous.open(f"{ROOT}/@@disclosure")
    assert titles(anonymous.text) == [
        "财政局政府采购通知",
        "公安分局户籍办理公告",
        "财政局2025年部门预算",
        "公安分局2024年部门预算",
    ]
    text = anonymous.text
    assert re.search(r'id="disclosure-count"[^>]*>\s*(共\s*)?4\b', text)
    assert "2025年9月20日" in text
    assert 'datetime="2025-09-20"' in text
    assert "深圳市公安局南山分局" in text


def test_index_numbers_are_shown(site, records, anonymous):
    anonymous.open(f"{ROOT}/@@disclosure")
    org_code = site["zh-cn"]["gaj"].org_code
    assert re.search(
        rf"disclosure-index-number[^>]*>{org_code}/\d{{4}}-\d{{5}}<", anonymous.text
    )


def test_facets_count_each_topic_genre_department_and_year(records, anonymous):
    anonymous.open(f"{ROOT}/@@disclosure")
    text = anonymous.text
    assert facet(text, "topic") == {
        "机构职能": "1",
        "政策文件": "1",
        "财政预算决算": "2",
    } or facet(text, "topic") == {
        "Organisation and functions": "1",
        "Policy documents": "1",
        "Budgets and final accounts": "2",
    }
    assert facet(text, "year") == {"2025": "3", "2024": "1"}
    assert list(facet(text, "year")) == ["2025", "2024"]
    assert facet(text, "department")["深圳市公安局南山分局"] == "2"


def test_filters_combine_and_the_form_keeps_them(records, anonymous):
    anonymous.open(f"{ROOT}/@@disclosure?topic=budget&year=2025")
    text = anonymous.text
    assert titles(text) == ["财政局2025年部门预算"]
    assert re.search(r'<option value="budget" selected="selected"', text)
    assert re.search(r'<option value="2025" selected="selected"', text)
    # The year facet counts the budget records of every year, the chosen one marked.
    assert facet(text, "year") == {"2025": "1", "2024": "1"}
    assert 'aria-current="true"' in text


def test_a_filter_with_no_match_shows_the_empty_state(records, anonymous):
    anonymous.open(f"{ROOT}/@@disclosure?genre=notice&year=2024")
    assert titles(anonymous.text) == []
    assert "zhengwu-disclosure-empty" in anonymous.text
    assert "zhengwu-disclosure-reset" in anonymous.text


def test_anonymous_and_editors_never_see_drafts(records, anonymous, owner):
    for browser in (anonymous, owner):
        browser.open(f"{ROOT}/@@disclosure")
        assert "公安分局未公开草稿" not in browser.text
        assert len(titles(browser.text)) == 4


@pytest.mark.parametrize(
    "query",
    [
        "topic=no-such-topic",
        "year=twenty",
        "year=2025x",
        "genre=report&genre=notice",
        "department=nowhere",
        "b_start=abc",
        "b_start=9999",
    ],
)
def test_bad_parameters_are_ignored_with_a_notice(records, anonymous, query):
    anonymous.open(f"{ROOT}/@@disclosure?{query}")
    assert anonymous.headers["status"].startswith("200")
    assert "zhengwu-disclosure-notice" in anonymous.text
    assert len(titles(anonymous.text)) == 4


def test_user_input_in_a_notice_is_escaped(records, anonymous):
    anonymous.open(f"{ROOT}/@@disclosure?topic=%3Cscript%3Ex%3C/script%3E")
    assert "<script>x</script>" not in anonymous.contents
    assert "&lt;script&gt;" in anonymous.contents


def test_a_department_shows_only_its_own_records(records, anonymous):
    anonymous.open(f"{ROOT}/gaj/@@disclosure")
    text = anonymous.text
    assert titles(text) == ["公安分局户籍办理公告", "公安分局2024年部门预算"]
    assert 'data-facet="department"' not in text
    assert 'data-facet="topic"' in text


def test_the_department_page_links_to_its_catalogue(anonymous, site):
    anonymous.open(f"{ROOT}/gaj")
    assert f'href="{ROOT}/gaj/@@disclosure"' in anonymous.contents


def test_an_empty_catalogue_says_so(site, anonymous):
    anonymous.open(f"{ROOT}/wjj/@@disclosure")
    assert titles(anonymous.text) == []
    assert "zhengwu-disclosure-empty" in anonymous.text
    assert "zhengwu-disclosure-notice" not in anonymous.text


def test_long_lists_are_batched(site, anonymous):
    make_records(
        site,
        [
            ("czj", f"财政局第{n:02d}号通知", "policy", "notice", f"2025/01/{n:02d}")
            for n in range(1, 23)
        ],
    )
    anonymous.open(f"{ROOT}/@@disclosure")
    first = titles(anonymous.text)
    assert len(first) == 20
    assert first[0] == "财政局第22号通知"
    assert re.search(r'id="disclosure-count"[^>]*>\s*(共\s*)?22\b', anonymous.text)
    anonymous.open(f"{ROOT}/@@disclosure?b_start=20")
    assert titles(anonymous.text) == ["财政局第02号通知", "财政局第01号通知"]


def test_a_plain_plone_site_has_no_catalogue_at_its_root(functional):
    browser = anonymous_browser(functional["app"])
    with pytest.raises(Exception, match="404|NotFound"):
        browser.open("http://nohost/plone/@@disclosure")
