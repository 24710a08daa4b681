"""Homepages over plone.restapi: anyone reads, site administrators edit."""

import json

import pytest
from homepage_fixtures import DEPARTMENT_EDITOR
from homepage_fixtures import ROOT
from homepage_fixtures import SITE_ADMIN
from homepage_fixtures import browser

URL = f"{ROOT}/resident"


def patch(app, user, body):
    """PATCH through the WSGI app (the test browser only GETs and POSTs); the
    response status, e.g. '204 No Content'."""
    client = browser(app).testapp
    if user:
        client.authorization = ("Basic", user)
    response = client.patch_json(
        URL, body, headers={"Accept": "application/json"}, expect_errors=True
    )
    return response.status


def read(app):
    page = browser(app, json_=True)
    page.open(URL)
    assert page.headers["status"].startswith("200")
    return json.loads(page.contents)


def test_anonymous_reads_a_homepage_with_its_queries(functional, site):
    data = read(functional["app"])
    assert data["@type"] == "Homepage"
    assert data["role"]["token"] == "resident"
    audience = [row for row in data["services_query"] if row["i"] == "audience"]
    assert audience[0]["v"] == ["person"]
    assert data["services_limit"] == 8


def test_site_administrator_changes_a_homepage(functional, site, people):
    status = patch(functional["app"], SITE_ADMIN, {"news_limit": 3, "title": "居民"})
    assert status.startswith("204")
    data = read(functional["app"])
    assert data["news_limit"] == 3
    assert data["title"] == "居民"


@pytest.mark.parametrize("user", [None, DEPARTMENT_EDITOR])
def test_anonymous_and_department_editors_cannot_change_it(
    functional, site, people, user
):
    status = patch(functional["app"], user, {"news_limit": 3})
    assert status[:3] in ("401", "403")
    assert read(functional["app"])["news_limit"] == 8


def test_a_bad_limit_is_refused(functional, site, people):
    status = patch(functional["app"], SITE_ADMIN, {"news_limit": 500})
    assert status.startswith("400")
    assert read(functional["app"])["news_limit"] == 8
