"""The citizens' booking pages: the bookable's page, the form, the confirmation,
cancel and my bookings (members; the visitors' phone code in its own test)."""

import re
from urllib.parse import urlencode

import pytest
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

from zhengwu.bookings import service

FORM = f"{BASE}/@@book?date=2030-06-03&slot=09%3A00-12%3A00"


@pytest.fixture
def app(site):
    """The functional layer's Zope application (the browsers' side)."""
    return site.aq_parent


@pytest.fixture
def beach(site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    return published_bookable(site, account_required=True, closed_dates=["2030-06-05"])


def fill(browser, name="张三", number=None, phone=PHONE):
    browser.getControl(name="name").value = name
    browser.getControl(name="id_number").value = number or id_number(1)
    browser.getControl(name="phone").value = phone


def bookings_of(bookable):
    return service.day_list(bookable, MONDAY)


def test_the_page_says_the_rules_and_shows_days_with_places(app, site, beach):
    browser = browser_of(app)
    browser.open(BASE)
    assert browser.headers["status"].startswith("200")
    text = browser.text
    assert zh("Open every day, public holidays included.") in text
    assert (
        zh(
            "Up to ${count} companions per booking, each with a name and ID number.",
            count=2,
        )
        in text
    )
    assert (
        zh("You can cancel until ${hours} hours before your time slot.", hours=2)
        in text
    )
    days = re.findall(r'href="[^"]*\?date=(\d{4}-\d\d-\d\d)#zw-booking-slots"', text)
    assert days == [f"2030-06-{day:02d}" for day in range(3, 10)]
    assert 'class="zw-booking-day zw-booking-day-closed"' in text  # 6月5日
    assert 'aria-current="date"' in text
    assert "@@book?date=2030-06-03&amp;slot=09%3A00-12%3A00" in browser.contents
    assert "3" in text and "2030年6月3日" in text


def test_a_full_day_is_marked_and_its_slots_have_no_book_link(app, site, beach):
    book_as(beach, "resident", 1, 2, 3)
    book_as(beach, "neighbour", 4, 5, slot="14:00-17:00")
    browser = browser_of(app)
    browser.open(f"{BASE}?date=2030-06-03")
    assert "zw-booking-day zw-booking-day-full" in browser.contents
    assert zh("This day is fully booked.") in browser.text
    assert "@@book?date=2030-06-03" not in browser.contents


def test_a_member_books_in_a_few_taps_and_sees_the_confirmation(app, site, beach):
    browser = browser_of(app, "resident")
    browser.open(FORM)
    fill(browser)
    browser.getControl(name="form.submitted").click()
    sync(app)
    [booking] = bookings_of(beach)
    assert booking.contact["account"] == "resident"
    assert browser.url == f"{BASE}/@@booking?ref={booking.reference}"
    assert f'class="zw-booking-reference">{booking.reference}<' in browser.contents
    assert "<svg" in browser.contents  # the QR check-in code
    assert id_number(1) not in browser.text  # masked
    assert "138****5678" in browser.text
    assert "2030年6月3日" in browser.text


def test_companion_rows_come_without_script(app, site, beach):
    browser = browser_of(app, "resident")
    browser.open(FORM)
    fill(browser)
    browser.getControl(name="companions").value = ["2"]
    browser.getControl(name="form.rows").click()
    assert browser.getControl(name="name").value == "张三"  # kept
    browser.getControl(name="companion_name_1").value = "李四"
    browser.getControl(name="companion_id_1").value = id_number(2)
    browser.getControl(name="form.submitted").click()  # row 2 left empty
    sync(app)
    [booking] = bookings_of(beach)
    assert [p["name"] for p in booking.people] == ["张三", "李四"]


def test_errors_are_shown_by_their_field_and_the_input_is_kept(app, site, beach):
    browser = browser_of(app, "resident")
    browser.open(FORM)
    fill(browser, number="440305199001011234", phone="12345")
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("400")
    assert browser.getControl(name="name").value == "张三"
    assert browser.getControl(name="id_number").value == "440305199001011234"
    assert browser.getControl(name="phone").value == "12345"
    assert (
        zh("This ID number is not valid: check its 18 characters and last digit.")
        in browser.text
    )
    fill(browser, phone="12345")
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("400")
    assert zh("Give a mainland mobile number of 11 digits.") in browser.text
    sync(app)
    assert bookings_of(beach) == []


def test_a_full_slot_is_refused_with_409_and_the_input_kept(app, site, beach):
    book_as(beach, "neighbour", 4, 5, 6)
    browser = browser_of(app, "resident")
    browser.open(FORM)
    fill(browser)
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("409")
    assert zh("Slot ${slot} is full.", slot="09:00-12:00") in browser.text
    assert browser.getControl(name="id_number").value == id_number(1)


def test_the_same_person_twice_a_day_is_refused_by_the_id_field(app, site, beach):
    book_as(beach, "neighbour", 1, slot="14:00-17:00")
    browser = browser_of(app, "resident")
    browser.open(FORM)
    fill(browser)
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("409")
    assert 'id="zw-book-id"' in browser.contents
    assert 'aria-invalid="true"' in browser.contents


@pytest.mark.parametrize(
    "query",
    ["", "date=2030-06-03", "date=junk&slot=09:00-12:00", "date=2030-06-03&slot=x"],
)
def test_a_form_without_a_real_day_and_slot_is_400_not_500(app, site, beach, query):
    browser = browser_of(app, "resident")
    browser.open(f"{BASE}/@@book?{query}")
    assert browser.headers["status"].startswith("400")
    assert zh("Choose a day and a time slot on the service's page.") in browser.text


def test_a_closed_day_is_refused_by_the_form(app, site, beach):
    browser = browser_of(app, "resident")
    browser.open(f"{BASE}/@@book?date=2030-06-05&slot=09%3A00-12%3A00")
    fill(browser)
    browser.getControl(name="form.submitted").click()
    assert browser.headers["status"].startswith("400")
    assert zh("The service is closed on ${day}.", day="2030-06-05") in browser.text


def test_a_form_without_its_token_is_refused(app, site, beach):
    browser = browser_of(app, "resident")
    data = {
        "date": "2030-06-03",
        "slot": "09:00-12:00",
        "name": "张三",
        "id_number": id_number(1),
        "phone": PHONE,
        "form.submitted": "1",
    }
    browser.post(f"{BASE}/@@book", urlencode(data))
    assert browser.headers["status"].startswith("403")
    sync(app)
    assert bookings_of(beach) == []


def test_visitors_are_asked_to_log_in_for_an_appointment(app, site, beach):
    browser = browser_of(app)
    browser.open(FORM)
    assert 'name="id_number"' not in browser.contents
    link = browser.getLink(zh("Log in to book"))
    assert "came_from=" in link.url and "%40%40book" in link.url


def test_only_the_holder_sees_the_confirmation(app, site, beach):
    booking = book_as(beach, "resident", 1)
    url = f"{BASE}/@@booking?ref={booking.reference}"
    holder = browser_of(app, "resident")
    holder.open(url)
    assert holder.headers["status"].startswith("200")
    other = browser_of(app, "neighbour")
    other.open(url)
    assert other.headers["status"].startswith("404")
    anonymous = browser_of(app)
    anonymous.open(url + "&token=" + "0" * 32)
    assert anonymous.headers["status"].startswith("404")
    anonymous.open(f"{BASE}/@@booking?ref=NOSUCHREF2")
    assert anonymous.headers["status"].startswith("404")


def test_a_visitors_booking_opens_with_its_token_only(app, site, beach):
    museum = published_bookable(site, id="museum", slots=["14:00-17:00 5"])
    booking = book_as(museum, None, 2, slot="14:00-17:00")  # as REST books it
    token = service.holder_token(booking.reference)
    base = BASE.replace("/beach", "/museum")
    browser = browser_of(app)
    browser.open(f"{base}/@@booking?ref={booking.reference}&token={token}")
    assert browser.headers["status"].startswith("200")
    assert booking.reference in browser.text
    assert zh("Cancel this booking") in browser.text
    wrong = "1" if token[-1] == "0" else "0"
    browser.open(f"{base}/@@booking?ref={booking.reference}&token={token[:-1]}{wrong}")
    assert browser.headers["status"].startswith("404")
    member = browser_of(app, "resident")  # an account does not open it
    member.open(f"{base}/@@booking?ref={booking.reference}")
    assert member.headers["status"].startswith("404")


def test_the_holder_cancels_with_the_button(app, site, beach):
    booking = book_as(beach, "resident", 1, slot="14:00-17:00")
    browser = browser_of(app, "resident")
    browser.open(f"{BASE}/@@booking?ref={booking.reference}")
    browser.getControl(zh("Cancel this booking")).click()
    sync(app)
    [stored] = bookings_of(beach)
    assert stored.state == "cancelled"
    assert zh("Your booking is cancelled.") in browser.text
    assert zh("Cancel this booking") not in browser.text


def test_cancel_needs_the_csrf_token_and_a_post(app, site, beach):
    booking = book_as(beach, "resident", 1, slot="14:00-17:00")
    holder = browser_of(app, "resident")
    holder.post(f"{BASE}/@@cancel-booking", urlencode({"ref": booking.reference}))
    assert holder.headers["status"].startswith("403")
    holder.open(f"{BASE}/@@cancel-booking?ref={booking.reference}")
    assert holder.headers["status"].startswith("404")
    sync(app)
    assert bookings_of(beach)[0].state == "booked"


def test_no_cancel_button_after_the_cut_off(app, site, beach, monkeypatch):
    booking = book_as(beach, "resident", 1, slot="14:00-17:00")
    browser = browser_of(app, "resident")
    url = f"{BASE}/@@booking?ref={booking.reference}"
    fix_now(monkeypatch, MORNING.replace(hour=11, minute=59))
    browser.open(url)
    assert zh("Cancel this booking") in browser.text  # cut-off: 2 hours before
    fix_now(monkeypatch, MORNING.replace(hour=12))
    browser.open(url)
    assert zh("Cancel this booking") not in browser.text


def test_my_bookings_lists_only_my_own(app, site, beach):
    mine = book_as(beach, "resident", 1)
    theirs = book_as(beach, "neighbour", 2)
    browser = browser_of(app, "resident")
    browser.open("http://nohost/nanshan/zh-cn/@@my-bookings")
    assert mine.reference in browser.text
    assert theirs.reference not in browser.text
    assert f"@@booking?ref={mine.reference}" in browser.contents
    assert (
        zh(
            "Bookings made without an account are not listed here: open them with "
            "the link of their confirmation page or mail."
        )
        in browser.text
    )


def test_my_bookings_asks_visitors_to_log_in(app, site, beach):
    browser = browser_of(app)
    browser.open("http://nohost/nanshan/zh-cn/@@my-bookings")
    assert "/login" in browser.url or browser.headers["status"].startswith("401")


def test_members_find_my_bookings_in_their_menu(app, site, beach):
    browser = browser_of(app, "resident")
    browser.open(BASE)
    assert "/@@my-bookings" in browser.contents
