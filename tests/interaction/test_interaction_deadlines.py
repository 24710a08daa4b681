"""Deadlines of letters in working days, across a holiday with make-up days."""

import datetime

import pytest

from zhengwu.interaction.channels import Channel
from zhengwu.interaction.deadlines import ACCEPT
from zhengwu.interaction.deadlines import ANSWER
from zhengwu.interaction.deadlines import accept_by
from zhengwu.interaction.deadlines import answer_by
from zhengwu.interaction.deadlines import answered_on_time
from zhengwu.interaction.deadlines import overdue
from zhengwu.interaction.deadlines import reply_working_days
from zhengwu.workflows.calendar import WorkingCalendar

D = datetime.date
MAILBOX = Channel("mailbox", "区长信箱", "Mailbox", "X", 5, 15, False)
# National Day 2024: 1-7 October off; Sunday 29 September and Saturday 12 October
# are make-up working days (调休), as python-holidays knows them.
FRIDAY_BEFORE_NATIONAL_DAY = D(2024, 9, 27)


@pytest.fixture
def calendar():
    return WorkingCalendar()


def test_the_acceptance_deadline_skips_the_holiday_and_counts_the_make_up_sunday(
    calendar,
):
    # 29 Sep (make-up Sunday), 30 Sep, then 8, 9 and 10 Oct.
    assert accept_by(MAILBOX, FRIDAY_BEFORE_NATIONAL_DAY, calendar) == D(2024, 10, 10)


def test_a_letter_is_not_overdue_during_the_holiday_though_twelve_days_passed(
    calendar,
):
    assert (
        overdue(MAILBOX, calendar, D(2024, 10, 9), FRIDAY_BEFORE_NATIONAL_DAY) is None
    )
    assert (
        overdue(MAILBOX, calendar, D(2024, 10, 10), FRIDAY_BEFORE_NATIONAL_DAY) is None
    )


def test_a_letter_not_accepted_is_overdue_the_next_working_day(calendar):
    late = overdue(MAILBOX, calendar, D(2024, 10, 11), FRIDAY_BEFORE_NATIONAL_DAY)
    assert late.stage == ACCEPT
    assert (late.age, late.deadline) == (6, 5)
    assert late.since == FRIDAY_BEFORE_NATIONAL_DAY


def test_the_make_up_saturday_counts_as_a_working_day(calendar):
    late = overdue(MAILBOX, calendar, D(2024, 10, 12), FRIDAY_BEFORE_NATIONAL_DAY)
    assert late.age == 7


def test_a_site_admins_extra_holiday_moves_the_deadline():
    calendar = WorkingCalendar(extra_holidays={D(2024, 10, 10)})
    assert accept_by(MAILBOX, FRIDAY_BEFORE_NATIONAL_DAY, calendar) == D(2024, 10, 11)
    assert (
        overdue(MAILBOX, calendar, D(2024, 10, 11), FRIDAY_BEFORE_NATIONAL_DAY) is None
    )


def test_once_accepted_the_answer_clock_runs_from_the_acceptance(calendar):
    accepted = D(2024, 9, 30)
    # 8-11 Oct, the make-up Saturday 12 Oct, 14-18 and 21-25 Oct.
    assert answer_by(MAILBOX, accepted, calendar) == D(2024, 10, 25)
    kwargs = {"received": FRIDAY_BEFORE_NATIONAL_DAY, "accepted": accepted}
    assert overdue(MAILBOX, calendar, D(2024, 10, 27), **kwargs) is None  # Sunday
    late = overdue(MAILBOX, calendar, D(2024, 10, 28), **kwargs)
    assert (late.stage, late.age, late.deadline) == (ANSWER, 16, 15)


def test_an_answered_letter_is_never_overdue(calendar):
    assert (
        overdue(
            MAILBOX,
            calendar,
            D(2025, 1, 1),
            FRIDAY_BEFORE_NATIONAL_DAY,
            accepted=D(2024, 9, 30),
            answered=D(2024, 12, 1),
        )
        is None
    )


def test_on_time_and_reply_days_count_working_days(calendar):
    assert answered_on_time(MAILBOX, calendar, D(2024, 9, 30), D(2024, 10, 25))
    assert not answered_on_time(MAILBOX, calendar, D(2024, 9, 30), D(2024, 10, 28))
    assert (
        reply_working_days(calendar, FRIDAY_BEFORE_NATIONAL_DAY, D(2024, 10, 10)) == 5
    )
