"""Statistics of letters per department and month, in working days."""

import datetime

import pytest

from zhengwu.interaction.channels import Channel
from zhengwu.interaction.statistics import LetterRecord
from zhengwu.interaction.statistics import monthly_rows
from zhengwu.interaction.statistics import totals_by_department
from zhengwu.workflows.calendar import WorkingCalendar

D = datetime.date
CHANNELS = {
    "complaint": Channel("complaint", "投诉举报", "Complaints", "T", 5, 15, True)
}


@pytest.fixture
def calendar():
    return WorkingCalendar()


def record(**values):
    base = {"department": "gaj", "channel": "complaint", "state": "answered"}
    return LetterRecord(**(base | values))


def test_a_letter_is_received_in_one_month_and_answered_in_the_next(calendar):
    # Received Friday 27 September 2024, accepted Monday 30, answered 10 October:
    # 5 working days across National Day (the make-up Sunday 29 September counts).
    letter = record(
        received=D(2024, 9, 27),
        accepted=D(2024, 9, 30),
        answered=D(2024, 10, 10),
        rating="satisfied",
    )
    september, october = monthly_rows([letter], CHANNELS, calendar)
    assert (september.month, september.received, september.answered) == (
        "2024-09",
        1,
        0,
    )
    assert (october.month, october.received, october.answered) == ("2024-10", 0, 1)
    assert october.reply_days == [5]
    assert october.on_time == 1
    assert october.satisfaction == 1.0


def test_late_acceptance_is_not_on_time_even_if_the_answer_was_quick(calendar):
    letter = record(
        received=D(2024, 9, 2), accepted=D(2024, 9, 13), answered=D(2024, 9, 14)
    )
    (row,) = monthly_rows([letter], CHANNELS, calendar)
    assert (row.answered, row.on_time) == (1, 0)


def test_average_median_and_satisfaction_per_department(calendar):
    letters = [
        record(
            received=D(2025, 3, 3),
            accepted=D(2025, 3, 3),
            answered=D(2025, 3, 4),
            rating="satisfied",
        ),
        record(
            received=D(2025, 3, 3),
            accepted=D(2025, 3, 4),
            answered=D(2025, 3, 6),
            rating="basically",
        ),
        record(
            received=D(2025, 3, 3),
            accepted=D(2025, 3, 4),
            answered=D(2025, 3, 13),
            rating="unsatisfied",
        ),
        record(received=D(2025, 3, 3), accepted=D(2025, 3, 4), answered=D(2025, 3, 14)),
        record(
            department="jyj",
            received=D(2025, 3, 5),
            state="accepted",
            accepted=D(2025, 3, 6),
        ),
    ]
    gaj, jyj = monthly_rows(letters, CHANNELS, calendar)
    assert (gaj.department, gaj.received, gaj.answered) == ("gaj", 4, 4)
    assert gaj.reply_days == [1, 3, 8, 9]
    assert gaj.average_days == 5.2
    assert gaj.median_days == 5.5
    assert gaj.satisfaction == round(2 / 3, 3)
    assert (jyj.received, jyj.answered, jyj.average_days, jyj.satisfaction) == (
        1,
        0,
        None,
        None,
    )


def test_refused_and_merged_letters_are_closed_but_not_answered(calendar):
    letters = [
        record(state="refused", received=D(2025, 3, 3), answered=D(2025, 3, 4)),
        record(state="merged", received=D(2025, 3, 3), answered=D(2025, 3, 4)),
    ]
    (row,) = monthly_rows(letters, CHANNELS, calendar)
    assert (row.received, row.answered, row.closed_without_answer) == (2, 0, 2)
    assert row.reply_days == []


def test_totals_merge_the_months(calendar):
    letters = [
        record(received=D(2025, 3, 3), accepted=D(2025, 3, 3), answered=D(2025, 3, 4)),
        record(received=D(2025, 4, 1), accepted=D(2025, 4, 1), answered=D(2025, 4, 8)),
    ]
    # 4 April 2025 (清明) is a holiday: 2, 3, 7 and 8 April are 4 working days.
    total = totals_by_department(monthly_rows(letters, CHANNELS, calendar))["gaj"]
    assert (total.received, total.answered, total.reply_days) == (2, 2, [1, 4])
    assert total.as_dict()["median_days"] == 2.5
