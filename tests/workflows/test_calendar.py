"""The working-day calculator: pure functions, no Plone."""

import datetime

import pytest

from zhengwu.workflows import calendar
from zhengwu.workflows.calendar import WorkingCalendar
from zhengwu.workflows.calendar import parse_dates

D = datetime.date


@pytest.fixture
def cal():
    return WorkingCalendar()


@pytest.mark.parametrize(
    "day",
    [D(2026, 10, 1), D(2026, 10, 5), D(2026, 10, 7), D(2026, 9, 25), D(2027, 10, 4)],
)
def test_public_holidays_are_not_working_days(cal, day):
    assert not cal.is_working_day(day)


@pytest.mark.parametrize("day", [D(2026, 9, 20), D(2026, 10, 10)])
def test_national_day_make_up_weekend_days_are_working_days(cal, day):
    assert day.weekday() >= 5
    assert cal.is_working_day(day)


def test_ordinary_weekend_is_not_a_working_day(cal):
    assert not cal.is_working_day(D(2026, 11, 28))  # Saturday
    assert cal.is_working_day(D(2026, 11, 27))  # Friday


def test_national_day_week_2026_counts_only_the_make_up_saturday(cal):
    # From Wed 30 Sep to Mon 12 Oct: Oct 8, 9 (Thu, Fri), 10 (make-up Sat), 12 (Mon)
    assert cal.working_days_between(D(2026, 9, 30), D(2026, 10, 12)) == 4


def test_adding_working_days_skips_the_holiday_week(cal):
    assert cal.add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert cal.add_working_days(D(2026, 9, 30), 3) == D(2026, 10, 10)


def test_2027_dates_use_the_library_calendar(cal):
    assert not cal.is_working_day(D(2027, 2, 8))  # Spring Festival
    assert cal.is_working_day(D(2027, 10, 6))  # Wednesday after National Day
    assert cal.working_days_between(D(2027, 9, 30), D(2027, 10, 6)) == 1


def test_counting_backwards_or_same_day_is_zero(cal):
    assert cal.working_days_between(D(2026, 12, 1), D(2026, 12, 1)) == 0
    assert cal.working_days_between(D(2026, 12, 2), D(2026, 12, 1)) == 0


def test_site_admin_dates_override_the_library():
    cal = WorkingCalendar(
        extra_holidays={D(2026, 12, 1)}, extra_workdays={D(2026, 11, 29)}
    )
    assert not cal.is_working_day(D(2026, 12, 1))
    assert cal.is_working_day(D(2026, 11, 29))  # a Sunday


def test_year_the_library_cannot_compute_falls_back_to_weekends(monkeypatch):
    def broken(*args, **kwargs):
        raise NotImplementedError("no calendar for that year")

    calendar.library_days.cache_clear()
    monkeypatch.setattr(calendar.holidays, "China", broken)
    try:
        cal = WorkingCalendar(extra_holidays={D(2031, 10, 1)})
        assert cal.is_working_day(D(2031, 10, 2))  # Thursday: no library holiday
        assert not cal.is_working_day(D(2031, 10, 1))  # entered by the site admin
        assert not cal.is_working_day(D(2031, 10, 4))  # Saturday
    finally:
        calendar.library_days.cache_clear()


def test_parse_dates_skips_malformed_entries():
    assert parse_dates(["2026-12-01", "not a date", " 2027-01-04 ", None]) == {
        D(2026, 12, 1),
        D(2027, 1, 4),
    }
