"""The content types exist, nest where the content model says, and carry its fields."""

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.i18n import translate
from zope.interface import Invalid

from zhengwu.content.guide import IGuide
from zhengwu.content.guide_rows import check_material_situations

ZHENGWU_TYPES = (
    "Guide",
    "Strategy",
    "DisclosureRecord",
    "PolicyInterpretation",
    "EncyclopediaEntry",
)


@pytest.fixture
def owner(district):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        yield district


@pytest.mark.parametrize("portal_type", ZHENGWU_TYPES)
def test_zhengwu_type_is_addable_in_a_department_only(owner, portal_type):
    department = owner["zh-cn"]["gaj"]
    allowed_in_department = {t.getId() for t in department.allowedContentTypes()}
    allowed_in_root = {t.getId() for t in owner["zh-cn"].allowedContentTypes()}
    assert portal_type in allowed_in_department
    assert portal_type not in allowed_in_root


def test_department_is_addable_in_the_language_root_and_holds_plone_types(owner):
    allowed_in_root = {t.getId() for t in owner["zh-cn"].allowedContentTypes()}
    allowed = {t.getId() for t in owner["zh-cn"]["gaj"].allowedContentTypes()}
    assert "Department" in allowed_in_root
    assert {"News Item", "Document", "Folder", "File", "Image", "PowerItem"} <= allowed
    assert "Department" not in allowed


def test_disclosure_record_holds_its_attachments_as_files(owner):
    record = api.content.create(
        container=owner["zh-cn"]["czj"],
        type="DisclosureRecord",
        id="budget-2026",
        title="2026年部门预算",
        topic_category="budget",
        genre="report",
    )
    assert [t.getId() for t in record.allowedContentTypes()] == ["File"]


def test_guide_created_in_a_department_belongs_to_it(owner):
    guide = api.content.create(
        container=owner["zh-cn"]["gaj"],
        type="Guide",
        id="id-card",
        title="居民身份证申领",
        service_code="11440300007542526Q4442111001",
    )
    assert guide.department == "gaj"
    assert isinstance(guide.revision, int)
    assert IGuide["revision"].readonly


def test_department_keeps_the_columns_of_the_profile(district):
    police = district["zh-cn"]["gaj"]
    assert len(police.org_code) == 18
    assert police.org_code.startswith("11440305")
    assert police.address.startswith("深圳市南山区")
    assert police.phones and all(p.startswith("0755-") for p in police.phones)
    assert police.leader and police.hours and police.duties


def test_material_naming_an_unknown_situation_is_invalid():
    materials = [{"name": "居民户口簿", "situations": "首次申领、换领"}]
    check_material_situations(["首次申领", "换领"], materials)
    with pytest.raises(Invalid) as raised:
        check_material_situations(
            ["首次申领"], [{"name": "户口簿", "situations": "补领"}]
        )
    message = translate(raised.value.args[0])
    assert "'户口簿'" in message
    assert "'补领'" in message


def test_material_without_situations_is_needed_in_every_situation():
    check_material_situations([], [{"name": "身份证", "situations": ""}])
