"""A window clerk checks a booking in on a phone (375 px) in the real Chromium:
types the reference as the citizen reads it out, compares the people with their ID
cards, checks in; then the day's list and the load (screenshots at 375 and 1280 px).
"""

import sys
from pathlib import Path

import pytest
import transaction
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bookings"))

from booking_helpers import MORNING  # noqa: E402
from booking_helpers import fix_now  # noqa: E402
from booking_helpers import id_number  # noqa: E402
from booking_helpers import make_bookable  # noqa: E402
from citizen_pages import zh  # noqa: E402
from clerk_helpers import book  # noqa: E402

from zhengwu.bookings import service  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "Zhengwu-clerk-2026!"
CLERK = "e2e-clerk"
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


@pytest.fixture
def world(acceptance, monkeypatch):
    fix_now(monkeypatch, MORNING)
    app = acceptance["app"]
    app._p_jar.sync()
    site = app["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        for name, groups in ((CLERK, ["gaj-clerks"]), ("resident", [])):
            if api.user.get(userid=name) is None:
                api.user.create(
                    username=name, email=f"{name}@example.org", password=PASSWORD
                )
                for group in groups:
                    api.group.add_user(groupname=group, username=name)
        folder = site["zh-cn"]["gaj"]
        if "e2e-beach" in folder:
            api.content.delete(folder["e2e-beach"])
        bookable = make_bookable(folder, id="e2e-beach", windows=["1号窗口"])
        api.content.transition(obj=bookable, to_state="published")
    booking = book(bookable, 1, 2)
    transaction.commit()
    yield {
        "base": f"http://{acceptance['host']}:{acceptance['port']}",
        "bookable": bookable,
        "reference": booking.reference,
        "app": app,
    }
    transaction.abort()


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(
        locale="zh-CN", viewport={"width": 375, "height": 812}, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


def shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} is {overflow}px too wide at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 812})


@pytest.mark.browser
def test_a_clerk_checks_a_booking_in_on_a_phone(world, phone):
    base = world["base"]
    url = f"{base}/nanshan/zh-cn/gaj/e2e-beach"
    outside = []
    phone.on(
        "request",
        lambda r: r.url.startswith((base, "data:")) or outside.append(r.url),
    )
    errors = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto(f"{base}/nanshan/login")
    phone.locator("input[name='__ac_name']").fill(CLERK)
    phone.locator("input[name='__ac_password']").fill(PASSWORD)
    phone.locator("#content form [name='buttons.login']").click()
    phone.wait_for_load_state()

    phone.goto(url)
    phone.locator("a.booking-staff-check-in").click()
    phone.wait_for_url("**/@@check-in")
    reference = world["reference"]
    phone.locator("#check-in-ref").fill(f"{reference[:5].lower()} {reference[5:]}")
    shoot(phone, "check-in-form")
    phone.locator("#check-in-lookup button[type=submit]").click()
    expect(phone.locator(".check-in-people")).to_contain_text(id_number(1))
    expect(phone.locator(".check-in-people")).to_contain_text(id_number(2))
    expect(phone.locator(".booking-state")).to_have_text("已预约")
    shoot(phone, "check-in-booking")
    phone.locator("#check-in-check_in button").click()
    expect(phone.locator(".booking-state")).to_have_text(zh("Checked in"))
    expect(phone.locator(".statusmessage-info")).to_contain_text(reference)
    shoot(phone, "check-in-done")

    phone.goto(f"{url}/@@bookings-day?date=2030-06-03")
    expect(phone.locator(".bookings-day-window")).to_contain_text(id_number(1))
    shoot(phone, "bookings-day")
    phone.goto(f"{url}/@@bookings-load")
    expect(phone.locator(".bookings-load-chart svg")).to_be_visible()
    shoot(phone, "bookings-load")

    world["app"]._p_jar.sync()
    assert service.find(world["bookable"], reference)[1].state == "checked_in"
    assert outside == []
    assert errors == []
