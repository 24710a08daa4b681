"""Every save of an encyclopedia entry (政府百科) is a revision with the editor's
comment, listed by plone.restapi's ``@history`` and the history view."""

import html

import pytest
import requests
import transaction
from layers import DISTRICT
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from zope.component.hooks import setSite

OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def entry_url(acceptance):
    site = acceptance["app"][DISTRICT]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        entry = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="EncyclopediaEntry",
            id="miao-pi",
            title="秒批",
        )
        url = entry.absolute_url_path()
    transaction.commit()
    setSite(acceptance["portal"])
    return f"http://{acceptance['host']}:{acceptance['port']}{url}"


def patch(url, **data):
    response = requests.patch(url, json=data, headers=JSON, auth=OWNER, timeout=30)
    assert response.status_code == 204, response.text


def test_each_save_is_a_revision_with_the_editors_comment(entry_url):
    patch(entry_url, related_terms=["无人干预自动审批"], changeNote="补充相关术语")
    patch(entry_url, title="秒批（无人干预自动审批）", changeNote="标题写全")
    response = requests.get(
        f"{entry_url}/@history", headers=JSON, auth=OWNER, timeout=30
    )
    assert response.status_code == 200
    versions = [item for item in response.json() if item["type"] == "versioning"]
    comments = [item["comments"] for item in versions]
    assert "补充相关术语" in comments
    assert "标题写全" in comments
    assert len(versions) == 3  # the first version, then one per save
    newest = versions[0]
    assert newest["comments"] == "标题写全"
    assert newest["actor"]["id"] == SITE_OWNER_NAME
    old = requests.get(
        newest["@id"].rsplit("/", 1)[0] + "/0", headers=JSON, auth=OWNER, timeout=30
    )
    assert old.json()["title"] == "秒批"


def test_history_view_lists_the_revisions(entry_url):
    patch(entry_url, title="秒批 2", changeNote="改标题")
    page = requests.get(f"{entry_url}/@@historyview", auth=OWNER, timeout=30)
    assert page.status_code == 200
    assert "改标题" in html.unescape(page.text)


def test_anonymous_cannot_read_the_history(entry_url):
    response = requests.get(f"{entry_url}/@history", headers=JSON, timeout=30)
    assert response.status_code == 401
