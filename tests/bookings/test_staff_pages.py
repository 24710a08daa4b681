"""The window staff's pages of a bookable: check-in, the day's list, load, export."""

import csv
import datetime
import io
from urllib.parse import urlencode

import openpyxl
import pytest
import transaction
from booking_helpers import MONDAY
from booking_helpers import MORNING
from booking_helpers import fix_now
from booking_helpers import id_number
from booking_helpers import make_bookable
from clerk_helpers import PHONE
from clerk_helpers import book
from clerk_helpers import browser_of
from clerk_helpers import make_users
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.bookings import service
from zhengwu.masking import mask_id_number

BASE = "http://nohost/nanshan/zh-cn/gaj/beach"
AFTERNOON = datetime.datetime(2030, 6, 3, 12, 30, tzinfo=MORNING.tzinfo)


@pytest.fixture
def beach(site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    make_users()
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        bookable = make_bookable(site["zh-cn"]["gaj"], windows=["1号窗口", "2号窗口"])
        api.content.transition(obj=bookable, to_state="published")
    transaction.commit()
    return bookable


@pytest.fixture
def booking(beach):
    found = book(beach, 1, 2)
    transaction.commit()
    return found


def dashed(reference):
    """How a citizen might read the reference out: small letters, dash, spaces."""
    return f" {reference[:5].lower()}-{reference[5:]} "


def state_of(beach, reference):
    transaction.begin()
    return service.find(beach, reference)[1].state


def test_clerk_of_the_department_checks_in_by_typed_reference(site, beach, booking):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@check-in")
    browser.getControl(name="ref").value = dashed(booking.reference)
    browser.getForm(id="check-in-lookup").submit()
    assert browser.headers["status"].startswith("200")
    # in full, for the comparison with the ID cards
    assert id_number(1) in browser.contents
    assert id_number(2) in browser.contents
    assert "市民1" in browser.contents
    assert PHONE in browser.contents
    assert "1号窗口" in browser.contents
    assert "2030年6月3日" in browser.contents
    browser.getForm(id="check-in-check_in").submit()
    # Post/Redirect/Get: back on the lookup, with the message
    assert browser.url == f"{BASE}/@@check-in?ref={booking.reference}"
    assert "statusmessage-info" in browser.contents
    assert state_of(beach, booking.reference) == "checked_in"
    # a second check-in is refused with its message, nothing breaks
    assert "check-in-check_in" not in browser.contents


def test_check_in_form_needs_the_authenticator(site, beach, booking):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.post(f"{BASE}/@@check-in", f"ref={booking.reference}&action=check_in")
    assert not browser.headers["status"].startswith("2")
    assert state_of(beach, booking.reference) == "booked"


@pytest.mark.parametrize(
    "typed", ["ABC", "<script>alert(1)</script>", "Z" * 500, "AAAAAAAAAA", "中文参考号"]
)
def test_a_bad_reference_is_a_message_never_a_500(site, beach, booking, typed):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@check-in?{urlencode({'ref': typed})}")
    assert browser.headers["status"][:1] == "4"
    assert "check-in-lookup" in browser.contents  # the page, with the form again
    assert "<script>alert" not in browser.contents


def test_a_post_with_a_bad_reference_or_action_redirects_with_a_message(
    site, beach, booking
):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@check-in?ref={booking.reference}")
    form = browser.getForm(id="check-in-check_in")
    form.getControl(name="action", index=0).value = "delete"
    form.submit()
    assert browser.headers["status"].startswith("200")
    assert "statusmessage-error" in browser.contents
    assert state_of(beach, booking.reference) == "booked"


@pytest.mark.parametrize("user", [None, "clerk-of-jyj", "editor-of-gaj", "resident"])
def test_only_the_departments_clerks_open_check_in(site, beach, booking, user):
    browser = browser_of(site.aq_parent, user)
    browser.open(f"{BASE}/@@check-in?ref={booking.reference}")
    assert id_number(1) not in browser.contents
    assert "check-in-lookup" not in browser.contents


@pytest.mark.parametrize("user", ["clerk-of-jyj", "editor-of-gaj"])
def test_others_cannot_check_in_by_post(site, beach, booking, user):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@check-in?ref={booking.reference}")
    form = browser.getForm(id="check-in-check_in")
    token = form.getControl(name="_authenticator").value
    other = browser_of(site.aq_parent, user)
    other.post(
        f"{BASE}/@@check-in",
        f"ref={booking.reference}&action=check_in&_authenticator={token}",
    )
    assert state_of(beach, booking.reference) == "booked"


def test_no_show_only_after_the_slot(site, beach, booking, monkeypatch):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@check-in?ref={booking.reference}")
    browser.getForm(id="check-in-no_show").submit()
    assert "statusmessage-error" in browser.contents
    assert state_of(beach, booking.reference) == "booked"
    fix_now(monkeypatch, AFTERNOON)
    browser.open(f"{BASE}/@@check-in?ref={booking.reference}")
    browser.getForm(id="check-in-no_show").submit()
    assert state_of(beach, booking.reference) == "no_show"


def test_a_booking_waiting_for_the_department_is_confirmed_then_checked_in(
    site, monkeypatch
):
    fix_now(monkeypatch, MORNING)
    make_users()
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        bookable = make_bookable(site["zh-cn"]["gaj"], needs_confirmation=True)
    found = book(bookable, 3)
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@check-in?ref={found.reference}")
    assert "check-in-check_in" not in browser.contents
    browser.getForm(id="check-in-confirm").submit()
    browser.getForm(id="check-in-check_in").submit()
    assert state_of(bookable, found.reference) == "checked_in"


def test_checking_in_a_booking_of_another_day_says_so(site, beach, monkeypatch):
    found = book(beach, 4, day=MONDAY + datetime.timedelta(days=1))
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@check-in?ref={found.reference}")
    browser.getForm(id="check-in-check_in").submit()
    assert "statusmessage-error" in browser.contents
    assert state_of(beach, found.reference) == "booked"


def test_clerks_see_the_days_list_in_full(site, beach, booking):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@bookings-day?date=2030-06-03")
    assert browser.headers["status"].startswith("200")
    assert id_number(1) in browser.contents
    assert PHONE in browser.contents
    assert "1号窗口" in browser.contents
    assert "09:00-12:00" in browser.contents


def test_editors_see_the_days_list_masked(site, beach, booking):
    browser = browser_of(site.aq_parent, "editor-of-gaj")
    browser.open(f"{BASE}/@@bookings-day?date=2030-06-03")
    assert browser.headers["status"].startswith("200")
    assert id_number(1) not in browser.contents
    assert mask_id_number(id_number(1)) in browser.contents
    assert PHONE not in browser.contents
    assert "市民1" not in browser.contents
    assert "市*" in browser.contents
    assert "@@check-in" not in browser.contents


@pytest.mark.parametrize("user", [None, "resident", "clerk-of-jyj"])
def test_others_cannot_see_the_days_list(site, beach, booking, user):
    browser = browser_of(site.aq_parent, user)
    browser.open(f"{BASE}/@@bookings-day?date=2030-06-03")
    assert mask_id_number(id_number(1)) not in browser.contents
    assert "bookings-day-totals" not in browser.contents


@pytest.mark.parametrize("date", ["2030-13-01", "03-06-2030", "x" * 300])
def test_a_bad_day_answers_400(site, beach, date):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@bookings-day?date={date}")
    assert browser.headers["status"].startswith("400")


def test_the_load_is_a_chart_and_a_table(site, beach, booking):
    browser = browser_of(site.aq_parent, "editor-of-gaj")
    browser.open(f"{BASE}/@@bookings-load")
    assert browser.headers["status"].startswith("200")
    assert "<svg" in browser.contents
    assert "<script" not in browser.contents.split("bookings-load-chart")[1][:5000]
    table = browser.contents.split("bookings-load-table")[1]
    # the horizon: 7 days from today, the first with 2 of 5 places
    assert table.count("<tr>") == 1 + 7
    assert "<td>2</td>" in table and "<td>5</td>" in table
    assert mask_id_number(id_number(1)) not in browser.contents


@pytest.mark.parametrize(
    "query",
    [
        "from=2030-06-03&to=2030-09-01",  # 91 days
        "from=2030-06-05&to=2030-06-03",
        "from=2030-6-3",
    ],
)
def test_load_range_bounds_answer_400(site, beach, query):
    browser = browser_of(site.aq_parent, "editor-of-gaj")
    browser.open(f"{BASE}/@@bookings-load?{query}")
    assert browser.headers["status"].startswith("400")


def test_anonymous_cannot_see_the_load(site, beach):
    browser = browser_of(site.aq_parent)
    browser.open(f"{BASE}/@@bookings-load")
    assert (
        "<svg" not in browser.contents or "bookings-load-chart" not in browser.contents
    )


def test_export_has_counts_and_no_personal_data(site, beach, booking):
    book(beach, 5, slot="14:00-17:00", phone="13912345678")
    browser = browser_of(site.aq_parent, "editor-of-gaj")
    browser.open(f"{BASE}/@@bookings-export?from=2030-06-01&to=2030-06-30&format=csv")
    assert browser.headers["status"].startswith("200")
    disposition = browser.headers["Content-Disposition"]
    assert 'filename="booking-counts.csv"' in disposition
    assert "filename*=UTF-8''" in disposition
    text = (
        browser.contents.decode("utf-8-sig")
        if isinstance(browser.contents, bytes)
        else browser.contents
    )
    for secret in (id_number(1), id_number(5), PHONE, "13912345678", "市民", "桃园路"):
        assert secret not in text
    assert booking.reference not in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert [row[:3] for row in rows[1:]] == [
        ["2030-06-03", "09:00-12:00", "2"],
        ["2030-06-03", "14:00-17:00", "1"],
    ]


def test_export_as_xlsx(site, beach, booking):
    browser = browser_of(site.aq_parent, "clerk-of-gaj")
    browser.open(f"{BASE}/@@bookings-export?from=2030-06-01&to=2030-06-30&format=xlsx")
    assert browser.headers["status"].startswith("200")
    book_ = openpyxl.load_workbook(
        io.BytesIO(
            browser.contents.encode("latin-1")
            if isinstance(browser.contents, str)
            else browser.contents
        )
    )
    rows = list(book_.worksheets[0].iter_rows(values_only=True))
    assert rows[1][:3] == ("2030-06-03", "09:00-12:00", 2)


@pytest.mark.parametrize(
    "query",
    [
        "from=2030-01-01&to=2031-01-02",  # 367 days
        "from=2030-06-05&to=2030-06-03",
        "from=tomorrow",
        "format=pdf",
        "format=csv&format=xlsx",
    ],
)
def test_export_range_bounds_answer_400(site, beach, query):
    browser = browser_of(site.aq_parent, "editor-of-gaj")
    browser.open(f"{BASE}/@@bookings-export?{query}")
    assert browser.headers["status"].startswith("400")


def test_anonymous_and_citizens_cannot_export(site, beach, booking):
    for user in (None, "resident"):
        browser = browser_of(site.aq_parent, user)
        browser.open(f"{BASE}/@@bookings-export?format=csv")
        assert "booking-counts" not in browser.headers.get("Content-Disposition", "")


def test_staff_links_on_the_bookable_for_staff_only(site, beach):
    clerk = browser_of(site.aq_parent, "clerk-of-gaj")
    clerk.open(BASE)
    assert f"{BASE}/@@check-in" in clerk.contents
    editor = browser_of(site.aq_parent, "editor-of-gaj")
    editor.open(BASE)
    assert f"{BASE}/@@bookings-load" in editor.contents
    assert f"{BASE}/@@check-in" not in editor.contents
    anonymous = browser_of(site.aq_parent)
    anonymous.open(BASE)
    assert "@@bookings-load" not in anonymous.contents
