"""Form data Zope cannot read answers 400 on any page, before anything runs."""

import pytest
import requests
from layers import DISTRICT

BAD = (
    "count:int=abc",
    "when:date=not-a-date",
    "size:float=x",
    "n:long=1.5.6",
    "items:record=1",
    "q.keys:record=1&q.copy:record=2",
    "rows.values:records=1",
)


@pytest.fixture
def base(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}/{DISTRICT}/zh-cn"


@pytest.mark.parametrize("query", BAD)
def test_an_unreadable_query_is_a_400_with_a_message(base, query):
    response = requests.get(f"{base}?{query}", timeout=30)
    assert response.status_code == 400
    assert "BadRequest" in response.text  # Zope's bare answer: no site is traversed


@pytest.mark.parametrize("body", BAD)
def test_an_unreadable_form_post_is_a_400(base, body):
    response = requests.post(
        f"{base}/@@register",
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 400


def test_readable_typed_fields_still_work(base):
    response = requests.get(
        f"{base}/@@search?b_start:int=0&SearchableText=身份证", timeout=30
    )
    assert response.status_code == 200
