"""GET @health: anonymous, no secrets, reports ZODB, the real Solr and versions."""

import html
import importlib.metadata

import pytest
import requests


@pytest.fixture
def health_url(acceptance):
    return f"http://{acceptance['host']}:{acceptance['port']}/nanshan/@health"


def _health(url):
    return requests.get(url, headers={"Accept": "application/json"}, timeout=30)


def test_health_answers_anonymous_with_solr_up(health_url):
    response = _health(health_url)
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["site"] == "nanshan"
    assert report["zodb"]["status"] == "up"
    assert report["solr"]["status"] == "up"
    assert report["solr"]["core"] == "nanshan"
    # The 32 departments and the two language roots are in the site's own core.
    assert report["solr"]["documents"] >= 34
    assert report["solr"]["version"].startswith("9.10")
    assert report["versions"]["Products.CMFPlone"] == "6.2.2"
    assert report["versions"]["zhengwu"] == importlib.metadata.version("zhengwu")
    assert response.headers["Cache-Control"] == "no-store"
    profile = report["profile"]
    assert profile["installed"] == profile["available"] == "1018"
    assert profile["upgrade_needed"] is False


def test_health_reveals_no_addresses_or_credentials(health_url, acceptance):
    text = _health(health_url).text
    assert str(acceptance["solr_port"]) not in text
    assert "127.0.0.1" not in text
    assert "password" not in text.lower()


def test_health_reports_solr_down_while_the_site_keeps_serving(health_url, solr_server):
    site = health_url.rsplit("/", 1)[0]
    solr_server.stop_solr()
    try:
        response = _health(health_url)
        assert response.status_code == 200
        report = response.json()
        assert report["status"] == "degraded"
        assert report["solr"]["status"] == "down"
        assert "documents" not in report["solr"]
        assert report["zodb"]["status"] == "up"
        page = requests.get(f"{site}/zh-cn/wjj", timeout=30)
        assert page.status_code == 200
        assert "南山区卫生健康局" in html.unescape(page.text)
    finally:
        solr_server.start_solr()
    assert _health(health_url).json()["solr"]["status"] == "up"
