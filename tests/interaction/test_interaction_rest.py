"""Letters over REST: @letters (write) and @letter-track (follow, rate, reopen),
with or without an account; bad input is a clear 400, never a 500."""

import base64

import pytest
import transaction
from letters_helpers import PASSWORD
from letters_helpers import PDF
from letters_helpers import member
from letters_helpers import staff
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from visitors import rest_call
from zope.component.hooks import setSite

from zhengwu.interaction import letters
from zhengwu.participation import posting
from zhengwu.safety.ratelimit import RateLimiter
from zhengwu.services.letter_track import post as track_post

ROOT = "http://nohost/nanshan/zh-cn"
LETTER = {
    "channel": "complaint",
    "subject": "<script>alert(1)</script>工地噪音",
    "body": "某小区旁工地每晚十一点后仍在施工，噪音很大，影响休息。",
    "visibility": "private",
    "name": "张三丰",
    "phone": "13812345678",
}


@pytest.fixture
def site(functional, monkeypatch):
    site = functional["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        member("writer-li")
        staff("gaj", "editor")
        staff("gaj", "leader")
    transaction.commit()
    posting._limiters.clear()
    monkeypatch.setattr(track_post, "_tries", RateLimiter(30, 3600))
    yield site
    posting._limiters.clear()
    setSite(functional["portal"])


def call(site, endpoint, body, user=None):
    return rest_call(
        site.aq_parent,
        "POST",
        f"{ROOT}/{endpoint}",
        body,
        (user, PASSWORD) if user else None,
    )


def write(site, **changes):
    return call(site, "@letters", LETTER | changes)


def test_anyone_writes_and_gets_a_number_and_a_code_once(site):
    status, answer = write(site)
    assert status == 201
    assert answer["tracking_number"].startswith("T-")
    assert len(answer["query_code"]) == 8
    assert answer["letter"]["state"] == "received"
    assert answer["letter"]["name"] == "张**"
    assert answer["letter"]["phone"] == "138****5678"
    assert answer["accept_by"]


def test_markup_comes_back_as_the_characters_written(site):
    _status, answer = write(site)
    assert answer["letter"]["subject"] == LETTER["subject"]


def test_a_member_is_the_owner_of_the_letter(site):
    status, answer = call(site, "@letters", LETTER, user="writer-li")
    assert status == 201
    letter = site["zh-cn"]["letters"][answer["tracking_number"].lower()]
    assert "Owner" in letter.get_local_roles_for_userid("writer-li")


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"name": "", "phone": ""}, {"name", "phone"}),
        ({"channel": "nope"}, {"channel"}),
        ({"subject": 42}, {"subject"}),
        ({"visibility": None}, {"visibility"}),
        ({"attachments": "x"}, {"attachments"}),
        ({"attachments": [{"filename": "a.pdf", "data": "%%%"}]}, {"attachments"}),
        (
            {"attachments": [{"filename": "a.exe", "data": "TVqQAA=="}]},
            {"attachments"},
        ),
    ],
)
def test_bad_input_is_a_400_naming_the_fields(site, changes, fields):
    status, answer = write(site, **changes)
    assert status == 400
    assert set(answer["error"]["errors"]) == fields


def test_a_body_that_is_no_json_object_is_a_400(site):
    status, _answer = rest_call(site.aq_parent, "POST", f"{ROOT}/@letters", [1, 2])
    assert status == 400


def test_a_letter_with_a_pdf_keeps_it(site):
    data = base64.b64encode(PDF).decode()
    status, answer = write(site, attachments=[{"filename": "x.pdf", "data": data}])
    assert status == 201
    assert answer["letter"]["attachments"] == 1


def test_the_writer_follows_the_letter_by_number_and_code(site):
    _status, written = write(site)
    status, answer = call(
        site,
        "@letter-track",
        {
            "tracking_number": written["tracking_number"],
            "query_code": written["query_code"],
        },
    )
    assert status == 200
    assert answer["tracking_number"] == written["tracking_number"]
    assert answer["body"] == LETTER["body"]
    assert answer["reply"] is None


