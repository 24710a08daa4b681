"""One language per page: every public and editor page type of /zh-cn speaks
Chinese only, of /en English only (content and proper nouns aside)."""

from page_language import PLONE_UNTRANSLATABLE
from page_language import chinese_in
from page_language import english_in
from page_language import ui_texts

# Machine text shown to editors: an item's short name (its id in the URL).
CONTENT = ("//*[@id='form-widgets-IShortName-id']",)
# The site owner's user id (personal menu, histories) and Plone's few strings that
# no catalogue reaches (page_language.PLONE_UNTRANSLATABLE).
OWNER = ("admin", *PLONE_UNTRANSLATABLE)


def _report(found):
    return "\n".join(f"{page}: {words}" for page, words in found.items() if words)


def _open(browser, url):
    browser.handleErrors = False
    browser.open(f"http://nohost{url}")
    return browser.contents


def _check(browser, paths, allowed=()):
    found = {}
    for name, url in paths.items():
        texts = ui_texts(_open(browser, url), CONTENT)
        if "/zh-cn" in url:
            found[name] = english_in(texts, allowed)
        else:
            found[name] = chinese_in(texts, allowed)
    return found


def test_public_pages_speak_the_language_of_their_site(pages, anonymous):
    for language in ("zh-cn", "en"):
        found = _check(anonymous, pages["public"][language])
        assert not any(found.values()), _report(found)


def test_editor_pages_speak_the_language_of_their_site(pages, owner):
    for language in ("zh-cn", "en"):
        found = _check(owner, pages["editor"][language], OWNER)
        assert not any(found.values()), _report(found)


def test_disclosure_dates_read_as_chinese_dates(pages, owner):
    page = _open(owner, pages["editor"]["zh-cn"]["disclosure record"])
    assert "2026年9月3日" in page
    assert "26-9-3" not in page


def test_plone_dates_on_the_chinese_site_are_written_with_nian_yue_ri(site):
    from DateTime import DateTime
    from plone.base.i18nl10n import ulocalized_time

    moment = DateTime(2026, 12, 7, 14, 5)
    request = site.REQUEST

    def localized(long_format, language):
        return ulocalized_time(
            moment,
            long_format,
            context=site,
            request=request,
            target_language=language,
        )

    assert localized(False, "zh_CN") == "2026年12月07日"
    assert localized(True, "zh_CN") == "2026年12月07日 14:05"
    assert "年" not in localized(False, "en")


def test_workflow_menu_on_the_chinese_site_has_no_english_transition(pages, owner):
    page = _open(owner, pages["editor"]["zh-cn"]["powers item"])
    assert "提交审核" in page
    for english in ("Submit for review", "Sign off and publish", "Send back"):
        assert english not in page


def test_history_shows_translated_state_titles(pages, owner):
    page = _open(owner, pages["editor"]["zh-cn"]["history"])
    assert "科室审核" in page
    assert "Section review" not in page
    assert ">pending_section<" not in page.replace(" ", "").replace("\n", "")


def test_an_unknown_page_is_a_404_in_the_page_language(pages, anonymous):
    anonymous.handleErrors = True
    anonymous.raiseHttpErrors = False
    anonymous.open("http://nohost/nanshan/zh-cn/no-such-page")
    assert anonymous.headers["status"].startswith("404")
    assert english_in(ui_texts(anonymous.contents, CONTENT)) == []


def test_the_toolbar_writes_the_modification_time_in_the_page_language(pages, owner):
    chinese = _open(owner, pages["editor"]["zh-cn"]["powers item"])
    assert "pat-display-time" not in chinese  # the pattern would write it in English
    toolbar_time = chinese.split('<time datetime="')[1].split("</time>")[0]
    assert "年" in toolbar_time and "月" in toolbar_time
    english = _open(owner, pages["editor"]["en"]["guide edit form"])
    assert "pat-display-time" not in english
