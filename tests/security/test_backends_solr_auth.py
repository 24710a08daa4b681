"""Solr asks everyone for the portal's login (issue 13.3): anonymous reads and
writes are refused, the portal searches and indexes with its generated login."""

import json
import urllib.request

import pytest
import requests
import solr_auth
from backends_helpers import status_of
from publishing import publish_in_department

import solr
from zhengwu.search.solr import outage
from zhengwu.search.solr.status import solr_status

FAKE_GUIDE = [
    {
        "UID": "fake-guide-13-3",
        "Title": "居民身份证申领（假）",
        "portal_type": "Guide",
        "allowedRolesAndUsers": ["Anonymous"],
        "path_string": "/nanshan/zh-cn/gaj/fake",
        "path_parents": ["/nanshan", "/nanshan/zh-cn", "/nanshan/zh-cn/gaj"],
        "review_state": "published",
    }
]
SECTION = "/nanshan/zh-cn/gaj"


def solr_url(solr_server, path):
    return f"http://127.0.0.1:{solr_server.port}/solr{path}"


@pytest.mark.parametrize(
    "path",
    [
        "/nanshan/select?q=*:*&wt=json",
        "/yantian/select?q=*:*&wt=json",
        "/nanshan/admin/ping?wt=json",
        "/nanshan/terms?terms.fl=Title&wt=json",
        "/nanshan/admin/file?file=schema.xml",
        "/admin/cores?action=STATUS",
        "/admin/info/system?wt=json",
    ],
)
def test_anonymous_requests_to_solr_are_refused(solr_server, path):
    status, headers = status_of(solr_url(solr_server, path))
    assert status == 401
    assert headers["WWW-Authenticate"].startswith("Basic ")


def test_an_anonymous_update_is_refused_and_indexes_nothing(solr_server):
    update = urllib.request.Request(
        solr_url(solr_server, "/nanshan/update?commit=true"),
        data=json.dumps(FAKE_GUIDE).encode(),
        headers={"Content-Type": "application/json"},
    )
    assert status_of(update)[0] == 401
    assert _count(solr_server, "UID:fake-guide-13-3") == 0
    # the same update with the portal's login is taken: the refusal was the login's
    logged_in = solr_server.request(
        update.full_url, update.data, {"Content-Type": "application/json"}
    )
    assert status_of(logged_in)[0] == 200
    assert _count(solr_server, "UID:fake-guide-13-3") == 1
    solr_server.delete("nanshan", "UID:fake-guide-13-3")


def _count(solr_server, query):
    path = f"/nanshan/select?q={query}&rows=0&wt=json"
    found = solr.get_json(solr_server.port, path, solr_server.credentials)
    return found["response"]["numFound"]


def test_a_wrong_password_is_refused(solr_server):
    wrong = solr_auth.Credentials(solr_server.credentials.login, "not-the-password")
    request = urllib.request.Request(
        solr_url(solr_server, "/nanshan/select?q=*:*&wt=json"), headers=wrong.headers()
    )
    assert status_of(request)[0] == 401


def test_the_portal_login_may_not_change_solrs_security(solr_server):
    body = {"set-user": {"intruder": "Intruder-Passw0rd"}}
    request = solr_server.request(
        solr_url(solr_server, "/admin/authentication"),
        json.dumps(body).encode(),
        {"Content-Type": "application/json"},
    )
    assert status_of(request)[0] == 403


def test_the_portal_indexes_and_searches_through_the_login(acceptance, solr_server):
    outage.forget()
    publish_in_department(
        acceptance["app"],
        "gaj",
        type_="Guide",
        id="locked-solr-guide",
        title="出入境证件办理",
        service_code="QR-1303",
    )
    try:
        assert _count(solr_server, "getId:locked-solr-guide") == 1
        site = f"http://{acceptance['host']}:{acceptance['port']}/nanshan"
        response = requests.get(
            f"{site}/zh-cn/@search",
            params={"SearchableText": "出入境证件"},
            headers={"Accept": "application/json"},
            timeout=60,
        )
        assert response.status_code == 200
        assert "X-Zhengwu-Search" not in response.headers  # Solr, not the fallback
        titles = [item["title"] for item in response.json()["items"]]
        assert "出入境证件办理" in titles
        health = requests.get(
            f"{site}/@health", headers={"Accept": "application/json"}, timeout=30
        ).json()
        assert health["solr"]["status"] == "up"
    finally:
        solr_server.delete("nanshan", f'path_parents:"{SECTION}" -getId:gaj')
        outage.forget()


def test_health_says_so_when_the_portal_login_is_refused(district, monkeypatch):
    monkeypatch.setenv("COLLECTIVE_SOLR_PASSWORD", "not-the-password")
    report = solr_status()
    assert report["status"] == "down"
    assert report["error"] == "login refused"
    assert "not-the-password" not in json.dumps(report)
