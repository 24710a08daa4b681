"""Where citizens find bookings: the guide's 预约 button, the tourist homepage's
今日余量 and a visitor's booking with a phone code."""

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
from code_helpers import code_in
from code_helpers import mails
from code_helpers import use_mailhost
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.bookings import service

GUIDE = "http://nohost/nanshan/zh-cn/gaj/id-card"
TOURIST = "http://nohost/nanshan/zh-cn/tourist"


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


def test_a_visitor_books_with_a_phone_code(app, site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    mailhost = use_mailhost(site)
    beach = published_bookable(site)
    transaction.commit()
    browser = browser_of(app)
    browser.open(f"{BASE}/@@book?date=2030-06-03&slot=09%3A00-12%3A00")
    browser.getControl(name="name").value = "游客"
    browser.getControl(name="id_number").value = id_number(7)
    browser.getControl(name="phone").value = PHONE
    browser.getControl(name="form.send_code").click()
    sync(app)
    (mail,) = mails(mailhost)
    assert mail["To"].startswith(PHONE + "@")
    assert browser.getControl(name="name").value == "游客"
    browser.getControl(name="code").value = (
        "000000" if code_in(mail) != "000000" else "1"
    )
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("400")
    assert (
        zh("The code is not right.") in browser.contents or "验证码" in browser.contents
    )
    assert browser.getControl(name="name").value == "游客"
    browser.getControl(name="code").value = code_in(mail)
    browser.getControl(name="form.submitted").click()
    sync(app)
    [booking] = service.day_list(beach, MONDAY)
    token = service.holder_token(booking.reference)
    assert browser.url == f"{BASE}/@@booking?" + urlencode(
        {"ref": booking.reference, "token": token}
    )


def test_the_bookings_page_lists_published_services_by_kind(app, site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    published_bookable(site)
    window = published_bookable(site, id="window", kind="appointment")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        window.title = "窗口预约"
        window.reindexObject()
        api.content.create(
            container=site["zh-cn"]["gaj"],
            type="Bookable",
            id="draft",
            title="尚未发布的预约",
            slots=["09:00-12:00 5"],
        )
    transaction.commit()
    browser = browser_of(app)
    browser.open("http://nohost/nanshan/zh-cn/@@bookings")
    assert browser.headers["status"].startswith("200")
    text = browser.contents
    assert zh("Online bookings") in text
    assert "窗口预约" in text and "尚未发布的预约" not in text
    assert zh("Reservation (visitors, no account)") in text
    assert zh("Appointment at a window") in text
