"""The fast full reindex makes the site's Solr core match its catalog."""

import json
import urllib.parse
import urllib.request

import pytest
import requests
import transaction
from layers import solr_request
from layers import solr_select
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from publishing import publish_in_department
from zope.component.hooks import setSite

from zhengwu.search.solr.reindex import reindex_site


def solr_get(port, **params):
    return solr_select(port, rows=10000, **params)


def solr_post(port, body):
    request = solr_request(
        f"http://127.0.0.1:{port}/solr/nanshan/update?commit=true",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


def solr_doc(port, uid):
    docs = solr_get(port, q=f"UID:{uid}")["docs"]
    assert len(docs) == 1, uid
    doc = docs[0]
    doc.pop("_version_", None)
    return doc


def unordered(docs):
    """Documents with their multi-valued fields as sets: object_provides comes
    from a Python set, its order is not the same from one indexing to the next."""
    return {
        uid: {k: set(v) if isinstance(v, list) else v for k, v in doc.items()}
        for uid, doc in docs.items()
    }


def catalog_uids(site):
    catalog = site.portal_catalog
    path = "/".join(site.getPhysicalPath())
    return {brain.UID for brain in catalog.unrestrictedSearchResults(path=path)}


@pytest.fixture(autouse=True)
def forget_test_content(solr_server):
    yield
    solr_server.delete("nanshan", 'path_parents:"/nanshan/zh-cn/gaj" -getId:gaj')
    solr_server.delete("nanshan", "UID:stale-*")


@pytest.fixture
def content(functional):
    app = functional["app"]
    guide = publish_in_department(
        app,
        "gaj",
        type_="Guide",
        id="id-card",
        title="居民身份证申领",
        service_code="QR-0101",
        service_kind="confirmation",
    )
    page = publish_in_department(app, "gaj", id="notice", title="办证须知")
    return app["nanshan"], guide, page


def test_reindex_restores_lost_documents_and_drops_stale_ones(content, solr_server):
    site, guide, page = content
    port = solr_server.port
    as_indexed = solr_doc(port, guide.UID())
    solr_server.delete("nanshan", f"UID:{guide.UID()}")
    solr_post(port, [{"UID": "stale-1", "Title": "已删除的页面"}])

    report = reindex_site(site, batch=7)

    solr_uids = {doc["UID"] for doc in solr_get(port, q="*:*", fl="UID")["docs"]}
    assert solr_uids == catalog_uids(site)
    assert report.indexed == len(solr_uids)
    assert report.deleted >= 1  # stale-1, and what earlier tests left in Solr
    restored = {guide.UID(): solr_doc(port, guide.UID())}
    assert unordered(restored) == unordered({guide.UID(): as_indexed})


def test_reindexed_documents_equal_what_an_edit_sends(content, solr_server):
    site, guide, page = content
    port = solr_server.port
    for obj in (guide, page):
        obj.reindexObject()  # CMFEditions marks a page IVersioned after indexing it
    transaction.commit()
    before = {obj.UID(): solr_doc(port, obj.UID()) for obj in (guide, page)}
    reindex_site(site)
    after = {uid: solr_doc(port, uid) for uid in before}
    assert unordered(after) == unordered(before)
    assert after[guide.UID()]["category"] == ["行政确认"]


def test_reindex_keeps_the_popularity(content, solr_server):
    site, guide, page = content
    solr_post(solr_server.port, [{"UID": guide.UID(), "popularity": {"set": 7}}])
    reindex_site(site)
    assert solr_doc(solr_server.port, guide.UID())["popularity"] == 7


def test_drafts_keep_their_restricted_roles(functional, solr_server):
    site = functional["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        draft = api.content.create(
            container=site["zh-cn"]["gaj"], type="Document", id="draft", title="草稿"
        )
    transaction.commit()
    reindex_site(site)
    roles = solr_doc(solr_server.port, draft.UID())["allowedRolesAndUsers"]
    assert "Anonymous" not in roles


def test_only_site_managers_may_start_a_reindex(acceptance):
    url = f"http://{acceptance['host']}:{acceptance['port']}/nanshan/@solr-reindex"
    headers = {"Accept": "application/json"}
    anonymous = requests.post(url, headers=headers, timeout=60)
    assert anonymous.status_code == 401
    site = acceptance["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.user.create(
            email="ed@example.org",
            username="reindex-editor",
            password="ed-secret-123",
            roles=("Member", "Editor"),
        )
    transaction.commit()
    editor = requests.post(
        url, headers=headers, auth=("reindex-editor", "ed-secret-123"), timeout=60
    )
    assert editor.status_code == 401
    owner = requests.post(
        url, headers=headers, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=300
    )
    assert owner.status_code == 200, owner.text
    assert owner.json()["indexed"] >= 32  # the departments at least
