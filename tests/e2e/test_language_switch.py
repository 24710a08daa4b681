"""A visitor switches language in the real Chromium: to the English translation of
a guide, and from a page without translation to the English homepage, told why."""

from pathlib import Path

import pytest
import transaction
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def guide_pair(acceptance):
    """A published Chinese guide and its published English translation."""
    site = acceptance["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        zh_department = site["zh-cn"]["gaj"]
        en_department = api.content.create(
            container=site["en"],
            type="Department",
            id="gaj",
            title=zh_department.name_en,
            kind=zh_department.kind,
            language="en",
        )
        api.content.transition(en_department, to_state="published")
        ITranslationManager(zh_department).register_translation("en", en_department)
        pair = []
        for container, title, language in (
            (zh_department, "居民身份证申领", "zh-cn"),
            (en_department, "Resident Identity Card Application", "en"),
        ):
            guide = api.content.create(
                container=container,
                type="Guide",
                id="id-card",
                title=title,
                language=language,
            )
            api.content.transition(guide, to_state="published")
            pair.append(guide)
        ITranslationManager(pair[0]).register_translation("en", pair[1])
    transaction.commit()
    return site, pair


def watch_outside_requests(page, base):
    outside = []
    page.on(
        "request",
        lambda request: request.url.startswith(base) or outside.append(request.url),
    )
    return outside


def base_url(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.mark.browser
def test_switching_a_chinese_guide_opens_its_english_translation(
    acceptance, guide_pair, page
):
    base = base_url(acceptance)
    outside = watch_outside_requests(page, base)
    page.goto(f"{base}/nanshan/zh-cn/gaj/id-card")
    link = page.locator("#zw-language-switcher a[hreflang='en']")
    assert link.get_attribute("data-translated") == "true"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "language-switch-zh-guide.png"))
    link.click()
    page.wait_for_load_state()
    assert page.url == f"{base}/nanshan/en/gaj/id-card"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == "Resident Identity Card Application"
    back = page.locator("#zw-language-switcher a[hreflang='zh-CN']")
    assert back.inner_text() == "中文"
    assert back.get_attribute("href") == f"{base}/nanshan/zh-cn/gaj/id-card"
    page.screenshot(path=str(ARTIFACTS / "language-switch-en-guide.png"))
    assert outside == [], "the page loaded something from outside the site"


@pytest.mark.browser
def test_a_page_without_translation_opens_the_english_homepage_with_a_notice(
    acceptance, page
):
    base = base_url(acceptance)
    page.goto(f"{base}/nanshan/zh-cn/wjj")
    link = page.locator("#zw-language-switcher a[hreflang='en']")
    assert link.get_attribute("data-translated") == "false"
    note = page.locator("#zw-language-note-en")
    assert note.is_visible()
    link.click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{base}/nanshan/en")
    assert page.locator("html").get_attribute("lang") == "en"
    notice = page.locator("#zw-language-notice")
    assert notice.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "language-switch-no-translation.png"))
