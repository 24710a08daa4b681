"""permission_filters and solr_select: raw Solr access for the other search parts."""

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import logout
from publishing import publish_in_department
from zope.component.hooks import setSite

from zhengwu.search.solr import outage
from zhengwu.search.solr.select import SolrUnavailable
from zhengwu.search.solr.select import permission_filters
from zhengwu.search.solr.select import solr_select


@pytest.fixture
def items(functional, solr_server):
    app = functional["app"]
    publish_in_department(app, "gaj", id="helper-public", title="助手公开办事指南")
    site = app["nanshan"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.create(
            container=site["zh-cn"]["gaj"],
            type="Document",
            id="helper-draft",
            title="助手草稿办事指南",
        )
    transaction.commit()
    setSite(site)
    logout()
    yield site
    solr_server.delete("nanshan", 'Title:"助手"')


def titles(site, text):
    answer = solr_select(
        site,
        {"q": f"Title:{text}", "fq": permission_filters(site), "fl": "Title"},
    )
    return sorted(doc["Title"] for doc in answer["response"]["docs"])


def test_anonymous_filters_hold_anonymous_and_the_effective_range(items):
    filters = permission_filters(items)
    assert any("allowedRolesAndUsers" in fq and "Anonymous" in fq for fq in filters)
    assert any(fq.startswith("+effective:") for fq in filters)


def test_anonymous_select_never_sees_a_draft(items):
    assert titles(items, "助手") == ["助手公开办事指南"]


def test_the_owner_sees_the_draft(items):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        assert titles(items, "助手") == ["助手公开办事指南", "助手草稿办事指南"]


def test_select_raises_solr_unavailable_when_solr_is_down(items, solr_server):
    solr_server.stop_solr()
    try:
        outage.forget()
        with pytest.raises(SolrUnavailable):
            solr_select(items, {"q": "*:*"})
    finally:
        solr_server.start_solr()
        outage.forget()
