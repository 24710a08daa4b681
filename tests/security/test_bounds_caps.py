"""Bounded requests: absurd batches and texts are refused before anything is queried.

Over real HTTP on the acceptance layer (real Solr): plone.restapi's ``@search``
(Solr and catalog paths), the search page, ``@suggest`` and ``@querystring-search``.
"""

import time

import pytest
import requests
from bounds_helpers import ADMIN

from zhengwu.bounds.limits import MAX_B_SIZE
from zhengwu.bounds.limits import MAX_B_START
from zhengwu.bounds.limits import MAX_QUERY_LENGTH

JSON = {"Accept": "application/json"}
FAST = 10  # seconds, on a busy test machine: the absurd batch took 41 s and 16 GB


@pytest.fixture
def root(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}/nanshan/zh-cn"


def _get(url, params, headers=JSON, auth=None):
    started = time.monotonic()
    response = requests.get(url, params=params, headers=headers, auth=auth, timeout=60)
    return response, time.monotonic() - started


def _message(response):
    return response.json()["message"]


@pytest.mark.parametrize("text", ["身份证", None])
def test_rest_search_refuses_an_absurd_b_start_at_once(root, text):
    params = {"b_start": 10**9}
    if text:
        params["SearchableText"] = text
    response, seconds = _get(f"{root}/@search", params)
    assert response.status_code == 400
    assert "b_start" in _message(response)
    assert seconds < FAST


@pytest.mark.parametrize(
    "params",
    [
        {"b_start": "-1"},
        {"b_start": "abc"},
        {"b_start": "1.5"},
        {"b_start": str(MAX_B_START + 1)},
        {"b_size": "0"},
        {"b_size": "-1"},
        {"b_size": "abc"},
        {"b_size": str(MAX_B_SIZE + 1)},
        {"b_size": "100000"},
        {"sort_limit": str(10**9)},
    ],
)
def test_rest_search_refuses_bad_batches_with_a_message(root, params):
    name = next(iter(params))
    for text in ("身份证", None):
        query = {**params, "SearchableText": text} if text else params
        response, _seconds = _get(f"{root}/@search", query)
        assert response.status_code == 400, (query, response.text)
        assert response.json()["type"] == "BadRequest"
        assert name in _message(response)


def test_rest_search_answers_the_largest_allowed_batch(root):
    params = {"SearchableText": "身份证", "b_start": MAX_B_START, "b_size": MAX_B_SIZE}
    response, _seconds = _get(f"{root}/@search", params)
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_rest_search_refuses_an_over_long_text(root):
    too_long, _seconds = _get(
        f"{root}/@search", {"SearchableText": "身" * (MAX_QUERY_LENGTH + 1)}
    )
    assert too_long.status_code == 400
    assert "SearchableText" in _message(too_long)
    longest, _seconds = _get(
        f"{root}/@search", {"SearchableText": "身" * MAX_QUERY_LENGTH}
    )
    assert longest.status_code == 200


def test_suggest_cuts_an_over_long_text(root):
    response, seconds = _get(f"{root}/@suggest", {"q": "身" * 2_000})
    assert response.status_code == 200
    assert len(response.json()["query"]) <= 50
    assert seconds < FAST


@pytest.mark.parametrize(
    "name", ["fl", "fq", "facet.field", "facet", "hl.fl", "hl", "core", "use_solr"]
)
def test_rest_search_refuses_solr_parameters(root, name):
    response, _seconds = _get(
        f"{root}/@search", {"SearchableText": "身份证", name: "nanshan_corpus"}
    )
    assert response.status_code == 400
    assert name in _message(response)


def test_querystring_search_body_batch_is_bounded(root):
    body = {
        "query": [
            {
                "i": "portal_type",
                "o": "plone.app.querystring.operation.selection.any",
                "v": ["Document"],
            }
        ],
        "b_start": 10**9,
    }
    response = requests.post(
        f"{root}/@querystring-search", json=body, headers=JSON, timeout=60
    )
    assert response.status_code == 400
    assert "b_start" in _message(response)


def test_search_page_refuses_an_absurd_batch_with_a_page(root):
    response, seconds = _get(
        f"{root}/@@search",
        {"SearchableText": "身份证", "b_start": 10**9},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 400
    assert "b_start" in response.text
    assert seconds < FAST


def test_search_page_still_reads_a_broken_b_start_as_the_first_page(root):
    response, _seconds = _get(
        f"{root}/@@search",
        {"SearchableText": "身份证", "b_start": "abc"},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 200


def test_search_page_cuts_an_over_long_text(root):
    response, seconds = _get(
        f"{root}/@@search",
        {"SearchableText": "身" * 2_000},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 200
    assert seconds < FAST
    assert "身" * (MAX_QUERY_LENGTH + 1) not in response.text


@pytest.mark.parametrize("text", ["*", "**", "* *", "身份证 *"])
def test_wildcards_alone_are_no_error(root, text):
    page, _seconds = _get(
        f"{root}/@@search", {"SearchableText": text}, headers={"Accept": "text/html"}
    )
    assert page.status_code == 200
    rest, _seconds = _get(f"{root}/@search", {"SearchableText": text})
    assert rest.status_code == 200


@pytest.mark.parametrize("auth", [None, ADMIN])
def test_a_broken_date_query_is_a_400(root, auth):
    response, _seconds = _get(
        f"{root}/@search",
        {"effective.query": "bad", "effective.range": "min"},
        auth=auth,
    )
    assert response.status_code == 400
    assert _message(response)
