"""Letters past their deadline: the self-inspection's rule ``letter-overdue``,
across National Day 2025 and its make-up working days. Runs at a fixed moment."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from letters_helpers import staff
from letters_helpers import write
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from zhengwu.inspection.run import run_inspection
from zhengwu.interaction import letters
from zhengwu.interaction.inspection_check import LetterOverdueCheck
from zhengwu.interaction.overdue import overdue_letters
from zhengwu.workflows.calendar import WorkingCalendar

D = datetime.date
# Thursday 9 October 2025, after National Day (1-8 October off, Sunday 28
# September a make-up working day).
NOW = datetime.datetime(2025, 10, 9, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def site(district):
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return district


def found(site):
    run = run_inspection(site, now=NOW, trigger="manual", mail=False)
    return {f["path"]: f for f in run["findings"] if f["rule"] == "letter-overdue"}


def path(letter):
    return f"zh-cn/letters/{letter.getId()}"


def test_a_letter_not_accepted_is_found_by_working_days_not_calendar_days(site):
    # Complaints: 5 working days to accept. From Wednesday 24 September: 25, 26,
    # the make-up Sunday 28, 29, 30 September and 9 October = 6 working days.
    late, _code = write(site, department="gaj", today=D(2025, 9, 24))
    # From Thursday 25 September: 5 working days, not past 5 (14 calendar days).
    on_time, _code = write(site, department="gaj", today=D(2025, 9, 25))
    findings = found(site)
    finding = findings[path(late)]
    assert finding["department"] == "gaj"
    assert finding["title"] == late.Title()  # the tracking number, no name
    assert finding["detail"] == {
        "stage": "accept",
        "age": 6,
        "since_date": "2025-09-24",
        "deadline": 5,
    }
    assert path(on_time) not in findings


def test_accepting_the_letter_stops_the_first_clock(site):
    late, _code = write(site, department="gaj", today=D(2025, 9, 24))
    with api.env.adopt_user(username=staff("gaj", "editor")):
        letters.accept(late, D(2025, 9, 30))
    assert path(late) not in found(site)


def test_an_accepted_letter_not_answered_in_time_is_found_until_answered(site):
    letter, _code = write(site, department="jyj", today=D(2025, 9, 1))
    with api.env.adopt_user(username=staff("jyj", "editor")):
        letters.accept(letter, D(2025, 9, 2))
    finding = found(site)[path(letter)]
    assert finding["detail"]["stage"] == "answer"
    assert finding["detail"]["deadline"] == 15
    assert finding["department"] == "jyj"
    with api.env.adopt_user(username=staff("jyj", "editor")):
        letters.submit_reply(letter, "已答复。")
    assert path(letter) in found(site)  # the reply still waits for the leader
    with api.env.adopt_user(username=staff("jyj", "leader")):
        letters.approve_reply(letter, D(2025, 10, 9))
    assert path(letter) not in found(site)


def test_the_list_per_department_holds_its_own_letters_only(site):
    gaj, _code = write(site, department="gaj", today=D(2025, 9, 1))
    jyj, _code = write(site, department="jyj", today=D(2025, 9, 1))
    calendar = WorkingCalendar()
    mine = overdue_letters(site, calendar, NOW.date(), department="gaj")
    assert [letter for letter, _late in mine] == [gaj]
    assert jyj in [
        letter for letter, _late in overdue_letters(site, calendar, NOW.date())
    ]


def test_the_message_names_the_stage():
    check = LetterOverdueCheck()
    detail = {"stage": "accept", "age": 6, "since_date": "2025-09-24", "deadline": 5}
    assert "Not accepted" in check.message(detail)
    assert "Not answered" in check.message(detail | {"stage": "answer"})
