"""A Guide over plone.restapi: schema, create, edit, read, list, translate."""

from conftest import created
from conftest import messages

SITUATIONS = ["申领类型：首次申领 / 换领 / 补领", "户籍：本市户籍 / 非本市户籍"]
MATERIALS = [
    {
        "name": "居民户口簿",
        "form": "original",
        "count": 1,
        "medium": "paper",
        "source": "公安机关",
        "situations": "首次申领",
        "note": "",
    },
    {
        "name": "原居民身份证",
        "form": "original",
        "count": 1,
        "medium": "paper",
        "source": "",
        "situations": "换领、补领",
        "note": "",
    },
]


def guide_body(**changes):
    body = {
        "@type": "Guide",
        "id": "id-card",
        "title": "居民身份证申领",
        "service_code": "11440300007542526Q4442111001",
        "service_kind": "confirmation",
        "situations": SITUATIONS,
        "materials": MATERIALS,
        "process_steps": ["申请", "受理", "审核", "制证", "领证"],
        "statutory_limit": 60,
        "promised_limit": 20,
        "fees": "首次申领不收费",
        "online_depth": 3,
        "visits": 1,
        "postal_delivery": True,
        "audience": ["person"],
        "audience_tags": ["newborn_parents", "students"],
        "next_review": "2027-06-30",
        "faqs": [
            {"question": "可以异地办理吗？", "answer": "可以，在全国任一受理点。"}
        ],
    }
    body.update(changes)
    return body


def post_guide(rest, container="zh-cn/gaj", **changes):
    return rest.post(container, json=guide_body(**changes))


def test_guide_schema_lists_its_fields_and_materials_as_objects(rest):
    schema = rest.get("@types/Guide").json()
    fields = schema["properties"]
    for name in (
        "service_code",
        "service_kind",
        "situations",
        "materials",
        "faqs",
        "statutory_limit",
        "online_depth",
        "department",
        "audience",
        "audience_tags",
        "next_review",
    ):
        assert name in fields, name
    assert "service_code" in schema["required"]
    materials = fields["materials"]
    assert materials["type"] == "array"
    row = materials["items"]
    assert row["type"] in ("object", "dict")
    assert {"name", "form", "count", "medium", "source", "situations", "note"} <= set(
        row["properties"]
    )
    # read-only: filled by the guide's own logic, never by an editor or a client
    assert "revision" not in fields


def test_post_creates_a_guide_with_its_situations_and_materials(rest):
    guide = created(post_guide(rest))
    assert guide["@id"].endswith("/nanshan/zh-cn/gaj/id-card")
    read = rest.get("zh-cn/gaj/id-card").json()
    assert read["situations"] == SITUATIONS
    assert read["situation_dimensions"] == [
        {"title": "申领类型", "options": ["首次申领", "换领", "补领"]},
        {"title": "户籍", "options": ["本市户籍", "非本市户籍"]},
    ]
    assert [m["name"] for m in read["materials"]] == ["居民户口簿", "原居民身份证"]
    assert read["materials"][1]["situations"] == "换领、补领"
    assert read["faqs"][0]["question"] == "可以异地办理吗？"
    assert read["department"]["token"] == "gaj"
    assert read["service_kind"] == {"token": "confirmation", "title": "行政确认"}
    assert {t["token"] for t in read["audience_tags"]} == {
        "newborn_parents",
        "students",
    }
    assert read["next_review"] == "2027-06-30"
    assert isinstance(read["revision"], int)


def test_patch_edits_materials_checked_against_the_stored_situations(rest):
    created(post_guide(rest))
    more = MATERIALS + [
        {"name": "代办人身份证", "form": "copy", "count": 2, "medium": "paper"}
    ]
    more[-1]["situations"] = "补领"
    response = rest.patch("zh-cn/gaj/id-card", json={"materials": more})
    assert response.status_code == 204, response.text
    read = rest.get("zh-cn/gaj/id-card").json()
    assert read["materials"][-1]["name"] == "代办人身份证"
    assert read["materials"][-1]["count"] == 2
    assert read["materials"][-1]["form"] == "copy"


