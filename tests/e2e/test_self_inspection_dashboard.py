"""The self-inspection dashboard in the real Chromium: a site admin on a phone
(375 px) and on a desktop (1280 px) sees the findings, the league table and the
history chart; the page never scrolls sideways."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import transaction
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from zope.component.hooks import setSite

from zhengwu.inspection.run import run_inspection

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ADMIN = "inspection-admin"
PASSWORD = "Zhengwu-admin-2026!"
NOW = datetime.datetime(2025, 10, 9, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def base(acceptance):
    app = acceptance["app"]
    site = app["nanshan"]
    setSite(site)
    api.portal.set_registry_record("zhengwu.inspection.interval_hours", 0)
    if api.user.get(username=ADMIN) is None:
        api.user.create(email="admin@example.org", username=ADMIN, password=PASSWORD)
        api.user.grant_roles(username=ADMIN, roles=["Site Administrator"])
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        page = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="Document",
            id="inspected-page",
            title="出入境须知",
            text=RichTextValue('<a href="gone">x</a>', "text/html", "text/x-html-safe"),
        )
        api.content.transition(page, to_state="published")
    for hours in (0, 24, 48):
        run_inspection(site, now=NOW + datetime.timedelta(hours=hours), mail=False)
    transaction.commit()
    return f"http://{acceptance['host']}:{acceptance['port']}"


def log_in(page, base):
    page.goto(f"{base}/nanshan/login")
    page.locator("input[name='__ac_name']").fill(ADMIN)
    page.locator("input[name='__ac_password']").fill(PASSWORD)
    page.locator("#content form [name='buttons.login']").click()
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_the_dashboard_on_a_phone_and_a_desktop(chromium, base, width):
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": width, "height": 900}, is_mobile=width < 400
    )
    page = context.new_page()
    try:
        log_in(page, base)
        page.goto(f"{base}/nanshan/zh-cn/@@self-inspection")
        expect(page.locator("h1.documentFirstHeading")).to_have_text("网站自查")
        findings = page.locator(".inspection-findings")
        expect(findings).to_contain_text("出入境须知")
        expect(findings).to_contain_text("站内错链")
        expect(page.locator(".inspection-league")).to_contain_text(
            "深圳市公安局南山分局"
        )
        expect(page.locator("svg.inspection-chart circle")).to_have_count(
            page.locator("svg.inspection-chart circle").count()
        )
        assert page.locator("svg.inspection-chart circle").count() >= 3
        expect(page.locator(".inspection-date")).to_contain_text("2025年10月11日")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(
            path=str(ARTIFACTS / f"self-inspection-{width}.png"), full_page=True
        )
        # Run now, through the form (CSRF token included).
        page.get_by_role("button", name="立即自查").click()
        page.wait_for_load_state()
        expect(page.locator("body")).to_contain_text("自查完成")
    finally:
        context.close()
