"""The content model's filter fields reach the site's Solr core."""

import json
import urllib.parse
import urllib.request

import pytest
import transaction
from layers import solr_request
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.component.hooks import setSite


def solr_docs(port, **params):
    query = urllib.parse.urlencode({"wt": "json", **params})
    url = f"http://127.0.0.1:{port}/solr/nanshan/select?{query}"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return json.load(response)["response"]["docs"]


@pytest.fixture(autouse=True)
def forget_test_content(solr_server):
    yield
    solr_server.delete("nanshan", 'path_parents:"/nanshan/zh-cn/crj"')


def test_guide_is_indexed_in_solr_with_department_code_and_audience(
    functional, solr_server
):
    site = functional["app"]["nanshan"]
    setSite(site)
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        department = api.content.create(
            container=site["zh-cn"],
            type="Department",
            id="crj",
            title="出入境",
            short_name="出入境",
            kind="vertical",
        )
        api.content.create(
            container=department,
            type="Guide",
            id="visa",
            title="签证延期",
            service_code="SVC-VISA-1",
            audience=["person"],
            audience_tags=["foreigners", "tourists"],
        )
    transaction.commit()
    docs = solr_docs(solr_server.port, q="service_code:SVC-VISA-1")
    assert len(docs) == 1
    assert docs[0]["department"] == "crj"
    assert docs[0]["audience"] == ["person"]
    assert sorted(docs[0]["audience_tags"]) == ["foreigners", "tourists"]
