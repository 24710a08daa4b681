"""The booking services over REST: @slots, @bookings, @check-in, per department."""

import pytest
import transaction
from booking_helpers import MONDAY
from booking_helpers import MORNING
from booking_helpers import fix_now
from booking_helpers import make_bookable
from booking_helpers import people
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from qa_helpers import PASSWORD
from qa_helpers import citizen
from visitors import rest_call

BASE = "http://nohost/nanshan/zh-cn/gaj/beach"
PHONE = "13812345678"


def clerk(department):
    name = f"clerk-of-{department}"
    if api.user.get(userid=name) is None:
        citizen(name)
        api.group.add_user(groupname=f"{department}-clerks", username=name)
    return name


@pytest.fixture
def beach(site, monkeypatch):
    fix_now(monkeypatch, MORNING)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        bookable = make_bookable(site["zh-cn"]["gaj"], account_required=True)
        api.content.transition(obj=bookable, to_state="published")
        for name in ("resident", "neighbour"):
            citizen(name)
        clerk("gaj")
        clerk("jyj")
    transaction.commit()
    return bookable


def call(site, method, path, body=None, user=None):
    url = path if path.startswith("http") else f"{BASE}/{path}"
    return rest_call(
        site.aq_parent, method, url, body, (user, PASSWORD) if user else None
    )


def booking_body(*serials, slot="09:00-12:00", **extra):
    return {
        "date": MONDAY.isoformat(),
        "slot": slot,
        "people": people(*serials),
        "phone": PHONE,
        **extra,
    }


def test_slots_are_public_with_places_left(site, beach):
    status, body = call(site, "GET", "@slots?date=2030-06-03")
    assert status == 200
    assert body["open"] and body["remaining"] == 5
    assert [s["remaining"] for s in body["slots"]] == [3, 2]
    status, body = call(site, "GET", "@slots?date=2030-06-03&days=3")
    assert [day["date"] for day in body["days"]] == [
        "2030-06-03",
        "2030-06-04",
        "2030-06-05",
    ]


@pytest.mark.parametrize(
    "query", ["date=03-06-2030", "date=2030-02-30", "days=0", "days=999"]
)
def test_bad_slot_queries_answer_400(site, beach, query):
    status, body = call(site, "GET", f"@slots?{query}")
    assert status == 400, body


def test_services_answer_404_outside_a_bookable(site, beach):
    status, _body = call(site, "GET", "http://nohost/nanshan/zh-cn/gaj/@slots")
    assert status == 404


def test_a_member_books_reads_and_cancels_and_others_see_nothing(site, beach):
    status, body = call(
        site, "POST", "@bookings", booking_body(1, 2, slot="14:00-17:00"), "resident"
    )
    assert status == 201, body
    reference = body["reference"]
    assert body["state"] == "booked" and body["places"] == 2
    assert "token" not in body
    assert body["people"][0]["id_number"].count("*") == 10
    assert body["phone"] == "138****5678"
    status, mine = call(site, "GET", f"@bookings/{reference}", user="resident")
    assert status == 200 and mine["reference"] == reference
    for user in ("neighbour", None):
        status, _ = call(site, "GET", f"@bookings/{reference}", user=user)
        assert status == 404
    status, _ = call(site, "DELETE", f"@bookings/{reference}", user="neighbour")
    assert status == 404
    status, cancelled = call(site, "DELETE", f"@bookings/{reference}", user="resident")
    assert status == 200 and cancelled["state"] == "cancelled"
    status, slots = call(site, "GET", "@slots?date=2030-06-03")
    assert slots["slots"][1]["remaining"] == 2


def test_the_holder_cannot_cancel_after_the_cut_off(site, beach):
    _status, body = call(site, "POST", "@bookings", booking_body(1), "resident")
    status, body = call(
        site, "DELETE", f"@bookings/{body['reference']}", user="resident"
    )
    assert (status, body["error"]["reason"]) == (409, "cancel_too_late")


def test_a_visitor_cannot_book_a_service_that_needs_an_account(site, beach):
    status, body = call(site, "POST", "@bookings", booking_body(1))
    assert status == 401
    assert body["error"]["reason"] == "account_required"


