"""Upgrade 1009: a guide's flat situations become dimensions (issue 16)."""

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from zhengwu.content.situations import parse_dimensions
from zhengwu.upgrades.v1009_situation_dimensions import upgrade

FLAT = ["首次申领", "补领", "非本市户籍", "本市户籍", "加急办理"]
MATERIALS = [
    {"name": "居民户口簿", "situations": "首次申领、本市户籍"},
    {"name": "居住证", "situations": "非本市户籍"},
    {"name": "加急申请表", "situations": "加急办理"},
    {"name": "照片", "situations": ""},
]


@pytest.fixture
def flat_guide(district):
    """A guide as a site made before 1009 has it: situations ticked together."""
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        guide = api.content.create(
            container=district["zh-cn"]["gaj"],
            type="Guide",
            id="flat-card",
            title="旧指南",
            service_code="X-1",
            situations=list(FLAT),
            materials=[dict(row) for row in MATERIALS],
        )
    yield guide
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.delete(guide)


def test_a_flat_guide_gets_dimensions_and_loses_no_situation(district, flat_guide):
    upgrade(district.portal_setup)
    dimensions = parse_dimensions(flat_guide.situations)  # valid for the edit form
    assert [(d.title, d.options) for d in dimensions] == [
        ("申领类型", ("首次申领", "补领")),  # as the demo guides group them
        ("户籍", ("非本市户籍", "本市户籍")),
        ("情形", ("加急办理",)),  # unknown to the demo guides: kept, on its own
    ]
    assert flat_guide.situations[1] == "户籍：非本市户籍 / 本市户籍"
    assert flat_guide.materials == MATERIALS  # they name the same options


def test_an_english_guide_gets_english_names_and_clean_options(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        guide = api.content.create(
            container=district["zh-cn"]["gaj"],
            type="Guide",
            id="flat-en",
            title="Old guide",
            service_code="X-2",
            language="en",
            situations=["first application", "Hong Kong/Macao/Taiwan resident"],
            materials=[
                {"name": "Pass", "situations": "Hong Kong/Macao/Taiwan resident"}
            ],
        )
        guide.language = "en"  # in the Chinese department for the test's sake
    try:
        upgrade(district.portal_setup)
        assert guide.situations == [
            "Application: first application",
            "Situation: Hong Kong-Macao-Taiwan resident",
        ]
        assert guide.materials[0]["situations"] == "Hong Kong-Macao-Taiwan resident"
        parse_dimensions(guide.situations)
    finally:
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            api.content.delete(guide)


def test_converting_does_not_count_as_a_change_citizens_act_on(district, flat_guide):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        notify(ObjectModifiedEvent(flat_guide))  # the fingerprint of the flat list
        revision = flat_guide.revision
        upgrade(district.portal_setup)
        notify(ObjectModifiedEvent(flat_guide))
    assert flat_guide.revision == revision


def test_guides_already_in_dimensions_are_left_alone(district, flat_guide, caplog):
    caplog.set_level("INFO", logger="zhengwu.upgrades.v1009_situation_dimensions")
    upgrade(district.portal_setup)
    assert "the situations of 1 guides made dimensions" in caplog.text
    before = list(flat_guide.situations)
    upgrade(district.portal_setup)  # run twice: nothing more to do
    assert flat_guide.situations == before
    assert "the situations of 0 guides made dimensions" in caplog.text


def test_the_picker_reads_a_flat_guide_before_the_upgrade(district, flat_guide):
    flat_guide.REQUEST.form["situation"] = "加急办理"
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        view = flat_guide.restrictedTraverse("@@view")
        view()
    assert view.chosen == ["加急办理"]
    assert [row["name"] for row in view.chosen_materials()] == ["加急申请表", "照片"]
