"""@search-curation over plone.restapi: the same data, validation and permission as
the control panel; Solr down keeps the change and says it will reach Solr later."""

import pytest
import requests
from curation_fixtures import DEPARTMENT_EDITOR
from curation_fixtures import RESIDENCE_TITLE
from curation_fixtures import SITE_ADMIN
from curation_fixtures import solr_synonyms

from zhengwu.search.solr import outage

JSON = {"Accept": "application/json"}


def _call(live, method, body=None, auth=SITE_ADMIN, params=None):
    return requests.request(
        method,
        f"{live}/@search-curation",
        json=body,
        params=params,
        headers=JSON,
        auth=auth,
        timeout=60,
    )


def test_anonymous_and_department_editors_get_401(live):
    assert _call(live, "GET", auth=None).status_code == 401
    assert _call(live, "GET", auth=DEPARTMENT_EDITOR).status_code == 401
    body = {"synonyms": ["网约车", "网络预约出租汽车"]}
    assert _call(live, "POST", body, auth=DEPARTMENT_EDITOR).status_code == 401
    assert _call(live, "DELETE", {"synonym": "户口"}, auth=None).status_code == 401
    assert ["户口", "户籍"] in _call(live, "GET").json()["synonyms"]


def test_get_lists_synonyms_and_best_bets(live):
    state = _call(live, "GET").json()
    assert state["@id"] == f"{live}/@search-curation"
    assert ["暂住证", "居住证"] in state["synonyms"]
    assert state["best_bets"] == []
    assert state["synonyms_pending"] is False


def test_post_patch_and_delete_a_synonym_group(live, solr_server):
    created = _call(live, "POST", {"synonyms": ["网约车", "网络预约出租汽车"]})
    assert created.status_code == 201
    assert created.json()["synced"] is True
    assert ["网约车", "网络预约出租汽车"] in created.json()["synonyms"]
    assert "网约车" in solr_synonyms(solr_server.port)

    body = {"synonyms": {"term": "网约车", "terms": "网约车、网络约车"}}
    changed = _call(live, "PATCH", body)
    assert changed.status_code == 200
    assert ["网约车", "网络约车"] in changed.json()["synonyms"]

    deleted = _call(live, "DELETE", params={"synonym": "网络约车"})
    assert deleted.status_code == 200
    assert not any("网约车" in group for group in deleted.json()["synonyms"])
    assert "网约车" not in solr_synonyms(solr_server.port)


@pytest.mark.parametrize(
    "method, body",
    [
        ("POST", {"synonyms": []}),
        ("POST", {"synonyms": ["网约车"]}),
        ("POST", {"synonyms": ["户籍", "户口簿"]}),
        ("POST", {"synonyms": "网约车"}),
        ("POST", {"something": "else"}),
        ("POST", {"best_bet": {"query": "暂住证", "items": ["zh-cn/gaj/nothing"]}}),
        ("POST", {"best_bet": {"query": "暂住证", "items": ["zh-cn/gaj/draft"]}}),
        ("POST", {"best_bet": {"query": " ", "items": ["zh-cn/gaj"]}}),
        ("POST", {"best_bet": {"query": "暂住证", "items": "zh-cn/gaj"}}),
        ("PATCH", {"best_bet": {"query": "没有", "items": ["zh-cn/gaj"]}}),
        ("PATCH", {"synonyms": {"term": "没有", "terms": ["甲", "乙"]}}),
        ("DELETE", {"synonym": "没有"}),
        ("DELETE", {"best_bet": "没有"}),
    ],
)
def test_bad_changes_answer_400_with_a_reason_and_change_nothing(live, method, body):
    before = _call(live, "GET").json()
    response = _call(live, method, body)
    assert response.status_code == 400
    assert response.json()["error"]["message"]
    assert _call(live, "GET").json() == before


def test_a_best_bet_pins_published_pages_in_order(live):
    site_url = live
    body = {
        "best_bet": {
            "query": "暂住证",
            "items": ["zh-cn/gaj", f"{site_url}/zh-cn/gaj/residence-permit"],
        }
    }
    created = _call(live, "POST", body)
    assert created.status_code == 201
    [bet] = created.json()["best_bets"]
    assert bet["query"] == "暂住证"
    assert bet["creator"] == SITE_ADMIN[0]
    assert [item["@id"] for item in bet["items"]] == [
        f"{live}/zh-cn/gaj",
        f"{live}/zh-cn/gaj/residence-permit",
    ]
    body["best_bet"]["items"].reverse()
    changed = _call(live, "PATCH", body)
    assert changed.status_code == 200
    assert changed.json()["best_bets"][0]["items"][0]["title"] == RESIDENCE_TITLE
    deleted = _call(live, "DELETE", {"best_bet": "暂住证"})
    assert deleted.status_code == 200
    assert deleted.json()["best_bets"] == []


def test_with_solr_down_the_group_is_kept_and_sent_when_solr_is_back(live, solr_server):
    solr_server.stop_solr()
    try:
        outage.forget()
        response = _call(live, "POST", {"synonyms": ["网约车", "网络预约出租汽车"]})
        assert response.status_code == 201
        assert response.json()["synced"] is False
        assert response.json()["warning"]
        assert _call(live, "GET").json()["synonyms_pending"] is True
    finally:
        solr_server.start_solr()
    outage.forget()
    requests.get(f"{live}/zh-cn", timeout=30)  # any request sends it
    state = _call(live, "GET").json()
    assert state["synonyms_pending"] is False
    assert ["网约车", "网络预约出租汽车"] in state["synonyms"]
    assert solr_synonyms(solr_server.port)["网约车"] == ["网约车", "网络预约出租汽车"]
