"""A department's answer dashboard (@@answer-dashboard, @answer-dashboard): who sees
it, the ages of open questions in working days and the department's counts."""

import datetime
import html

import pytest
from DateTime import DateTime
from plone import api
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import citizen
from qa_helpers import official_answer
from qa_helpers import staff
from staff_helpers import ROOT
from staff_helpers import browser
from staff_helpers import publish
from staff_helpers import refused
from staff_helpers import rest_get
from staff_helpers import set_transition_time
from staff_helpers import site_admin

from zhengwu.participation.setup_step import DEADLINES_RECORD
from zhengwu.participation.staff.dashboard import dashboard

# Approved on Thursday 25 September 2025; seen on Thursday 9 October 2025. Between
# them: a weekend, the make-up working day Sunday 28 September (调休) and the
# National Day holiday 1-8 October: 5 working days, not 14 calendar days or 10
# weekdays.
APPROVED = "2025/09/25 10:00 GMT+8"
TODAY = datetime.date(2025, 10, 9)
PAGE = f"{ROOT}/gaj/@@answer-dashboard"
REST = f"{ROOT}/gaj/@answer-dashboard"


def open_question(site, title, department="gaj", approved=APPROVED):
    question = approve(ask(site, citizen("asker"), title, department=department))
    set_transition_time(question, approved, action="approve")
    return question


@pytest.fixture
def deadlines(site):
    api.portal.set_registry_record(DEADLINES_RECORD, {"default": 5, "gaj": 3})


def test_the_age_counts_working_days_across_weekends_and_national_day(site, deadlines):
    open_question(site, "护照加急怎么办？")
    board = dashboard(site["zh-cn"]["gaj"], today=TODAY)
    item = board["items"][0]
    assert item["title"] == "护照加急怎么办？"
    assert item["since"] == "2025-09-25"
    assert item["age_working_days"] == 5


def test_overdue_follows_each_departments_deadline(site, deadlines):
    open_question(site, "户口迁移要多久？", department="gaj")
    open_question(site, "公积金贷款额度？", department="zjj")
    police = dashboard(site["zh-cn"]["gaj"], today=TODAY)
    housing = dashboard(site["zh-cn"]["zjj"], today=TODAY)
    assert police["deadline_working_days"] == 3
    assert police["items"][0]["overdue"]  # 5 > 3
    assert housing["deadline_working_days"] == 5
    assert not housing["items"][0]["overdue"]  # 5 is within 5
    assert police["counts"]["overdue"] == 1
    assert housing["counts"]["overdue"] == 0


def test_open_questions_are_listed_oldest_first_and_only_the_departments(site):
    open_question(site, "较新的问题", approved="2025/10/08 09:00 GMT+8")
    open_question(site, "较早的问题", approved="2025/09/01 09:00 GMT+8")
    open_question(site, "教育局的问题", department="jyj")
    board = dashboard(site["zh-cn"]["gaj"], today=TODAY)
    assert [item["title"] for item in board["items"]] == ["较早的问题", "较新的问题"]


def test_the_counts_of_open_overdue_answered_and_waiting_answers(site, deadlines):
    long_ago = open_question(site, "很久以前的问题", approved="2025/01/06 09:00 GMT+8")
    official_answer(long_ago)  # a draft: waits in the department's chain
    recent = approve(ask(site, citizen("asker"), "最近答复的问题", department="gaj"))
    publish(official_answer(recent))
    old = approve(ask(site, "asker", "两个月前答复的问题", department="gaj"))
    answer = publish(official_answer(old))
    set_transition_time(answer, DateTime() - 60, state="published")
    board = dashboard(site["zh-cn"]["gaj"])
    assert board["counts"] == {
        "open": 1,
        "overdue": 1,
        "answered_last_30_days": 1,
        "official_answers_waiting": 1,
    }
    assert board["items"][0]["official_answer_state"] == "draft"


@pytest.mark.parametrize("who", ["anonymous", "citizen", "other department"])
def test_outsiders_cannot_see_a_departments_dashboard(site, who):
    open_question(site, "公安的待答问题")
    user = {
        "anonymous": None,
        "citizen": citizen("neighbour"),
        "other department": staff("jyj", "editor"),
    }[who]
    page = browser(site, user)
    page.open(PAGE)
    assert refused(page)
    assert "公安的待答问题" not in html.unescape(page.contents)
    status, _body = rest_get(site, user, REST)
    assert status == 401


@pytest.mark.parametrize("who", ["editor", "site admin"])
def test_the_departments_editor_and_site_admins_see_it(site, deadlines, who):
    open_question(site, "公安的待答问题")
    user = staff("gaj", "editor") if who == "editor" else site_admin()
    page = browser(site, user)
    page.open(PAGE)
    text = html.unescape(page.contents)
    assert page.headers["status"].startswith("200")
    assert "公安的待答问题" in text
    assert 'class="overdue' in text  # approved in 2025, long past 3 working days
    status, body = rest_get(site, user, REST)
    assert status == 200
    assert body["department"] == "gaj"
    assert body["items"][0]["title"] == "公安的待答问题"
    assert body["items"][0]["overdue"]
    assert body["counts"]["open"] == 1
