"""The public @@powers page and the @powers REST listing, on a live server."""

import html
import re

import requests
from layers import solr_login
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from powers_rows import DRAFT

JSON = {"Accept": "application/json"}
ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def _page(url, auth=None, **params):
    response = requests.get(f"{url}/@@powers", params=params, auth=auth, timeout=30)
    return response.status_code, html.unescape(response.text)


def _codes(text):
    return re.findall(r'class="power-code">(NS-[A-Z0-9-]+)<', text)


def _rest(url, auth=None, **params):
    return requests.get(
        f"{url}/@powers", params=params, headers=JSON, auth=auth, timeout=30
    )


def test_anonymous_sees_the_published_list_first_page_in_code_order(live):
    status, text = _page(live)
    assert status == 200
    count = re.search(r'class="powers-count">(.*?)</p>', text, re.DOTALL).group(1)
    assert re.search(r"\b34\b", count)
    codes = _codes(text)
    assert codes[:4] == [
        "NS-GAJ-CF-0001",
        "NS-GAJ-CF-0002",
        "NS-GAJ-XK-0001",
        "NS-JYJ-XK-0001",
    ]
    assert len(codes) == 20
    assert "对旅馆业经营者未按规定登记住宿旅客信息的处罚" in text


def test_pages_follow_each_other_without_overlap(live):
    first = _codes(_page(live)[1])
    second = _codes(_page(live, b_start=20)[1])
    assert len(second) == 14
    assert not set(first) & set(second)


def test_draft_items_are_not_listed_to_anonymous(live):
    assert DRAFT["code"] not in _codes(_page(live, department="jyj")[1])
    codes = [item["code"] for item in _rest(live, department="jyj").json()["items"]]
    assert codes == ["NS-JYJ-XK-0001"]
    admin = _rest(live, auth=ADMIN, department="jyj").json()["items"]
    assert DRAFT["code"] in [item["code"] for item in admin]


def test_filter_by_department_category_and_keyword(live):
    assert _codes(_page(live, department="gaj")[1]) == [
        "NS-GAJ-CF-0001",
        "NS-GAJ-CF-0002",
        "NS-GAJ-XK-0001",
    ]
    assert _codes(_page(live, category="XK")[1]) == [
        "NS-GAJ-XK-0001",
        "NS-JYJ-XK-0001",
    ]
    assert _codes(_page(live, department="gaj", category="CF", keyword="旅馆")[1]) == [
        "NS-GAJ-CF-0001"
    ]
    assert _codes(_page(live, keyword="ns-scjgj-jc-0007")[1]) == ["NS-SCJGJ-JC-0007"]
    assert _codes(_page(live, keyword="民办学校")[1]) == ["NS-JYJ-XK-0001"]
    status, text = _page(live, keyword="没有这样的事项")
    assert status == 200
    assert _codes(text) == []


def test_bad_filter_values_answer_400_with_a_clear_message(live):
    status, text = _page(live, category="ZZ")
    assert status == 400
    alert = re.search(r'class="alert alert-danger"[^>]*>(.*?)</div>', text, re.DOTALL)
    assert "ZZ" in alert.group(1)
    assert _codes(text) == []
    assert _page(live, department="nosuch")[0] == 400
    assert _page(live, b_start="x")[0] == 400
    response = _rest(live, category="ZZ")
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "ZZ" in message and "XK" in message
    assert _rest(live, department="nosuch").status_code == 400
    assert _rest(live, b_size="0").status_code == 400
    assert _rest(live, b_size="101").status_code == 400
    assert _rest(live, b_start="-1").status_code == 400


def test_rest_listing_is_batched_json_with_the_same_filters(live):
    response = _rest(live, b_size=10)
    assert response.status_code == 200
    data = response.json()
    assert data["items_total"] == 34
    assert len(data["items"]) == 10
    assert "next" in data["batching"]
    first = data["items"][0]
    assert first["code"] == "NS-GAJ-CF-0001"
    assert first["category"] == {"token": "CF", "title": "行政处罚"}
    assert first["department"]["token"] == "gaj"
    assert first["@id"].endswith("/nanshan/zh-cn/gaj/ns-gaj-cf-0001")
    twenty = [item["code"] for item in _rest(live, b_size=20).json()["items"]]
    following = _rest(live, b_size=10, b_start=10).json()["items"]
    assert [item["code"] for item in following] == twenty[10:]
    scjgj = _rest(live, department="scjgj", category="JC", b_size=100).json()
    assert scjgj["items_total"] == 30
    assert {item["department"]["token"] for item in scjgj["items"]} == {"scjgj"}


def test_published_items_are_in_the_site_wide_solr_search(live, acceptance):
    solr = f"http://127.0.0.1:{acceptance['solr_port']}/solr/nanshan/select"

    def found(query):
        params = {"q": query, "rows": 0, "wt": "json"}
        answer = requests.get(solr, params=params, auth=solr_login(), timeout=30)
        return answer.json()["response"]["numFound"]

    # Solr also holds what earlier tests committed: count this site's items by UID
    catalog = acceptance["app"]["nanshan"].portal_catalog
    uids = [b.UID for b in catalog.unrestrictedSearchResults(portal_type="PowerItem")]
    assert len(uids) == 35
    ours = f"UID:({' OR '.join(uids)})"
    assert found(ours) == 35
    # the 34 published items of the page above; the draft for its editors only
    assert found(f"{ours} AND allowedRolesAndUsers:Anonymous") == 34


def test_items_with_a_guide_link_to_it_on_the_page_and_in_rest(live):
    guide_url = f"{live}/gaj/seal-engraving"
    text = _page(live, department="gaj")[1]
    links = re.findall(r'<a class="power-guide"\s+href="([^"]+)"', text)
    assert links == [guide_url]
    items = {
        item["code"]: item for item in _rest(live, department="gaj").json()["items"]
    }
    assert items["NS-GAJ-XK-0001"]["guide"] == guide_url
    assert items["NS-GAJ-CF-0001"]["guide"] is None


def test_item_page_shows_basis_duties_phone_and_guide_to_anonymous(live):
    response = requests.get(f"{live}/gaj/ns-gaj-xk-0001", timeout=30)
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "公章刻制业特种行业许可" in text
    assert "《中华人民共和国治安管理处罚法》第二十三条" in text
    assert "受理责任：依法受理。" in text
    assert 'href="tel:0755-26668888"' in text
    assert f'href="{live}/gaj/seal-engraving"' in text
    assert "深圳市公安局南山分局" in text
    draft = requests.get(
        f"{live}/jyj/{DRAFT['code'].lower()}", timeout=30, allow_redirects=False
    )
    assert draft.status_code in (302, 401, 403, 404)
