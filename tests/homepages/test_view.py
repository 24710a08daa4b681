"""homepage-view: the modules from catalog brains, services by opens, the role
redirect, and only published items."""

import html
from datetime import date
from datetime import timedelta

import pytest
import transaction
from homepage_fixtures import ROOT
from homepage_fixtures import SITE_ADMIN
from homepage_fixtures import browser
from plone import api
from publishing import draft_in_department
from publishing import publish_in_department

from zhengwu.search.stats import fold_now
from zhengwu.search.stats import record_open
from zhengwu.search.stats import record_search


def module(page, name):
    """The HTML of one module of the page."""
    text = html.unescape(page.contents)
    start = text.index(f'id="zw-module-{name}"')
    return text[start : text.index("</section>", start)]


def guide(app, id_, title, code, audience=("person",), department="gaj"):
    return publish_in_department(
        app,
        department,
        type_="Guide",
        id=id_,
        title=title,
        service_code=code,
        audience=list(audience),
    )


@pytest.fixture
def guides(functional, site):
    app = functional["app"]
    return [
        guide(app, "home-a", "甲证办理", "HP-0001"),
        guide(app, "home-b", "乙证办理", "HP-0002"),
        guide(app, "home-c", "丙证办理", "HP-0003"),
        guide(app, "home-firm", "企业开办", "HP-0004", audience=("legal_person",)),
    ]


def test_classic_homepage_renders_hero_search_and_every_module(
    functional, site, people
):
    page = browser(functional["app"], SITE_ADMIN)
    page.open(ROOT)
    assert page.headers["status"].startswith("200")
    text = html.unescape(page.contents)
    assert "template-homepage-view" in text
    # The header shows the site's name: the classic page's h1 is for screen readers.
    assert '<h1 class="zw-hero-title visually-hidden">深圳市南山区人民政府</h1>' in text
    assert 'action="http://nohost/nanshan/zh-cn/@@search"' in text
    assert '<label class="zw-hero-search-label" for="zw-hero-search-text"' in text
    assert 'name="SearchableText"' in text
    # An editor sees every module, the empty ones too (to fix their queries).
    for name in ("news", "services", "featured", "hot-topics", "interpretations"):
        assert f'<h2 class="zw-module-heading" id="zw-module-{name}-heading"' in text
    assert "暂无内容" in text
    assert 'id="zw-module-hot-searches"' not in text  # nobody searched yet


def test_visitors_never_see_an_empty_module(functional, site):
    publish_in_department(
        functional["app"], "gaj", type_="News Item", id="only-news", title="唯一消息"
    )
    page = browser(functional["app"])
    page.open(ROOT)
    text = html.unescape(page.contents)
    assert "唯一消息" in module(page, "news")
    assert "暂无内容" not in text
    for name in ("services", "featured", "interpretations"):
        assert f'id="zw-module-{name}"' not in text


def test_each_homepage_has_one_title_and_one_search_box(functional, site):
    page = browser(functional["app"])
    for path, title in (("", "深圳市南山区人民政府"), ("/enterprise", "企业服务")):
        page.open(ROOT + path)
        text = html.unescape(page.contents)
        assert text.count("<h1") == 1
        assert f"{title}</h1>" in text
        assert text.count('name="SearchableText"') == 1, path


def test_the_enterprise_homepage_keeps_to_enterprises_interpretations(functional, site):
    app = functional["app"]
    publish_in_department(
        app, "mzj", type_="PolicyInterpretation", id="dibao", title="低保新规解读"
    )
    publish_in_department(
        app, "kjj", type_="PolicyInterpretation", id="rd", title="研发补贴政策解读"
    )
    page = browser(app)
    page.open(f"{ROOT}/enterprise")
    text = html.unescape(page.contents)
    assert "研发补贴政策解读" in module(page, "interpretations")
    assert "低保新规解读" not in text
    page.open(f"{ROOT}/resident")
    assert "低保新规解读" in module(page, "interpretations")


def test_a_role_homepages_hot_topics_keep_to_its_audience(functional, site, guides):
    app = functional["app"]
    dibao = publish_in_department(
        app, "mzj", type_="PolicyInterpretation", id="dibao-hot", title="低保热点解读"
    )
    record_open(site, dibao.UID())
    record_open(site, guides[3].UID())  # 企业开办, for legal persons
    fold_now(site)
    page = browser(app)
    page.open(f"{ROOT}/enterprise")
    hot = module(page, "hot-topics")
    assert "企业开办" in hot
    assert "低保热点解读" not in hot
    page.open(ROOT)  # the classic homepage lists the whole site's hot topics
    assert "低保热点解读" in module(page, "hot-topics")