def test_a_wrong_code_and_an_unknown_number_look_the_same(site):
    _status, first = write(site)
    _status, second = write(site)
    wrong_code = call(
        site,
        "@letter-track",
        {
            "tracking_number": first["tracking_number"],
            "query_code": second["query_code"],
        },
    )
    unknown = call(
        site,
        "@letter-track",
        {"tracking_number": "T-20240101-AAAAAA", "query_code": first["query_code"]},
    )
    assert wrong_code[0] == unknown[0] == 404
    assert wrong_code[1] == unknown[1]
    assert LETTER["body"] not in str(wrong_code[1])


def test_guessing_codes_is_stopped(site, monkeypatch):
    monkeypatch.setattr(track_post, "_tries", RateLimiter(3, 3600))
    _status, written = write(site)
    body = {"tracking_number": written["tracking_number"], "query_code": "AAAAAAAA"}
    for _attempt in range(3):
        assert call(site, "@letter-track", body)[0] == 404
    body["query_code"] = written["query_code"]
    status, _answer = call(site, "@letter-track", body)
    assert status == 429


def test_the_writer_rates_and_reopens_once_by_code(site):
    _status, written = write(site)
    letter = site["zh-cn"]["letters"][written["tracking_number"].lower()]
    department = letter.department  # routed by 政务知道's router
    assert department
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        editor, leader = staff(department, "editor"), staff(department, "leader")
    with api.env.adopt_user(username=editor):
        letters.accept(letter, letter.received)
        letters.submit_reply(letter, "已责令整改。")
    with api.env.adopt_user(username=leader):
        letters.approve_reply(letter, letter.received)
    transaction.commit()
    proof = {
        "tracking_number": written["tracking_number"],
        "query_code": written["query_code"],
    }
    status, answer = call(site, "@letter-track", proof)
    assert (answer["state"], answer["reply"], answer["can_rate"]) == (
        "answered",
        "已责令整改。",
        True,
    )
    status, answer = call(
        site, "@letter-track", proof | {"action": "rate", "rating": "great"}
    )
    assert status == 400
    status, answer = call(
        site, "@letter-track", proof | {"action": "rate", "rating": "unsatisfied"}
    )
    assert (status, answer["rating"]) == (200, "unsatisfied")
    status, answer = call(site, "@letter-track", proof | {"action": "reopen"})
    assert status == 200, answer
    assert (answer["state"], answer["can_reopen"]) == ("accepted", False)
    status, _answer = call(site, "@letter-track", proof | {"action": "reopen"})
    assert status == 400


def test_rating_needs_the_code(site):
    _status, written = write(site)
    status, _answer = call(
        site,
        "@letter-track",
        {
            "tracking_number": written["tracking_number"],
            "query_code": "WRONGCOD",
            "action": "rate",
            "rating": "satisfied",
        },
    )
    assert status == 404


def test_statistics_are_public_numbers_without_personal_data(site):
    _status, written = write(site)
    status, answer = rest_call(site.aq_parent, "GET", f"{ROOT}/@letter-statistics")
    assert status == 200
    assert sum(row["received"] for row in answer["items"]) >= 1
    text = str(answer)
    assert "张三丰" not in text and "13812345678" not in text
    assert written["tracking_number"] not in text


@pytest.mark.parametrize("month", ["2025-13", "x", "2025-1"])
def test_a_bad_month_is_a_400(site, month):
    url = f"{ROOT}/@letter-statistics?month={month}"
    assert rest_call(site.aq_parent, "GET", url)[0] == 400


def test_statistics_of_one_month(site):
    write(site)
    url = f"{ROOT}/@letter-statistics?month=1999-01"
    status, answer = rest_call(site.aq_parent, "GET", url)
    assert (status, answer["items"], answer["totals"]) == (200, [], {})
