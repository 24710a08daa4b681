"""A citizen books in the real Chromium at 375 px against a live server: from the
tourist homepage's 今日余量 to the beach's page, a day and a slot, the form with a
companion (no script needed), the confirmation with its check-in code, my
bookings, and cancel; and a tourist without an account who proves the phone with
a code (the SMS sender is the test's own, plugged in as a district plugs in its
provider). Screenshots of each page at 375 and 1280 px."""

from pathlib import Path

import pytest
import transaction
from playwright.sync_api import expect
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stdnum.cn import ric
from zope.component import getGlobalSiteManager
from zope.component import getUtility
from zope.component.hooks import setSite
from zope.i18n import translate
from zope.interface import implementer

from zhengwu import _
from zhengwu.bookings import rules
from zhengwu.bookings import service
from zhengwu.bookings.interfaces import ICodeSender

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PASSWORD = "Zhengwu-citizen-2026!"
MEMBER = "bk-tourist"
MORNING = rules.now().replace(2030, 6, 3, 8, 0, 0, 0)  # a Monday, China time
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


def zh(msgid, **mapping):
    return translate(
        _(msgid, mapping=mapping or None), domain="zhengwu", target_language="zh_CN"
    )


def id_number(serial):
    body = f"44030519900101{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def world(acceptance, monkeypatch):
    monkeypatch.setattr(rules, "now", lambda: MORNING)
    app = acceptance["app"]
    app._p_jar.sync()
    site = app["nanshan"]
    setSite(site)
    with api.env.adopt_roles(["Manager"]):
        if api.user.get(userid=MEMBER) is None:
            api.user.create(
                username=MEMBER,
                email="tourist@example.org",
                password=PASSWORD,
                properties={"fullname": "王游客"},
            )
        beach = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="Bookable",
            id="dameisha",
            title="大梅沙海滨公园预约",
            kind="reservation",
            slots=["09:00-12:00 200", "14:00-18:00 150"],
            opening="every_day",
            horizon_days=7,
            per_person=1,
            max_companions=3,
            cancel_hours=2,
        )
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.transition(obj=beach, to_state="published")
    transaction.commit()
    yield acceptance
    with api.env.adopt_roles(["Manager"]):
        app._p_jar.sync()
        api.content.delete(obj=app["nanshan"]["zh-cn"]["gaj"]["dameisha"])
    transaction.commit()


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
    width, height = WIDTHS["phone"]
    page.set_viewport_size({"width": width, "height": height})


@pytest.mark.browser
def test_a_member_books_the_beach_on_a_phone(world, page):
    base = f"http://{world['host']}:{world['port']}"
    outside = []
    page.on(
        "request",
        lambda r: r.url.startswith((base, "data:")) or outside.append(r.url),
    )
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{base}/nanshan/login")
    page.locator("input[name='__ac_name']").fill(MEMBER)
    page.locator("input[name='__ac_password']").fill(PASSWORD)
    page.locator("#content form [name='buttons.login']").click()
    page.wait_for_load_state()

    # The tourist homepage: today's places left, a link to book.
    page.goto(f"{base}/nanshan/zh-cn/tourist")
    quota = page.locator("#zw-module-today")
    expect(quota).to_contain_text("大梅沙海滨公园预约")
    expect(quota).to_contain_text(zh("${count} left", count=350))
    shoot(page, "bookings-homepage-today")
    quota.locator("a.zw-today-book").click()
    page.wait_for_load_state()

    # The beach: rules, days as chips, Tuesday chosen, its morning slot.
    expect(page.locator(".zw-booking-rules")).to_contain_text(
        zh("Open every day, public holidays included.")
    )
    page.locator("a.zw-booking-day", has_text="6月4日").click()
    page.wait_for_load_state()
    expect(page.locator("#zw-booking-slots h2")).to_have_text("2030年6月4日")
    shoot(page, "bookings-bookable")
    page.locator(".zw-booking-slot", has_text="09:00-12:00").get_by_role(
        "link", name=zh("Book")
    ).click()
    page.wait_for_load_state()

    # The form: holder, one companion row (no script), phone.
    page.locator("#zw-book-name").fill("王游客")
    page.locator("#zw-book-id").fill(id_number(1))
    page.locator("#zw-book-phone").fill("13812345678")
    page.locator("#zw-book-companions").select_option("1")
    page.get_by_role("button", name=zh("Show the rows")).click()
    page.wait_for_load_state()
    expect(page.locator("#zw-book-name")).to_have_value("王游客")
    page.locator("#zw-book-companion-name-1").fill("王小妹")
    page.locator("#zw-book-companion-id-1").fill("12345")  # a typo first
    page.get_by_role("button", name=zh("Book now")).click()
    page.wait_for_load_state()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    expect(page.locator("#zw-book-companion-name-1")).to_have_value("王小妹")
    shoot(page, "bookings-form-error")
    page.locator("#zw-book-companion-id-1").fill(id_number(2))
    page.get_by_role("button", name=zh("Book now")).click()
    page.wait_for_load_state()

    # The confirmation: reference in big type, the check-in code, masked numbers.
    assert "@@booking?ref=" in page.url
    reference = page.locator(".zw-booking-reference").inner_text().strip()
    expect(page.locator(".zw-booking-qr svg")).to_be_visible()
    expect(page.locator(".zw-booking-facts")).to_contain_text("138****5678")
    expect(page.locator(".zw-booking-facts")).not_to_contain_text(id_number(1))
    shoot(page, "bookings-confirmation")
    app = world["app"]
    app._p_jar.sync()
    beach = app["nanshan"]["zh-cn"]["gaj"]["dameisha"]
    _day, booking = service.find(beach, reference)
    assert booking.places == 2 and booking.contact["account"] == MEMBER

    # My bookings lists it; the holder cancels it.
    page.goto(f"{base}/nanshan/zh-cn/@@my-bookings")
    expect(page.locator(".zw-my-booking")).to_contain_text(reference)
    shoot(page, "bookings-mine")
    page.locator(".zw-my-booking a").first.click()
    page.wait_for_load_state()
    page.get_by_role("button", name=zh("Cancel this booking")).click()
    page.wait_for_load_state()
    expect(page.locator(".zw-booking-state")).to_have_text(zh("Cancelled"))
    assert outside == []


