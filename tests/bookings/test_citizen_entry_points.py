"""Where citizens find bookings: the guide's 预约 button, the tourist homepage's
今日余量 and a visitor's booking with a phone code."""

import importlib.util
from urllib.parse import urlencode

import pytest
import transaction
from booking_helpers import MONDAY
from booking_helpers import MORNING
from booking_helpers import fix_now
from booking_helpers import id_number
from citizen_pages import BASE
from citizen_pages import PHONE
from citizen_pages import book_as
from citizen_pages import browser_of
from citizen_pages import published_bookable
from citizen_pages import sync
from citizen_pages import zh
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.bookings import service

GUIDE = "http://nohost/nanshan/zh-cn/gaj/id-card"
TOURIST = "http://nohost/nanshan/zh-cn/tourist"
HAS_VERIFICATION = importlib.util.find_spec("zhengwu.bookings.verification")


@pytest.fixture
def app(site):
    return site.aq_parent


@pytest.fixture
def guide(site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="Guide",
            id="id-card",
            title="居民身份证补领",
            service_code="BOOK-0001",
            booking=True,
        )
        api.content.transition(obj, to_state="published")
    transaction.commit()
    return obj


def test_the_guide_button_opens_its_published_bookable(app, site, guide):
    published_bookable(site, guide=guide, kind="appointment")
    browser = browser_of(app)
    browser.open(GUIDE)
    link = browser.getLink(zh("Book an appointment"))
    assert link.url == BASE


def test_without_a_published_bookable_the_guide_says_how_to_book(app, site, guide):
    published_bookable(site, guide=guide, publish=False, kind="appointment")
    browser = browser_of(app)
    browser.open(GUIDE)
    assert zh("Book an appointment") not in browser.text
    assert "/gaj/beach" not in browser.contents
    assert zh("Appointments can be booked: ask by phone or at the window.") in (
        browser.text
    )


def test_the_tourist_homepage_shows_places_left_today(app, site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    beach = published_bookable(site)
    book_as(beach, None, 1, 2)
    browser = browser_of(app)
    browser.open(TOURIST)
    assert zh("Places left today") in browser.text
    assert zh("${count} left", count=3) in browser.text
    assert f'href="{BASE}#zw-booking-slots"' in browser.contents
    browser.open("http://nohost/nanshan/zh-cn/resident")
    assert zh("Places left today") not in browser.text


def test_no_quota_module_without_a_reservation_open_today(app, site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    published_bookable(site, closed_dates=[MONDAY.isoformat()])
    published_bookable(site, id="window", kind="appointment")
    browser = browser_of(app)
    browser.open(TOURIST)
    assert browser.headers["status"].startswith("200")
    assert zh("Places left today") not in browser.text


@pytest.mark.skipif(HAS_VERIFICATION is not None, reason="the visitor path is on")
def test_without_the_phone_code_visitors_are_sent_to_log_in(app, site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    published_bookable(site)
    browser = browser_of(app)
    browser.open(f"{BASE}/@@book?date=2030-06-03&slot=09%3A00-12%3A00")
    assert 'name="id_number"' not in browser.contents
    assert browser.getLink(zh("Log in to book"))


def test_a_visitor_books_with_a_phone_code(app, site, monkeypatch):
    verification = pytest.importorskip("zhengwu.bookings.verification")
    fix_now(monkeypatch, MORNING)
    beach = published_bookable(site)
    sent, checked = [], []
    monkeypatch.setattr(
        verification, "send_code", lambda site, kind, phone, request: sent.append(phone)
    )
    monkeypatch.setattr(
        verification,
        "check_code",
        lambda site, kind, phone, code: checked.append((phone, code)),
    )
    browser = browser_of(app)
    browser.open(f"{BASE}/@@book?date=2030-06-03&slot=09%3A00-12%3A00")
    browser.getControl(name="name").value = "游客"
    browser.getControl(name="id_number").value = id_number(7)
    browser.getControl(name="phone").value = PHONE
    browser.getControl(name="form.send_code").click()
    assert sent == [PHONE]
    assert browser.getControl(name="name").value == "游客"
    browser.getControl(name="code").value = "123456"
    browser.getControl(name="form.submitted").click()
    assert checked == [(PHONE, "123456")]
    sync(app)
    [booking] = service.day_list(beach, MONDAY)
    token = service.holder_token(booking.reference)
    assert browser.url == f"{BASE}/@@booking?" + urlencode(
        {"ref": booking.reference, "token": token}
    )
