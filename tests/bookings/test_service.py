"""Booking a bookable service in a district site: quotas, limits, cancel, check-in."""

import datetime

import pytest
from booking_helpers import MONDAY
from booking_helpers import MORNING
from booking_helpers import make_bookable
from booking_helpers import people
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.bookings import ledger as states
from zhengwu.bookings import service
from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.store import held_by
from zhengwu.workflows.calendar import WorkingCalendar

PHONE = "13812345678"
CALENDAR = WorkingCalendar()
NOON = MORNING.replace(hour=12, minute=30)


@pytest.fixture
def beach(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        yield make_bookable(district["zh-cn"]["gaj"])


def book(bookable, serials, slot="09:00-12:00", day=MONDAY, moment=MORNING, **contact):
    return service.book(
        bookable,
        day,
        slot,
        people(*serials),
        {"phone": PHONE, **contact},
        moment=moment,
        calendar=CALENDAR,
    )


def test_the_type_lives_in_departments_and_its_day_has_all_places(beach):
    answer = service.day_slots(beach, MONDAY, MORNING, CALENDAR)
    assert answer["open"] and answer["remaining"] == 5
    assert [(s["slot"], s["remaining"], s["available"]) for s in answer["slots"]] == [
        ("09:00-12:00", 3, True),
        ("14:00-17:00", 2, True),
    ]
    assert answer["slots"][0]["start"] == "2030-06-03T09:00:00+08:00"


def test_a_booking_takes_places_and_the_last_place_goes_once(beach):
    first = book(beach, [1, 2])
    assert first.state == states.BOOKED and first.places == 2
    assert service.normal_reference(first.reference.lower()) == first.reference
    book(beach, [3])
    with pytest.raises(Refused, match="full"):
        book(beach, [4])
    slots = service.day_slots(beach, MONDAY, MORNING, CALENDAR)["slots"]
    assert slots[0]["remaining"] == 0 and not slots[0]["available"]


def test_the_daily_quota_caps_the_slots(beach):
    beach.daily_quota = 4
    book(beach, [1, 2, 3])
    with pytest.raises(Refused, match="full"):
        book(beach, [4, 5], slot="14:00-17:00")
    book(beach, [4], slot="14:00-17:00")
    assert service.day_slots(beach, MONDAY, MORNING, CALENDAR)["remaining"] == 0


def test_one_booking_per_id_number_and_day_also_as_a_companion(beach):
    book(beach, [1, 2])
    with pytest.raises(Refused, match="person_limit"):
        book(beach, [2], slot="14:00-17:00")
    book(beach, [2], slot="14:00-17:00", day=MONDAY + datetime.timedelta(days=1))


@pytest.mark.parametrize(
    ("people_list", "reason"),
    [
        ([], "nobody_to_book"),
        (people(1, 2, 3, 4), "too_many_companions"),
        ([{"name": "张三", "id_number": "440305199001011235"}], "bad_id_number"),
        ([{"name": "", "id_number": "11010519491231002X"}], "bad_name"),
        (people(1, 1), "same_person_twice"),
    ],
)
def test_bad_people_are_refused_and_nothing_is_written(beach, people_list, reason):
    with pytest.raises(Refused) as refused:
        service.book(
            beach,
            MONDAY,
            "09:00-12:00",
            people_list,
            {"phone": PHONE},
            None,
            MORNING,
            CALENDAR,
        )
    assert refused.value.reason == reason


@pytest.mark.parametrize(
    ("day", "slot", "phone", "reason"),
    [
        (MONDAY - datetime.timedelta(days=1), "09:00-12:00", PHONE, "past_day"),
        (MONDAY + datetime.timedelta(days=30), "09:00-12:00", PHONE, "beyond_horizon"),
        (MONDAY, "10:00-11:00", PHONE, "unknown_slot"),
        (MONDAY, "09:00-12:00", "12345", "bad_phone"),
    ],
)
def test_bad_days_slots_and_phones_are_refused(beach, day, slot, phone, reason):
    with pytest.raises(Refused) as refused:
        service.book(
            beach, day, slot, people(1), {"phone": phone}, None, MORNING, CALENDAR
        )
    assert refused.value.reason == reason


def test_a_slot_that_started_cannot_be_booked(beach):
    with pytest.raises(Refused, match="slot_closed"):
        book(beach, [1], moment=MORNING.replace(hour=9, minute=30))


def test_an_account_or_an_address_when_the_service_needs_them(beach):
    beach.account_required = True
    with pytest.raises(Refused, match="account_required"):
        book(beach, [1])
    beach.account_required = False
    beach.needs_address = True
    with pytest.raises(Refused, match="address_required"):
        book(beach, [1])
    assert book(beach, [1], address="南山区桃园路1号").contact["address"]


def test_cancel_until_the_cut_off_frees_the_places(beach):
    booking = book(beach, [1, 2])
    with pytest.raises(Refused, match="cancel_too_late"):
        service.cancel(beach, booking.reference, MORNING.replace(hour=7 + 1, minute=1))
    service.cancel(beach, booking.reference, MORNING.replace(hour=6))
    assert booking.state == states.CANCELLED
    assert (
        service.day_slots(beach, MONDAY, MORNING, CALENDAR)["slots"][0]["remaining"]
        == 3
    )
    with pytest.raises(Refused, match="not_cancellable"):
        service.cancel(beach, booking.reference, MORNING.replace(hour=6))


def test_the_waiting_list_promotes_the_next_on_a_cancellation(beach):
    beach.waiting_list = True
    first = book(beach, [1, 2, 3])
    waiting = book(beach, [4])
    assert waiting.state == states.WAITING
    promoted = service.cancel(beach, first.reference, MORNING.replace(hour=6))
    assert promoted == [waiting] and waiting.state == states.BOOKED


def test_check_in_on_the_day_only_once(beach):
    booking = book(beach, [1])
    with pytest.raises(Refused, match="not_today"):
        service.check_in(beach, booking.reference, MORNING - datetime.timedelta(days=1))
    service.check_in(beach, booking.reference, MORNING)
    assert booking.state == states.CHECKED_IN
    with pytest.raises(Refused, match="already_checked_in"):
        service.check_in(beach, booking.reference, MORNING)


def test_a_booking_the_department_confirms_is_checked_in_after_confirmation(beach):
    beach.needs_confirmation = True
    booking = book(beach, [1])
    with pytest.raises(Refused, match="not_confirmed"):
        service.check_in(beach, booking.reference, MORNING)
    service.confirm(beach, booking.reference)
    service.check_in(beach, booking.reference, MORNING)


def test_two_no_shows_block_booking_for_the_block_period(beach):
    for days_ago in (10, 3):
        day = MONDAY - datetime.timedelta(days=days_ago)
        earlier = MORNING - datetime.timedelta(days=days_ago)
        booking = book(beach, [7], day=day, moment=earlier)
        with pytest.raises(Refused, match="slot_not_over"):
            service.mark_no_show(beach, booking.reference, earlier)
        service.mark_no_show(
            beach, booking.reference, NOON - datetime.timedelta(days=days_ago)
        )
    with pytest.raises(Refused) as refused:
        book(beach, [7])
    assert refused.value.reason == "no_show_blocked"
    assert refused.value.mapping["until"] == "2030-06-30"  # 31 May + 30 days
    later = MORNING + datetime.timedelta(days=28)
    book(beach, [7], day=later.date(), moment=later)


def test_windows_take_appointments_in_turn(beach):
    beach.windows = ["1号窗口", "2号窗口"]
    windows = [book(beach, [n]).window for n in (1, 2, 3)]
    assert windows == ["1号窗口", "2号窗口", "1号窗口"]


def test_holders_index_and_day_list_and_counts_without_personal_data(beach):
    first = book(beach, [1, 2])
    second = book(beach, [3], slot="14:00-17:00")
    service.check_in(beach, first.reference, MORNING)
    uid = api.content.get_uuid(beach)
    assert held_by(service.holder_of(phone=PHONE)) == sorted(
        [f"{uid}/{first.reference}", f"{uid}/{second.reference}"]
    )
    assert [b.reference for b in service.day_list(beach, MONDAY)] == [
        first.reference,
        second.reference,
    ]
    rows = service.counts(beach, MONDAY, MONDAY)
    assert rows == [
        {
            "date": "2030-06-03",
            "slot": "09:00-12:00",
            "booked": 0,
            "waiting": 0,
            "cancelled": 0,
            "checked_in": 2,
            "no_show": 0,
        },
        {
            "date": "2030-06-03",
            "slot": "14:00-17:00",
            "booked": 1,
            "waiting": 0,
            "cancelled": 0,
            "checked_in": 0,
            "no_show": 0,
        },
    ]


def test_listings_mask_numbers_and_staff_see_them(beach):
    booking = book(beach, [1])
    masked = service.booking_json(beach, MONDAY, booking)
    full = service.booking_json(beach, MONDAY, booking, full=True)
    number = people(1)[0]["id_number"]
    assert masked["people"][0]["id_number"] == number[:4] + "*" * 10 + number[-4:]
    assert masked["phone"] == "138****5678"
    assert full["people"][0]["id_number"] == number and full["phone"] == PHONE


def test_the_holder_token_belongs_to_one_reference(beach):
    booking = book(beach, [1])
    token = service.holder_token(booking.reference)
    assert service.token_matches(booking.reference, token)
    assert not service.token_matches(booking.reference, token[:-1] + "0")
    assert not service.token_matches(booking.reference, "")


def test_a_days_places_left_count_only_slots_still_open(beach):
    beach.daily_quota = 4
    late_morning = MORNING.replace(hour=10)  # the 09:00 slot has started
    answer = service.day_slots(beach, MONDAY, late_morning, CALENDAR)
    assert answer["remaining"] == 2  # the afternoon's places, not the quota's 4
    assert service.remaining_today(beach, late_morning, CALENDAR) == 2