def test_guides_are_listed_by_search_on_portal_type(rest):
    created(post_guide(rest))
    created(post_guide(rest, id="passport", title="普通护照签发", service_code="X1"))
    found = rest.get(
        "@search", params={"portal_type": "Guide", "metadata_fields": "service_code"}
    ).json()
    items = {item["@id"].rsplit("/", 1)[1]: item for item in found["items"]}
    assert set(items) == {"id-card", "passport"}
    assert items["passport"]["service_code"] == "X1"
    by_department = rest.get(
        "@search", params={"portal_type": "Guide", "department": "gaj"}
    ).json()
    assert by_department["items_total"] == 2


def test_material_naming_an_unknown_situation_is_refused(rest):
    bad = [dict(MATERIALS[0], situations="首次申领、遗失补办")]
    response = post_guide(rest, materials=bad)
    text = messages(response)
    assert "居民户口簿" in text
    assert "遗失补办" in text
    assert rest.get("zh-cn/gaj/id-card").status_code == 404


def test_patch_removing_a_situation_still_named_by_a_material_is_refused(rest):
    created(post_guide(rest))
    response = rest.patch(
        "zh-cn/gaj/id-card", json={"situations": ["申领类型：首次申领 / 补领"]}
    )
    assert "换领" in messages(response)
    assert rest.get("zh-cn/gaj/id-card").json()["situations"] == SITUATIONS


def test_situations_that_are_no_dimension_lines_are_refused_clearly(rest):
    response = post_guide(rest, situations=["首次申领", "换领"], materials=[])
    text = messages(response)
    assert "首次申领" in text
    # how to write it, in the language of the answer
    assert "户籍：本市户籍 / 非本市户籍" in text or "Household: Shenzhen" in text
    assert rest.get("zh-cn/gaj/id-card").status_code == 404
    created(post_guide(rest))
    both = ["户籍：本市户籍 / 非本市户籍", "类型：本市户籍 / 首次申领"]
    response = rest.patch("zh-cn/gaj/id-card", json={"situations": both})
    assert "本市户籍" in messages(response)
    assert rest.get("zh-cn/gaj/id-card").json()["situations"] == SITUATIONS


def test_guide_without_service_code_is_refused(rest):
    body = guide_body()
    del body["service_code"]
    response = rest.post("zh-cn/gaj", json=body)
    assert "service_code" in messages(response)


def test_guide_with_an_unknown_department_or_kind_is_refused(rest):
    assert messages(post_guide(rest, department="nosuch"))
    assert messages(post_guide(rest, service_kind="nosuch"))
    assert messages(post_guide(rest, materials=[{"name": "x", "form": "scan"}]))


def test_anonymous_cannot_create_a_guide(anonymous):
    response = post_guide(anonymous)
    assert response.status_code == 401


def test_guide_is_not_addable_outside_a_department(rest):
    response = post_guide(rest, container="zh-cn")
    assert response.status_code in (400, 403), response.text


def test_guide_is_translated_into_english_under_the_translated_department(rest):
    chinese = created(post_guide(rest))
    police = rest.get("zh-cn/gaj").json()
    created(
        rest.post(
            "en",
            json={
                "@type": "Department",
                "id": "gaj",
                "title": "Public Security Sub-bureau",
                "short_name": "Police",
                "kind": "vertical",
                "language": "en",
                "translation_of": police["UID"],
            },
        )
    )
    english = created(
        rest.post(
            "en/gaj",
            json=guide_body(
                id="id-card",
                title="Resident identity card",
                situations=["Application: first application / replacement"],
                materials=[],
                language="en",
                translation_of=chinese["UID"],
            ),
        )
    )
    translations = rest.get("zh-cn/gaj/id-card/@translations").json()
    assert [t["language"] for t in translations["items"]] == ["en"]
    assert translations["items"][0]["@id"] == english["@id"]
    read = rest.get("en/gaj/id-card").json()
    assert read["department"]["token"] == "gaj"
    assert read["department"]["title"] == "Public Security Sub-bureau"
    # term titles follow the language of the content
    assert read["service_kind"]["title"] == "Administrative confirmation"
    assert read["audience"] == [{"token": "person", "title": "Individuals"}]
