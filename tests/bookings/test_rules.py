"""The calendar of a bookable service: slot lines, open days, horizon, lead time."""

import datetime
from types import SimpleNamespace

import pytest
from booking_helpers import MONDAY
from booking_helpers import MORNING
from zope.interface import Invalid

from zhengwu.bookings import rules
from zhengwu.bookings.ledger import Refused
from zhengwu.content import bookable_lines
from zhengwu.workflows.calendar import WorkingCalendar


def bookable(**fields):
    values = {
        "slots": ["09:00-12:00 3", "14:00-17:00 2"],
        "opening": "working_days",
        "closed_weekdays": [],
        "closed_dates": [],
        "horizon_days": 7,
        "lead_hours": 0,
        "cancel_hours": 2,
        **fields,
    }
    return SimpleNamespace(**values)


def test_slot_lines_parse_in_order_and_normalise():
    slots = bookable_lines.parse_slots(["14:00-17:00 2", "9:00 - 12:00 300", " "])
    assert [(s.id, s.places) for s in slots] == [
        ("09:00-12:00", 300),
        ("14:00-17:00", 2),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["09:00-12:00"],
        ["12:00-09:00 5"],
        ["09:00-25:00 5"],
        ["09:00-12:00 0"],
        ["09:00-12:00 5", "11:00-13:00 5"],
        ["上午 5"],
    ],
)
def test_bad_slot_lines_are_refused_with_a_message(lines):
    with pytest.raises(Invalid):
        bookable_lines.check_slot_lines(lines)


def test_good_slot_lines_pass():
    assert bookable_lines.check_slot_lines(["09:00-12:00 5", "12:00-13:00 1"])


def test_closed_dates_and_windows_are_checked():
    with pytest.raises(Invalid):
        bookable_lines.check_closed_dates(["2030-02-30"])
    assert bookable_lines.check_closed_dates(["2030-02-28"])
    with pytest.raises(Invalid):
        bookable_lines.check_windows(["1号窗口", "1号窗口"])


def test_working_days_follow_the_chinese_calendar():
    calendar = WorkingCalendar()
    service = bookable(opening="working_days")
    national_day = datetime.date(2030, 10, 1)
    saturday = datetime.date(2030, 6, 8)
    assert rules.is_open(service, MONDAY, calendar)
    assert not rules.is_open(service, national_day, calendar)
    assert not rules.is_open(service, saturday, calendar)
    beach = bookable(opening="every_day")
    assert rules.is_open(beach, national_day, calendar)
    assert rules.is_open(beach, saturday, calendar)


def test_closed_weekdays_and_dates_close_an_every_day_service():
    calendar = WorkingCalendar()
    museum = bookable(
        opening="every_day", closed_weekdays=[0], closed_dates=["2030-06-05"]
    )
    assert not rules.is_open(museum, MONDAY, calendar)
    assert rules.is_open(museum, MONDAY + datetime.timedelta(days=1), calendar)
    assert not rules.is_open(museum, datetime.date(2030, 6, 5), calendar)


def test_horizon_lead_time_and_cut_off():
    service = bookable(horizon_days=3, lead_hours=2)
    first, last = rules.horizon(service, MORNING)
    assert (first, last) == (MONDAY, MONDAY + datetime.timedelta(days=2))
    morning_slot, afternoon_slot = rules.slots_of(service)
    assert not rules.still_bookable(
        service, MONDAY, morning_slot, MORNING
    )  # 08:00 + 2h
    assert rules.still_bookable(service, MONDAY, afternoon_slot, MORNING)
    assert not rules.still_cancellable(service, MONDAY, morning_slot, MORNING)
    assert rules.still_cancellable(service, MONDAY, afternoon_slot, MORNING)


def test_days_outside_the_horizon_or_closed_are_refused():
    calendar = WorkingCalendar()
    service = bookable(horizon_days=3)
    reasons = []
    for day in (
        MONDAY - datetime.timedelta(days=1),
        MONDAY + datetime.timedelta(days=3),
        datetime.date(2030, 6, 8),
    ):
        with pytest.raises(Refused) as refused:
            rules.check_bookable_day(service, day, calendar, MORNING)
        reasons.append(refused.value.reason)
    assert reasons == ["past_day", "beyond_horizon", "beyond_horizon"]
    weekend = bookable(horizon_days=14)
    with pytest.raises(Refused, match="closed_day"):
        rules.check_bookable_day(weekend, datetime.date(2030, 6, 8), calendar, MORNING)
