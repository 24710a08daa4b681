"""The answer times report (@@answer-times, @answer-times): site admins only; per
department the questions answered, median and mean working days, open and overdue."""

import html

import pytest
from plone import api
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import citizen
from qa_helpers import moderator
from qa_helpers import official_answer
from qa_helpers import staff
from staff_helpers import ROOT
from staff_helpers import SITE
from staff_helpers import browser
from staff_helpers import publish
from staff_helpers import refused
from staff_helpers import rest_get
from staff_helpers import set_transition_time
from staff_helpers import site_admin

from zhengwu.participation.setup_step import DEADLINES_RECORD
from zhengwu.participation.staff.answer_times import answer_times

# (approved, published, working days between): the third spans the make-up working
# day of 28 September and the National Day holiday of 2025.
ANSWERED = (
    ("2025/09/22 10:00 GMT+8", "2025/09/23 16:00 GMT+8", 1),
    ("2025/09/22 10:00 GMT+8", "2025/09/24 16:00 GMT+8", 2),
    ("2025/09/26 10:00 GMT+8", "2025/10/10 16:00 GMT+8", 5),
)


@pytest.fixture
def answered(site):
    api.portal.set_registry_record(DEADLINES_RECORD, {"default": 5, "gaj": 3})
    for number, (approved, published, _days) in enumerate(ANSWERED):
        question = approve(
            ask(site, citizen("asker"), f"已答复的问题{number}", department="gaj")
        )
        set_transition_time(question, approved, action="approve")
        answer = publish(official_answer(question))
        set_transition_time(answer, published, state="published")
    waiting = approve(ask(site, "asker", "还在等答复的问题", department="gaj"))
    set_transition_time(waiting, "2025/09/01 09:00 GMT+8", action="approve")
    approve(ask(site, "asker", "教育局刚收到的问题", department="jyj"))
    return site


def rows_by_department(rows):
    return {row["department"]: row for row in rows}


def test_median_and_mean_working_days_per_department(answered):
    rows = rows_by_department(answer_times(answered))
    police = rows["gaj"]
    assert police["answered"] == 3
    assert police["median_working_days"] == 2
    assert police["mean_working_days"] == 2.7
    assert police["open"] == 1
    assert police["overdue"] == 1
    assert police["deadline_working_days"] == 3
    education = rows["jyj"]
    assert education["answered"] == 0
    assert education["median_working_days"] is None
    assert education["open"] == 1
    assert education["overdue"] == 0


def test_the_report_sorts_by_a_column_with_empty_values_last(answered):
    rows = answer_times(answered, sort_on="median_working_days", reverse=True)
    assert rows[0]["department"] == "gaj"
    assert rows[-1]["median_working_days"] is None
    rows = answer_times(answered, sort_on="open", reverse=True)
    assert {rows[0]["department"], rows[1]["department"]} == {"gaj", "jyj"}


@pytest.mark.parametrize("who", ["anonymous", "citizen", "editor", "moderator"])
def test_only_site_admins_see_the_report(answered, who):
    user = {
        "anonymous": None,
        "citizen": citizen("neighbour"),
        "editor": staff("gaj", "editor"),
        "moderator": moderator(),
    }[who]
    for url in (f"{ROOT}/@@answer-times", f"{SITE}/@@answer-times"):
        page = browser(answered, user)
        page.open(url)
        assert refused(page)
    status, _body = rest_get(answered, user, f"{ROOT}/@answer-times")
    assert status == 401


def test_a_site_admin_sees_the_page_the_rest_data_and_the_csv(answered):
    page = browser(answered, site_admin())
    page.open(f"{SITE}/@@answer-times?sort_on=answered&reverse=1")
    assert page.headers["status"].startswith("200")
    text = html.unescape(page.contents)
    gaj = answered["zh-cn"]["gaj"]
    assert gaj.Title() in text
    # The host of absolute_url() follows the last request (a live server's, too).
    assert "/nanshan/zh-cn/gaj/@@answer-dashboard" in text
    status, body = rest_get(
        answered, site_admin(), f"{ROOT}/@answer-times?sort_on=answered&reverse=1"
    )
    assert status == 200
    first = body["items"][0]
    assert (first["department"], first["answered"]) == ("gaj", 3)
    assert first["median_working_days"] == 2
    page.open(f"{ROOT}/@@answer-times?format=csv")
    assert page.headers["Content-Type"].startswith("text/csv")
    lines = page.contents.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("department,title,answered,median_working_days")
    assert any(line.startswith(f"gaj,{gaj.Title()},3,2,2.7,1,1,3") for line in lines)