def test_services_module_puts_the_most_opened_first(functional, site, guides):
    a, b, c, firm = guides
    for uid, times in ((c.UID(), 3), (b.UID(), 1)):
        for _ in range(times):
            record_open(site, uid)
    record_open(site, a.UID(), day=date.today() - timedelta(days=40))  # too old
    fold_now(site)
    page = browser(functional["app"])
    page.open(f"{ROOT}/resident")
    services = module(page, "services")
    assert services.index("丙证办理") < services.index("乙证办理")
    assert services.index("乙证办理") < services.index("甲证办理")
    assert "企业开办" not in services  # a legal person's service
    page.open(f"{ROOT}/enterprise")
    assert "企业开办" in module(page, "services")
    assert "甲证办理" not in module(page, "services")


def test_services_without_opens_keep_the_query_order(functional, site, guides):
    catalog = api.portal.get_tool("portal_catalog")
    in_query_order = [
        brain.Title
        for brain in catalog(
            portal_type="Guide", audience="person", sort_on="sortable_title"
        )
    ]
    page = browser(functional["app"])
    page.open(f"{ROOT}/resident")
    services = module(page, "services")
    positions = [services.index(title) for title in in_query_order]
    assert len(positions) == 3
    assert positions == sorted(positions)


def test_news_newest_first_with_dates_and_never_drafts(functional, site, people):
    app = functional["app"]
    older = publish_in_department(
        app, "gaj", type_="News Item", id="old-news", title="旧消息"
    )
    newer = publish_in_department(
        app, "gaj", type_="News Item", id="new-news", title="新消息"
    )
    with api.env.adopt_roles(["Manager"]):
        older.setEffectiveDate("2024/05/01")
        older.reindexObject()
        newer.setEffectiveDate("2024/06/02")
        newer.reindexObject()
    transaction.commit()
    draft_in_department(
        app, "gaj", type_="News Item", id="draft-news", title="草稿消息"
    )
    publish_in_department(app, "gaj", type_="News Item", id="undated", title="无日期")
    for user in (None, SITE_ADMIN):  # drafts stay off the homepage for editors too
        page = browser(app, user)
        page.open(ROOT)
        news = module(page, "news")
        assert news.index("新消息") < news.index("旧消息")
        assert "2024年6月2日" in news
        assert 'datetime="2024-06-02"' in news
        assert "草稿消息" not in news
        assert "1969" not in news and "1970" not in news  # no floor dates


def test_english_homepage_lists_english_content_only(functional, site, guides):
    page = browser(functional["app"])
    page.open("http://nohost/nanshan/en")
    assert page.headers["status"].startswith("200")
    # No English guide: the services module is left out, never a Chinese guide.
    assert "甲证办理" not in page.contents
    assert 'id="zw-module-services"' not in page.contents
    assert "Shenzhen Nanshan District Government" in page.contents
    # Its featured columns are the English site's own top sections, not subsections.
    featured = module(page, "featured")
    assert "Foreign Affairs Services" in featured
    assert "Work Permits" not in featured


def test_interpretations_and_hot_topics(functional, site, guides):
    app = functional["app"]
    publish_in_department(
        app, "gaj", type_="PolicyInterpretation", id="reading", title="户籍新政解读"
    )
    record_open(site, guides[1].UID())
    for number in range(3):  # the hot list shows 3 visitors' queries (issue 13.7)
        record_search(site, "居住证", 3, "zh-cn", visitor=f"v{number}")
    fold_now(site)
    page = browser(app)
    page.open(ROOT)
    assert "户籍新政解读" in module(page, "interpretations")
    assert "乙证办理" in module(page, "hot-topics")
    text = html.unescape(page.contents)
    hot = text[text.index('id="zw-module-hot-searches"') :]
    assert "居住证" in hot[: hot.index("</div>")]


@pytest.mark.parametrize("role", ["resident", "enterprise", "tourist"])
def test_a_chosen_role_sends_the_classic_homepage_to_its_homepage(
    functional, site, role
):
    page = browser(functional["app"], follow=False)
    page.addHeader("Cookie", f"zhengwu_role={role}")
    page.open(ROOT)
    assert page.headers["status"].startswith("302")
    assert page.headers["Location"] == f"{ROOT}/{role}"


@pytest.mark.parametrize(
    "url, cookie",
    [
        (f"{ROOT}?role=classic", "resident"),
        (ROOT, "farmer"),
        (ROOT, "classic"),
        (f"{ROOT}/tourist", "resident"),  # role homepages never send on
        ("http://nohost/nanshan/en", "resident"),  # no resident homepage there
    ],
)
def test_classic_request_unknown_role_and_role_pages_do_not_redirect(
    functional, site, url, cookie
):
    page = browser(functional["app"], follow=False)
    page.addHeader("Cookie", f"zhengwu_role={cookie}")
    page.open(url)
    assert page.headers["status"].startswith("200")
    assert 'id="zw-hero"' in page.contents  # the homepage itself


def test_a_cached_classic_page_never_hides_the_redirect(functional, site):
    browser(functional["app"]).open(ROOT)  # an anonymous visit without a role
    page = browser(functional["app"], follow=False)
    page.addHeader("Cookie", "zhengwu_role=tourist")
    page.open(ROOT)
    assert page.headers["status"].startswith("302")