@implementer(ICodeSender)
class PhoneOfTheTest:
    """The SMS provider of this test: keeps the codes it was asked to send."""

    channel = "sms"

    def __init__(self):
        self.sent = []

    def send(self, address, code, minutes, request):
        self.sent.append((address, code))


@pytest.fixture
def phone():
    registry = getGlobalSiteManager()
    shipped = getUtility(ICodeSender, name="sms")
    ours = PhoneOfTheTest()
    registry.registerUtility(ours, ICodeSender, name="sms")
    yield ours
    registry.registerUtility(shipped, ICodeSender, name="sms")


@pytest.mark.browser
def test_a_tourist_books_without_an_account_with_a_phone_code(world, page, phone):
    base = f"http://{world['host']}:{world['port']}"
    outside = []
    page.on(
        "request",
        lambda r: r.url.startswith((base, "data:")) or outside.append(r.url),
    )
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{base}/nanshan/zh-cn/gaj/dameisha?date=2030-06-03")
    page.locator(".zw-booking-slot", has_text="14:00-18:00").get_by_role(
        "link", name=zh("Book")
    ).click()
    page.wait_for_load_state()
    page.locator("#zw-book-name").fill("李游客")
    page.locator("#zw-book-id").fill(id_number(7))
    page.locator("#zw-book-phone").fill("13912345678")
    page.get_by_role("button", name=zh("Send code")).click()
    page.wait_for_load_state()
    [(number, code)] = phone.sent
    assert number == "13912345678"
    expect(page.locator("#zw-book-name")).to_have_value("李游客")
    shoot(page, "bookings-visitor-code")
    page.locator("#zw-book-code").fill(code)
    page.get_by_role("button", name=zh("Book now")).click()
    page.wait_for_load_state()
    assert "@@booking?ref=" in page.url and "token=" in page.url
    reference = page.locator(".zw-booking-reference").inner_text().strip()
    expect(page.locator(".zw-booking-qr svg")).to_be_visible()
    expect(page.locator(".zw-booking-facts")).to_contain_text("139****5678")
    shoot(page, "bookings-visitor-confirmation")
    app = world["app"]
    app._p_jar.sync()
    beach = app["nanshan"]["zh-cn"]["gaj"]["dameisha"]
    _day, booking = service.find(beach, reference)
    assert booking.places == 1 and "account" not in booking.contact
    # The link with the token is the visitor's way back: cancel from there.
    page.get_by_role("button", name=zh("Cancel this booking")).click()
    page.wait_for_load_state()
    expect(page.locator(".zw-booking-state")).to_have_text(zh("Cancelled"))
    assert outside == []