@pytest.mark.parametrize(
    ("change", "status", "reason"),
    [
        ({"date": "2030/06/03"}, 400, "bad_date"),
        ({"date": "2030-06-02"}, 400, "past_day"),
        ({"slot": "08:00-09:00"}, 400, "unknown_slot"),
        (
            {"people": [{"name": "张三", "id_number": "440305199001011235"}]},
            400,
            "bad_id_number",
        ),
        ({"people": people(1, 2, 3, 4)}, 400, "too_many_companions"),
        ({"people": "张三"}, 400, "nobody_to_book"),
        ({"phone": "110"}, 400, "bad_phone"),
        ({"note": "很长" * 300}, 400, "too_long"),
    ],
)
def test_bad_bookings_answer_a_clear_error_and_write_nothing(
    site, beach, change, status, reason
):
    answer, body = call(
        site, "POST", "@bookings", {**booking_body(1), **change}, "resident"
    )
    assert answer == status, body
    assert body["error"]["reason"] == reason
    assert body["error"]["message"]
    _status, slots = call(site, "GET", "@slots?date=2030-06-03")
    assert slots["remaining"] == 5


def test_a_body_that_is_not_json_answers_400(site, beach):
    from visitors import Visitor

    response = Visitor(site.aq_parent).testapp.request(
        f"{BASE}/@bookings",
        method="POST",
        body=b"not json",
        headers={"Accept": "application/json", "Content-Type": "application/json"},
        expect_errors=True,
    )
    assert response.status_int == 400


def test_the_full_slot_and_the_person_limit_answer_409(site, beach):
    assert call(site, "POST", "@bookings", booking_body(1, 2, 3), "resident")[0] == 201
    status, body = call(site, "POST", "@bookings", booking_body(4), "neighbour")
    assert (status, body["error"]["reason"]) == (409, "full")
    status, body = call(
        site, "POST", "@bookings", booking_body(2, slot="14:00-17:00"), "neighbour"
    )
    assert (status, body["error"]["reason"]) == (409, "person_limit")


def test_the_clerk_of_the_department_lists_the_day_in_full_and_checks_in(site, beach):
    _status, booked = call(site, "POST", "@bookings", booking_body(1), "resident")
    reference = booked["reference"]
    status, _ = call(site, "GET", "@bookings?date=2030-06-03", user="resident")
    assert status == 401
    status, _ = call(site, "GET", "@bookings?date=2030-06-03", user="clerk-of-jyj")
    assert status == 401
    status, day = call(site, "GET", "@bookings?date=2030-06-03", user="clerk-of-gaj")
    assert status == 200 and day["items_total"] == 1
    assert day["items"][0]["people"][0]["id_number"] == people(1)[0]["id_number"]
    assert day["items"][0]["phone"] == PHONE
    status, _ = call(
        site, "POST", "@check-in", {"reference": reference}, "clerk-of-jyj"
    )
    assert status == 401
    status, body = call(
        site, "POST", "@check-in", {"reference": reference.lower()}, "clerk-of-gaj"
    )
    assert status == 200 and body["state"] == "checked_in"
    status, body = call(
        site, "POST", "@check-in", {"reference": reference}, "clerk-of-gaj"
    )
    assert (status, body["error"]["reason"]) == (409, "already_checked_in")
    status, body = call(
        site, "POST", "@check-in", {"reference": "NOPE"}, "clerk-of-gaj"
    )
    assert status == 404


def test_staff_mark_no_shows_after_the_slot_and_refuse_nonsense(
    site, beach, monkeypatch
):
    _status, booked = call(site, "POST", "@bookings", booking_body(1), "resident")
    path = f"@bookings/{booked['reference']}"
    status, body = call(site, "PATCH", path, {"state": "no_show"}, "clerk-of-gaj")
    assert (status, body["error"]["reason"]) == (409, "slot_not_over")
    status, body = call(site, "PATCH", path, {"state": "gone"}, "clerk-of-gaj")
    assert (status, body["error"]["reason"]) == (400, "bad_change")
    status, _ = call(site, "PATCH", path, {"state": "no_show"}, "resident")
    assert status == 401
    fix_now(monkeypatch, MORNING.replace(hour=13))
    status, body = call(site, "PATCH", path, {"state": "no_show"}, "clerk-of-gaj")
    assert status == 200 and body["state"] == "no_show"
