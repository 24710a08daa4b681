"""Upgrade 1002: search settings, control panel and permission; Solr sent again."""

import json
import urllib.parse
import urllib.request

from layers import solr_request
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.upgrades.v1002_search import upgrade

PERMISSION = "zhengwu: Manage search"
BLOCKLIST = "zhengwu.search.stats.blocklist"


def solr_count(port, query):
    url = (
        f"http://127.0.0.1:{port}/solr/nanshan/select?rows=0&wt=json&q="
        + urllib.parse.quote(query)
    )
    with urllib.request.urlopen(solr_request(url), timeout=30) as response:
        return json.load(response)["response"]["numFound"]


def test_upgrade_brings_back_settings_and_the_solr_documents(district, solr_server):
    district.manage_permission(PERMISSION, ["Manager"], acquire=False)
    panel = district.portal_controlpanel
    panel.unregisterConfiglet("search-curation")
    assert "search-curation" not in [a.id for a in panel.listActions()]
    registry = getUtility(IRegistry)
    del registry.records[BLOCKLIST]
    solr_server.delete("nanshan", "portal_type:Department")
    assert solr_count(solr_server.port, "portal_type:Department") == 0

    upgrade(district.portal_setup)

    roles = {r["name"] for r in district.rolesOfPermission(PERMISSION) if r["selected"]}
    assert {"Manager", "Site Administrator", "Editor"} <= roles
    assert "search-curation" in [a.id for a in panel.listActions()]
    assert BLOCKLIST in registry.records
    assert solr_count(solr_server.port, "portal_type:Department") > 0
