"""居家养老申请 in the real Chromium at 375 px: a citizen opens the care guide, applies
online with an ID card scan, lands on the application, and sees it in "my
applications" with the numbers masked. Screenshots at 375 and 1280 px."""

from pathlib import Path

import pytest
import transaction
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from stdnum.cn import ric
from zope.component.hooks import setSite

from zhengwu.participation import posting

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
GUIDE = "/nanshan/zh-cn/mzj/home-care"
PASSWORD = "Zhengwu-citizen-2026!"
CITIZEN = "care-applicant"
FIRST17 = "44030519900101123"
ID_NUMBER = FIRST17 + ric.calc_check_digit(FIRST17 + "0")
PDF = b"%PDF-1.4\n% e2e\ntrailer<<>>\n%%EOF\n"
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


@pytest.fixture
def world(acceptance):
    posting._limiters.clear()
    app = acceptance["app"]
    app._p_jar.sync()
    site = app["nanshan"]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    with api.env.adopt_roles(["Manager"]):
        if api.user.get(userid=CITIZEN) is None:
            api.user.create(
                username=CITIZEN,
                email=f"{CITIZEN}@example.org",
                password=PASSWORD,
                properties={"fullname": "赵女士"},
            )
        department = site["zh-cn"]["mzj"]
        if "home-care" not in department:
            guide = api.content.create(
                container=department,
                type="Guide",
                id="home-care",
                title="居家养老服务申请",
            )
            api.content.transition(guide, to_state="published")
    transaction.commit()
    yield acceptance


def shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 812})


def test_a_citizen_applies_for_home_care_on_a_phone(world, page, tmp_path):
    base = f"http://{world['host']}:{world['port']}"
    outside = []
    page.on(
        "request",
        lambda r: r.url.startswith((base, "data:")) or outside.append(r.url),
    )
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{base}/nanshan/login")
    page.locator("input[name='__ac_name']").fill(CITIZEN)
    page.locator("input[name='__ac_password']").fill(PASSWORD)
    page.locator("#content form [name='buttons.login']").click()
    page.wait_for_load_state()

    page.goto(f"{base}{GUIDE}")
    page.locator("a.guide-online-link").click()
    page.wait_for_url(f"**{GUIDE}/@@care-application")
    shoot(page, "care-form")

    scan = tmp_path / "身份证.pdf"
    scan.write_bytes(PDF)
    page.fill("#zw-care-name", "赵秀英")
    page.fill("#zw-care-id", ID_NUMBER)
    page.fill("#zw-care-phone", "13912345678")
    page.fill("#zw-care-address", "南头街道示例路9号")
    page.check("#zw-care-need-meals")
    page.select_option("#zw-care-level", "mild")
    page.set_input_files("#zw-care-id-card", str(scan))
    page.check("#zw-care-consent")
    page.locator("button[name='form.submitted']").click()
    page.wait_for_url("**/care-applications/jy-*")
    expect(page.locator(".zw-care-id-number")).to_have_text(ID_NUMBER)
    expect(page.locator(".zw-care-state")).to_have_attribute("data-state", "submitted")
    shoot(page, "care-application")

    page.goto(f"{base}/nanshan/zh-cn/@@my-applications")
    expect(page.locator(".zw-care-item")).to_have_count(1)
    expect(page.locator(".zw-care-item .zw-care-id-number")).to_have_text(
        "4403**********" + ID_NUMBER[-4:]
    )
    expect(page.locator(".zw-care-item .zw-care-phone")).to_have_text("139****5678")
    # Nothing wider than the phone's screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    shoot(page, "care-my-applications")
    assert outside == []
