"""The language switcher offers the translation of the page when the visitor may
see it, and otherwise the other homepage, saying so; that homepage says why."""

import pytest
from lxml import html

NAV = "//nav[@id='zw-language-switcher']"


def switcher_links(browser, url):
    browser.open(url)
    tree = html.fromstring(browser.contents)
    navs = tree.xpath(NAV)
    assert len(navs) == 1
    assert navs[0].get("aria-label")
    return navs[0].xpath(".//a")


def only_link(browser, url):
    links = switcher_links(browser, url)
    assert len(links) == 1
    return links[0]


def note_of(link):
    return (
        link.getparent()
        .xpath(".//*[@id=$id]", id=link.get("aria-describedby"))[0]
        .text_content()
    )


def test_chinese_guide_links_to_its_english_translation(site, guides, anonymous):
    original, english = guides["id-card"]
    link = only_link(anonymous, original.absolute_url())
    assert link.get("href") == english.absolute_url()
    assert link.get("data-translated") == "true"
    assert (link.get("lang"), link.get("hreflang")) == ("en", "en")
    assert link.text_content() == "English"
    assert link.get("aria-describedby") is None


def test_english_guide_links_back_to_the_chinese_one(site, guides, anonymous):
    original, english = guides["id-card"]
    link = only_link(anonymous, english.absolute_url())
    assert link.get("href") == original.absolute_url()
    assert (link.get("lang"), link.get("hreflang")) == ("zh-CN", "zh-CN")
    assert link.text_content() == "中文"
    assert anonymous.headers["content-type"].startswith("text/html")
    assert html.fromstring(anonymous.contents).get("lang") == "en"


def test_a_draft_translation_is_not_offered_to_anonymous(site, guides, anonymous):
    original, english = guides["passport"]
    link = only_link(anonymous, original.absolute_url())
    assert link.get("href") == site["en"].absolute_url() + "?no_translation=1"
    assert link.get("data-translated") == "false"


def test_the_site_owner_is_offered_the_draft_translation(site, guides, owner):
    original, english = guides["passport"]
    link = only_link(owner, original.absolute_url())
    assert link.get("href") == english.absolute_url()


def test_a_page_without_translation_links_to_the_english_homepage(site, anonymous):
    link = only_link(anonymous, site["zh-cn"]["wjj"].absolute_url())
    assert link.get("href") == site["en"].absolute_url() + "?no_translation=1"
    assert link.get("data-translated") == "false"
    assert note_of(link) in (
        "No English version of this page: opens the English homepage",
        "本页暂无英文版，将打开英文首页",
    )


def test_an_english_section_links_to_the_chinese_homepage(site, anonymous):
    link = only_link(anonymous, site["en"]["invest"].absolute_url())
    assert link.get("href") == site["zh-cn"].absolute_url() + "?no_translation=1"
    assert note_of(link) in (
        "No Chinese version of this page: opens the Chinese homepage",
        "本页暂无中文版，将打开中文首页",
    )


@pytest.mark.parametrize(("here", "there"), [("zh-cn", "en"), ("en", "zh-cn")])
def test_a_language_root_links_to_the_other_root(site, anonymous, here, there):
    link = only_link(anonymous, site[here].absolute_url())
    assert link.get("href") == site[there].absolute_url()
    assert link.get("data-translated") == "true"


def test_the_homepage_explains_an_arrival_without_translation(site, anonymous):
    anonymous.open(site["en"].absolute_url() + "?no_translation=1")
    notice = html.fromstring(anonymous.contents).xpath("//*[@id='zw-language-notice']")
    assert len(notice) == 1 and notice[0].get("role") == "status"
    anonymous.open(site["en"].absolute_url())
    assert 'id="zw-language-notice"' not in anonymous.contents


def test_the_stock_language_selector_is_hidden(site, anonymous):
    anonymous.open(site["zh-cn"]["wjj"].absolute_url())
    assert "portal-languageselector" not in anonymous.contents


def test_a_site_with_one_language_has_no_switcher(functional, anonymous):
    anonymous.open(functional["portal"].absolute_url())
    assert "zw-language-switcher" not in anonymous.contents
