"""Malformed bodies and wrong types answer 400 with a message, never 500."""

import json

import pytest
import requests
from bounds_helpers import ADMIN

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
NOT_OBJECTS = [b"{not json", b"[1, 2]", b'"text"', b"42", b"\xff\xfe"]


@pytest.fixture
def root(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}/nanshan/zh-cn"


def _post(url, body, auth=ADMIN, method="POST"):
    return requests.request(method, url, data=body, headers=JSON, auth=auth, timeout=60)


def _error(response):
    body = response.json()
    return body.get("error", body)


@pytest.mark.parametrize("body", NOT_OBJECTS)
def test_ask_refuses_a_body_that_is_no_json_object(root, body):
    response = _post(f"{root}/zhidao/@ask", body)
    assert response.status_code == 400
    assert "JSON" in _error(response)["message"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", 123), ("title", ["身份证"]), ("details", {"a": 1}), ("guide", 7)],
)
def test_ask_refuses_fields_of_the_wrong_type(root, field, value):
    body = {"title": "身份证丢了怎么补办", field: value}
    response = _post(f"{root}/zhidao/@ask", json.dumps(body).encode())
    assert response.status_code == 400
    assert field in _error(response)["message"]


def test_moderation_refuses_a_list_as_action(root):
    body = json.dumps({"uid": "x", "action": ["approve"]}).encode()
    response = _post(f"{root}/@moderation", body)
    assert response.status_code == 400
    assert "action" in _error(response)["message"]


@pytest.mark.parametrize("body", NOT_OBJECTS)
def test_stock_endpoints_answer_a_malformed_body_with_400(root, body):
    """plone.restapi's own services (adding content, @users, @workflow bodies)."""
    for method, url in (("POST", root), ("PATCH", f"{root}/gaj")):
        response = _post(url, body, method=method)
        assert response.status_code == 400, (method, url, response.text)
        assert _error(response)["message"]


@pytest.mark.parametrize("name", ["@tasks", "@@my-tasks"])
def test_tasks_ask_a_visitor_to_log_in(root, name):
    headers = {"Accept": "application/json"} if name == "@tasks" else {}
    response = requests.get(
        f"{root}/{name}", headers=headers, timeout=60, allow_redirects=False
    )
    assert response.status_code in (302, 401)
    if response.status_code == 302:
        assert "login" in response.headers["Location"]
    else:
        assert _error(response)["message"]
