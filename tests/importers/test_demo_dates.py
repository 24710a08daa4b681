"""Demo dates follow the day the demo is loaded, not the calendar (a year ahead too)."""

import dataclasses
import datetime

import pytest
import time_machine
from layers import PROFILES
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from zhengwu.importers.demo_data import read_district
from zhengwu.importers.demo_dates import demo_shift
from zhengwu.importers.demo_dates import read_as_of
from zhengwu.importers.demo_dates import shift_between
from zhengwu.importers.demo_dates import shifted
from zhengwu.importers.demo_disclosure import plan_records
from zhengwu.importers.demo_questions import load_demo_questions
from zhengwu.participation.staff.dashboard import open_questions
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile
from zhengwu.sites.profile import read_profile_toml
from zhengwu.workflows.tasks import TIMEZONE

AS_OF = read_as_of(PROFILES)
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize("days_later", [0, 3, 6, 7, 9, 200, 365, 366, 1000, -10])
def test_the_shift_is_whole_weeks_bringing_as_of_into_the_week_of_today(days_later):
    today = AS_OF + days_later * DAY
    moved = AS_OF + shift_between(AS_OF, today)
    assert moved.weekday() == AS_OF.weekday()
    assert 0 <= (today - moved).days < 7


def test_shifted_moves_every_date_in_nested_data_and_keeps_equal_answers_equal():
    @dataclasses.dataclass(frozen=True)
    class Answer:
        answered: datetime.date
        text: str

    answer = Answer(datetime.date(2026, 11, 20), "好")
    data = {"news": [{"date": datetime.date(2026, 11, 1), "n": 3}], "a": (answer,)}
    week = datetime.timedelta(weeks=1)
    moved = shifted(data, week)
    assert moved["news"] == [{"date": datetime.date(2026, 11, 8), "n": 3}]
    assert moved["a"] == (Answer(datetime.date(2026, 11, 27), "好"),)
    assert {moved["a"][0]: 1}[shifted(answer, week)] == 1  # used as dict keys
    assert data["news"][0]["date"] == datetime.date(2026, 11, 1)  # not changed


def test_a_missing_or_malformed_as_of_is_a_clear_error(tmp_path):
    content = tmp_path / "common" / "content"
    content.mkdir(parents=True)
    (content / "demo.toml").write_text('as_of = "yesterday"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"demo\.toml: 'as_of' must be a date"):
        read_as_of(tmp_path)


class _Department:
    def __init__(self, department_id):
        self.title = f"{department_id} 局"
        self.short_name = department_id


@pytest.mark.parametrize("days_later", [0, 9, 365, 400])
def test_disclosure_records_are_dated_up_to_a_few_weeks_before_they_are_loaded(
    days_later,
):
    data = read_profile_toml(PROFILES / "common" / "content" / "disclosure.toml")
    departments, _news = read_district(PROFILES, "nanshan")
    root = {key: _Department(key) for key in departments["departments"]}
    today = AS_OF + days_later * DAY
    shift = shift_between(AS_OF, today)
    records = plan_records(data, root, departments, "南山区", AS_OF, shift)
    newest = max(record["written_date"] for record in records)
    assert 14 <= (today - newest).days <= 70
    assert all(record["publish_date"] <= today for record in records)
    ids = [record["id"] for record in records]
    assert len(set(ids)) == len(ids)
    years = {int(record["id"].split("-")[-2]) for record in records}
    assert max(years) == (AS_OF + shift).year
    assert len(years) == len(data["years"])


def test_a_site_keeps_the_shift_it_was_first_loaded_with(district):
    assert demo_shift(district, AS_OF, today=AS_OF + 20 * DAY).days == 14
    assert demo_shift(district, AS_OF, today=AS_OF + 400 * DAY).days == 14


def _open_items(site):
    return [
        item
        for department in site["zh-cn"].objectValues()
        if department.portal_type == "Department"
        for item in open_questions(department)
    ]


@pytest.mark.parametrize("years_ahead", [0, 1])
def test_demo_questions_are_young_and_overdue_on_whatever_day_they_are_loaded(
    district, years_ahead
):
    now = datetime.datetime.now(TIMEZONE) + datetime.timedelta(days=365 * years_ahead)
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    with time_machine.travel(now, tick=True):
        profile = load_district_profile(PROFILES / "nanshan")
        counts = load_demo_questions(district, profile, PROFILES)
        assert counts["open"] >= 10
        items = _open_items(district)
        today = datetime.datetime.now(TIMEZONE).date()
    ages = sorted(item["age_working_days"] for item in items)
    assert len(set(ages)) > 2
    assert ages[0] <= 8  # some asked in the last days …
    assert any(item["overdue"] for item in items)  # … some overdue …
    assert not all(item["overdue"] for item in items)  # … not all of them
    asked = [item["since"] for item in items]
    assert max(asked) <= today.isoformat()


def test_years_in_news_follow_the_moved_date():
    from zhengwu.importers.demo_articles import dated

    day = datetime.date(2027, 4, 26)
    text = dated("{year}年学位申请，{previous_year}年报告", day)
    assert text == "2027年学位申请，2026年报告"


@pytest.mark.parametrize("district", ["nanshan", "yantian"])
def test_no_news_writes_a_calendar_year_that_would_go_stale(district):
    import re

    _departments, news = read_district(PROFILES, district)
    for item in news:
        words = " ".join(
            str(item.get(key, "")) for key in ("title", "description", "text", "id")
        )
        assert not re.search(r"20\d\d", words), item["id"]


@pytest.mark.parametrize("days_later", [0, 200, 365, 1000])
def test_demo_guides_are_due_for_review_after_the_day_they_are_loaded(days_later):
    """The files' review dates move with the demo: loaded a year later, no demo
    guide is overdue on its first day (the overdue list starts empty)."""
    from zhengwu.importers.setup_step import read_corpus

    today = AS_OF + days_later * DAY
    corpus = shifted(read_corpus(PROFILES, "nanshan"), shift_between(AS_OF, today))
    reviews = [guide["next_review"] for guide in corpus.guides.values()]
    assert reviews
    assert all(isinstance(due, datetime.date) for due in reviews)
    assert min(reviews) > today
