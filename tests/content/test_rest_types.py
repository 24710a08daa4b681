"""Strategy, disclosure, interpretation, encyclopedia, department and news over REST."""

import pytest
from conftest import created
from conftest import messages


def html(text):
    return {"data": f"<p>{text}</p>", "content-type": "text/html"}


GUIDE = {
    "@type": "Guide",
    "id": "id-card",
    "title": "居民身份证申领",
    "service_code": "11440300007542526Q4442111001",
}
RECORD = {
    "@type": "DisclosureRecord",
    "id": "budget-2026",
    "title": "南山区财政局2026年部门预算",
    "topic_category": "budget",
    "genre": "report",
    "written_date": "2026-03-01",
    "document_number": "深南财〔2026〕5号",
    "publish_date": "2026-03-05",
    "subject_words": ["预算", "财政"],
    "disclosure_mode": "proactive",
    "validity": "valid",
    "disclosure_area": "result",
    "text": html("预算说明"),
}

# type, container, POST body, a field to PATCH and its new value, schema fields
CASES = {
    "Strategy": (
        "zh-cn/gaj",
        {
            "@type": "Strategy",
            "id": "newborn",
            "title": "孩子出生后一个月内办完入户、医保、社保卡",
            "text": html("先办出生证明。"),
            "audience": ["person"],
            "audience_tags": ["newborn_parents"],
        },
        ("title", "新生儿入户攻略"),
        ("text", "guide", "department", "audience", "audience_tags"),
    ),
    "DisclosureRecord": (
        "zh-cn/czj",
        RECORD,
        ("validity", "invalid"),
        ("topic_category", "genre", "written_date", "document_number", "text"),
    ),
    "PolicyInterpretation": (
        "zh-cn/czj",
        {
            "@type": "PolicyInterpretation",
            "id": "budget-2026-explained",
            "title": "图解2026年部门预算",
            "interpretation_form": "graphic",
            "text": html("一图读懂"),
        },
        ("interpretation_form", "video"),
        ("interprets", "interpretation_form", "text", "department"),
    ),
    "EncyclopediaEntry": (
        "zh-cn/zsj",
        {
            "@type": "EncyclopediaEntry",
            "id": "rongque",
            "title": "容缺受理",
            "related_terms": ["秒批", "一网通办"],
            "text": html("次要材料欠缺时先行受理。"),
        },
        ("related_terms", ["秒批"]),
        ("related_terms", "text", "department"),
    ),
}


def value_of(read, name):
    value = read[name]
    return value["token"] if isinstance(value, dict) and "token" in value else value


@pytest.mark.parametrize("portal_type", CASES)
def test_type_schema_create_edit_read_and_list(rest, portal_type):
    container, body, (field, new_value), schema_fields = CASES[portal_type]
    schema = rest.get(f"@types/{portal_type}").json()
    assert set(schema_fields) <= set(schema["properties"])
    url = created(rest.post(container, json=body))["@id"]
    read = rest.get(url).json()
    assert read["title"] == body["title"]
    assert read["department"]["token"] == container.rsplit("/", 1)[1]
    response = rest.patch(url, json={field: new_value})
    assert response.status_code == 204, response.text
    assert value_of(rest.get(url).json(), field) == new_value
    found = rest.get("@search", params={"portal_type": portal_type}).json()
    assert [item["@id"] for item in found["items"]] == [url]


def test_strategy_points_to_its_guide_and_is_found_by_guide_uid(rest):
    guide = created(rest.post("zh-cn/gaj", json=GUIDE))
    body = dict(CASES["Strategy"][1], guide=guide["UID"])
    strategy = created(rest.post("zh-cn/gaj", json=body))
    read = rest.get(strategy["@id"]).json()
    assert read["guide"]["@id"] == guide["@id"]
    assert {t["token"] for t in read["audience_tags"]} == {"newborn_parents"}
    found = rest.get("@search", params={"guide_uid": guide["UID"]}).json()
    assert [item["@id"] for item in found["items"]] == [strategy["@id"]]


def test_strategy_cannot_point_to_something_that_is_not_a_guide(rest):
    record = created(rest.post("zh-cn/czj", json=RECORD))
    body = dict(CASES["Strategy"][1], guide=record["UID"])
    assert messages(rest.post("zh-cn/gaj", json=body))


def test_interpretation_points_to_the_record_it_explains(rest):
    record = created(rest.post("zh-cn/czj", json=RECORD))
    body = dict(CASES["PolicyInterpretation"][1], interprets=record["UID"])
    read = rest.get(created(rest.post("zh-cn/czj", json=body))["@id"]).json()
    assert read["interprets"]["@id"] == record["@id"]


def test_disclosure_record_holds_a_file_and_refuses_other_types(rest):
    record = created(rest.post("zh-cn/czj", json=RECORD))
    attachment = {
        "@type": "File",
        "title": "预算表",
        "file": {
            "data": "5Lit5paH",
            "encoding": "base64",
            "filename": "budget.txt",
            "content-type": "text/plain",
        },
    }
    created(rest.post(record["@id"], json=attachment))
    response = rest.post(record["@id"], json={"@type": "Document", "title": "x"})
    assert response.status_code in (400, 403)


def test_disclosure_record_refuses_unknown_topic_and_missing_genre(rest):
    assert messages(rest.post("zh-cn/czj", json=dict(RECORD, topic_category="x")))
    body = dict(RECORD)
    del body["genre"]
    assert "genre" in messages(rest.post("zh-cn/czj", json=body))


def test_index_number_cannot_be_set_by_a_client(rest):
    url = created(rest.post("zh-cn/czj", json=dict(RECORD, index_number="X/1")))["@id"]
    assert rest.get(url).json().get("index_number") != "X/1"


def test_encyclopedia_entry_keeps_its_revisions(rest):
    url = created(rest.post("zh-cn/zsj", json=CASES["EncyclopediaEntry"][1]))["@id"]
    rest.patch(url, json={"title": "容缺受理（容缺办理）"})
    history = rest.get(f"{url}/@history").json()
    versions = [h for h in history if h.get("type") == "versioning"]
    assert len(versions) >= 2


def test_department_shows_and_edits_its_new_fields(rest):
    read = rest.get("zh-cn/wjj").json()
    assert len(read["org_code"]) == 18
    assert read["phones"] and read["address"] and read["leader"] and read["duties"]
    response = rest.patch("zh-cn/wjj", json={"hours": "周一至周日 8:30-17:30"})
    assert response.status_code == 204
    assert rest.get("zh-cn/wjj").json()["hours"] == "周一至周日 8:30-17:30"


@pytest.mark.parametrize("code", ["12345", "11440305MB2C12345I", "11440305mb2c12345x"])
def test_department_refuses_a_malformed_org_code(rest, code):
    assert messages(rest.patch("zh-cn/wjj", json={"org_code": code}))


def test_news_item_in_a_department_belongs_to_it(rest):
    news = {"@type": "News Item", "id": "flu", "title": "流感疫苗接种开始"}
    read = rest.get(created(rest.post("zh-cn/wjj", json=news))["@id"]).json()
    assert read["department"]["token"] == "wjj"
    found = rest.get(
        "@search", params={"department": "wjj", "portal_type": "News Item"}
    ).json()
    assert found["items_total"] == 1


@pytest.mark.parametrize("portal_type", CASES)
def test_zhengwu_types_are_refused_in_the_language_root(rest, portal_type):
    body = CASES[portal_type][1]
    assert rest.post("zh-cn", json=body).status_code in (400, 403)
