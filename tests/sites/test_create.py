"""A district site is created from its profile: title, languages, departments, Solr."""

import dataclasses

from Acquisition import aq_base
from layers import PROFILES
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.sites.create import HEAVY
from zhengwu.sites.create import create_district_site
from zhengwu.sites.profile import Department
from zhengwu.sites.profile import load_district_profile


def test_site_title_and_description_come_from_the_profile(district):
    assert district.title == "深圳市南山区人民政府"
    assert district.description == "深圳市南山区人民政府门户网站"


def test_site_speaks_simplified_chinese_first_and_english_second(district):
    registry = getUtility(IRegistry, context=district)
    assert registry["plone.default_language"] == "zh-cn"
    assert registry["plone.available_languages"] == ["zh-cn", "en"]
    assert district["zh-cn"].portal_type == "LRF"
    assert district["en"].portal_type == "LRF"
    assert api.content.get_state(district["en"]) == "published"
    assert district["zh-cn"].title == "深圳市南山区人民政府"
    assert district["en"].title == "Shenzhen Nanshan District Government"


def test_every_department_of_the_profile_is_a_folder_under_the_chinese_root(district):
    root = district["zh-cn"]
    profile = load_district_profile(PROFILES / "nanshan")
    for department in profile.departments:
        folder = root[department.id]
        assert folder.portal_type == "Department"
        assert folder.title == department.name_zh
        assert folder.short_name == department.short_zh
        assert folder.kind == department.kind
        assert folder.Language() == "zh-cn"
        assert api.content.get_state(folder) == "published"
    assert "gaj" not in district["en"].objectIds()


def test_anonymous_sees_the_departments_in_the_catalog(district):
    catalog = district.portal_catalog
    with api.env.adopt_roles(["Anonymous"]):
        found = catalog(
            portal_type="Department", path="/".join(district.getPhysicalPath())
        )
    assert len(found) == 32
    assert {"卫健局"} <= {b.getObject().short_name for b in found}


def test_site_uses_its_own_solr_core(district):
    registry = getUtility(IRegistry, context=district)
    assert registry["collective.solr.active"] is True
    assert registry["collective.solr.base"] == "/solr/nanshan"


def test_creating_again_adds_only_departments_new_in_the_profile(district, app):
    profile = load_district_profile(PROFILES / "nanshan")
    extra = Department(
        "xzfw", "南山区行政服务大厅", "服务大厅", "Service Hall", "department"
    )
    grown = dataclasses.replace(profile, departments=profile.departments + (extra,))
    before = district["zh-cn"]["wjj"]
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        site = create_district_site(app, grown, solr=False, skip=HEAVY)
    assert aq_base(site) is aq_base(district)
    assert aq_base(site["zh-cn"]["wjj"]) is aq_base(before)
    assert site["zh-cn"]["xzfw"].short_name == "服务大厅"
