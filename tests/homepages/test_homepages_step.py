"""The setup step zhengwu.homepages on the Nanshan site of the test layer."""

import dataclasses
from pathlib import Path

import pytest
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from zope.component import getUtility

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile

PROFILES = Path(__file__).resolve().parents[2] / "profiles"


@pytest.fixture
def step():
    return getUtility(IDistrictSetupStep, name="zhengwu.homepages")


@pytest.fixture
def manager(district):
    """Act as a Manager, as `make start` and the upgrade run the step."""
    with api.env.adopt_roles(["Manager"]):
        yield district


@pytest.fixture
def profile():
    return load_district_profile(PROFILES / "nanshan")


def homepages(root):
    return {
        item.getId(): item.role
        for item in root.objectValues()
        if item.portal_type == "Homepage"
    }


def test_step_is_light_and_runs_after_search_curation(step):
    assert step.order == 80
    assert step.heavy is False


def test_site_has_four_chinese_homepages_and_one_english(district):
    assert homepages(district["zh-cn"]) == {
        "home": "classic",
        "resident": "resident",
        "enterprise": "enterprise",
        "tourist": "tourist",
    }
    assert homepages(district["en"]) == {"home": "classic"}
    for root, title in ((district["zh-cn"], "首页"), (district["en"], "Home")):
        assert root.getDefaultPage() == "home"
        home = root["home"]
        assert home.Title() == title
        assert api.content.get_state(home) == "published"
        assert home.exclude_from_nav is True
        assert home.Language() == root.Language()
    assert district["zh-cn"]["tourist"].Title() == "游客服务"


def test_chinese_and_english_classic_homepages_are_translations(district):
    manager = ITranslationManager(district["zh-cn"]["home"])
    assert manager.get_translation("en") == district["en"]["home"]


def test_queries_stay_within_their_language_root(district):
    resident = district["zh-cn"]["resident"]
    assert {"i": "audience", "o": resident.services_query[0]["o"], "v": ["person"]} in (
        resident.services_query
    )
    assert resident.services_query[-1]["v"] == ".."
    assert resident.services_limit == 8


def test_running_again_creates_nothing_and_keeps_editors_changes(
    district, manager, step, profile
):
    resident = district["zh-cn"]["resident"]
    resident.title = "居民办事"
    resident.services_limit = 3
    resident.news_query = []
    api.content.transition(resident, to_state="private")
    district["zh-cn"].setDefaultPage("resident")
    step(district, profile)
    assert len(homepages(district["zh-cn"])) == 4
    assert resident.Title() == "居民办事"
    assert resident.services_limit == 3
    assert resident.news_query == []
    assert api.content.get_state(resident) == "private"
    assert district["zh-cn"].getDefaultPage() == "resident"


def test_a_deleted_homepage_is_made_again(district, manager, step, profile):
    api.content.delete(district["zh-cn"]["tourist"])
    step(district, profile)
    assert district["zh-cn"]["tourist"].role == "tourist"


def test_a_bad_file_is_refused_and_nothing_is_made(
    district, manager, step, profile, tmp_path
):
    for name in ("district.toml", "departments.tsv"):
        (tmp_path / name).write_bytes((PROFILES / "nanshan" / name).read_bytes())
    text = (PROFILES / "nanshan" / "homepages.toml").read_text(encoding="utf-8")
    bad = text.replace('role = "tourist"', 'role = "visitor"')
    (tmp_path / "homepages.toml").write_text(bad, encoding="utf-8")
    for item in ("resident", "tourist"):
        api.content.delete(district["zh-cn"][item])
    with pytest.raises(ProfileError, match=r"homepages.toml, homepage #4: role"):
        step(district, dataclasses.replace(profile, directory=tmp_path))
    assert "resident" not in district["zh-cn"]  # the good entry #2 was not made


def test_a_profile_without_homepages_is_left_alone(district, step, profile, tmp_path):
    step(district, dataclasses.replace(profile, directory=tmp_path))
    assert len(homepages(district["zh-cn"])) == 4


def test_homepages_go_in_language_roots_only(district, manager):
    types = api.portal.get_tool("portal_types")
    assert types["Homepage"].global_allow is False
    root_types = [fti.getId() for fti in district["zh-cn"].allowedContentTypes()]
    assert "Homepage" in root_types
    department_types = [
        fti.getId() for fti in district["zh-cn"]["gaj"].allowedContentTypes()
    ]
    assert "Homepage" not in department_types


def test_site_administrators_add_homepages_department_editors_do_not(district):
    root = district["zh-cn"]
    permission = "zhengwu: Add Homepage"
    with api.env.adopt_roles(["Site Administrator"]):
        assert api.user.has_permission(permission, obj=root)
    with api.env.adopt_roles(["Editor", "Contributor"]):
        assert not api.user.has_permission(permission, obj=root)
