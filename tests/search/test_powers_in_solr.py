"""Powers-list items are in the site's Solr core, and a rejected import sends none."""

import json
import urllib.parse
import urllib.request

import pytest
import transaction
from layers import solr_request
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite

from zhengwu.powers.importer import import_powers
from zhengwu.powers.sheet import write_sheet


def power_row(code, name, **values):
    _, department, category, _ = code.split("-")
    row = {
        "code": code,
        "name": name,
        "category": category,
        "department": department.lower(),
        "sub_items": [],
        "legal_basis": "《中华人民共和国居民身份证法》第十条",
        "responsibilities": ["受理责任：依法受理。"],
        "accountability": "",
        "supervising_phone": "",
        "guide": "",
        "next_review": "",
    }
    row.update(values)
    return row


ROWS = [
    power_row("NS-GAJ-QR-0901", "居民身份证申领"),
    power_row("NS-GAJ-CF-0901", "对冒用他人居民身份证的处罚"),
]


def solr_docs(port, q, **params):
    query = urllib.parse.urlencode({"q": q, "wt": "json", "rows": 50, **params})
    url = f"http://127.0.0.1:{port}/solr/nanshan/select?{query}"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return json.load(response)["response"]["docs"]


@pytest.fixture
def root(functional):
    app = functional["app"]
    site = app["nanshan"]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    yield site["zh-cn"]
    setSite(functional["portal"])


@pytest.fixture(autouse=True)
def forget_test_content(solr_server):
    # Solr keeps what earlier tests committed (their ZODB changes were rolled back)
    solr_server.delete("nanshan", "portal_type:PowerItem")
    yield
    solr_server.delete("nanshan", "portal_type:PowerItem")


def test_imported_items_are_in_solr_with_category_and_pinyin(root, solr_server):
    assert import_powers(root, write_sheet(ROWS, "csv"), "csv").ok
    transaction.commit()
    docs = solr_docs(solr_server.port, "portal_type:PowerItem", sort="getId asc")
    assert [doc["getId"] for doc in docs] == ["ns-gaj-cf-0901", "ns-gaj-qr-0901"]
    penalty, confirmation = docs
    assert penalty["category"] == ["行政处罚"]
    assert confirmation["category"] == ["行政确认"]
    assert confirmation["department"] == "gaj"
    assert "Anonymous" in confirmation["allowedRolesAndUsers"]
    assert "sfzsl" in confirmation["title_initials"]


def test_site_search_finds_a_power_item_through_solr(root, solr_server):
    assert import_powers(root, write_sheet(ROWS, "csv"), "csv").ok
    transaction.commit()
    catalog = root.portal_catalog
    # Traditional characters: the stock catalog would find nothing.
    paths = [brain.getPath() for brain in catalog(SearchableText="冒用身份證")]
    assert paths[0] == "/nanshan/zh-cn/gaj/ns-gaj-cf-0901"


def test_a_rejected_import_sends_nothing_to_solr(root, solr_server):
    bad = [*ROWS, power_row("NS-GAJ-ZZ-0902", "没有这个类别")]
    report = import_powers(root, write_sheet(bad, "csv"), "csv")
    assert not report.ok
    transaction.commit()
    assert solr_docs(solr_server.port, "portal_type:PowerItem") == []


def test_removed_items_leave_solr(root, solr_server):
    assert import_powers(root, write_sheet(ROWS, "csv"), "csv").ok
    transaction.commit()
    assert import_powers(root, write_sheet(ROWS[:1], "csv"), "csv").removed == [
        "NS-GAJ-CF-0901"
    ]
    transaction.commit()
    docs = solr_docs(solr_server.port, "portal_type:PowerItem")
    assert [doc["getId"] for doc in docs] == ["ns-gaj-qr-0901"]
