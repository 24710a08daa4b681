"""The site chrome in the real Chromium: scene, QR code, footer, error report."""

from pathlib import Path

import pytest
import transaction
from plone.app.testing.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from zope.component import getSiteManager
from zope.component.hooks import setSite

from zhengwu.browser.chrome.period import current_period

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PAGE = "/nanshan/zh-cn/gaj"


@pytest.fixture
def base(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}"


@pytest.fixture
def shanghai_page(chromium):
    """A desktop page whose clock is Shenzhen's, like the server's scene choice."""
    context = chromium.new_context(
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        viewport={"width": 1280, "height": 900},
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def mailbox(acceptance):
    site = acceptance["app"]["nanshan"]
    setSite(site)
    site.MailHost = MockMailHost("MailHost")
    manager = getSiteManager(site)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(site.MailHost, provided=IMailHost)
    site.portal_registry["plone.email_from_address"] = "noreply@nanshan.example.gov.cn"
    transaction.commit()
    return site


def _stay_on_site(page, base):
    outside = []
    page.on(
        "request", lambda r: r.url.startswith((base, "data:")) or outside.append(r.url)
    )
    return outside


@pytest.mark.browser
def test_scene_qr_code_and_footer_on_a_department_page(acceptance, base, shanghai_page):
    page = shanghai_page
    outside = _stay_on_site(page, base)
    qr_responses = []
    page.on("response", lambda r: "@@qrcode.svg" in r.url and qr_responses.append(r))
    assert page.goto(base + PAGE).ok
    scene = page.locator("#zw-scene")
    assert scene.is_visible()
    assert scene.get_attribute("data-period") == current_period()
    assert "@@district-scene/" in scene.get_attribute("style")
    qr = page.locator("#zw-share img")
    qr.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert qr_responses and qr_responses[0].status == 200
    assert qr_responses[0].headers["content-type"].startswith("image/svg+xml")
    footer = page.locator("#zw-site-identity")
    assert footer.get_by_text("4403050001").is_visible()
    assert footer.locator("a.zw-report-error").count() == 1
    assert footer.locator("a.zw-accessibility-link").count() == 1
    assert footer.locator('a[href="https://beian.miit.gov.cn/"]').count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chrome-department.png"), full_page=True)
    assert outside == [], "the page loaded something from outside the site"


@pytest.mark.browser
def test_visitor_reports_an_error_through_the_footer_link(
    acceptance, base, shanghai_page, mailbox
):
    page = shanghai_page
    page.goto(base + PAGE)
    page.locator("#zw-site-identity a.zw-report-error").click()
    page.wait_for_load_state()
    assert "@@report-error" in page.url
    assert page.locator('input[name="url"]').input_value() == base + PAGE
    page.select_option('select[name="kind"]', "wrong-information")
    page.fill('textarea[name="description"]', "办理时限写错了，应为5个工作日。")
    page.locator('#zw-report-error button[type="submit"]').click()
    page.wait_for_load_state()
    assert page.locator(".zw-report-thanks").is_visible()
    page.screenshot(path=str(ARTIFACTS / "chrome-report-error.png"))
    transaction.begin()
    (raw,) = mailbox.MailHost.messages
    assert "办理时限写错了".encode() in raw or b"base64" in raw.lower()
