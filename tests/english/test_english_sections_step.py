"""The setup step builds the English sections of /nanshan/en from the profile:
9 top sections, 30 subsections, published, in order, again without harm."""

from dataclasses import replace

import pytest
from layers import PROFILES
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility

from zhengwu.english.sections import TOP_SECTION_IDS
from zhengwu.english.sections import load_sections
from zhengwu.english.setup_step import CREATED_KEY
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile

FRAME = load_sections(PROFILES / "nanshan" / "english-sections.tsv")


@pytest.fixture
def en(district):
    return district["en"]


def run_step(site, profile=None):
    step = getUtility(IDistrictSetupStep, name="zhengwu.english-sections")
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        step(site, profile or load_district_profile(PROFILES / "nanshan"))


def delete(obj):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        api.content.delete(obj)


def test_step_is_light_and_runs_before_the_demo_corpus():
    step = getUtility(IDistrictSetupStep, name="zhengwu.english-sections")
    assert (step.order, step.heavy) == (30, False)


def test_nine_top_sections_in_profile_order_with_titles(en):
    sections = [item for item in en.objectIds() if item in TOP_SECTION_IDS]
    assert sections == list(TOP_SECTION_IDS)
    for top in FRAME:
        folder = en[top.id]
        assert folder.Title() == top.title
        assert folder.Description() == top.description
        assert folder.Language() == "en"
        assert api.content.get_state(folder) == "published"
        assert folder.getLayout() == "english-section"
    assert en["news"].Title() == "Nanshan News"


def test_thirty_subsections_in_profile_order(en):
    count = 0
    for top in FRAME:
        assert list(en[top.id].objectIds()) == [sub.id for sub in top.subsections]
        for sub in top.subsections:
            folder = en[top.id][sub.id]
            assert (folder.portal_type, folder.Title()) == ("Folder", sub.title)
            assert api.content.get_state(folder) == "published"
            count += 1
    assert count == 30
    assert en["highlights"]["shenzhen-bay"].Title() == "Shenzhen Bay"


def test_running_again_changes_nothing_and_keeps_an_editors_changes(district, en):
    en["invest"].setTitle("Investing in Nanshan")
    delete(en["map"]["service-map"])
    before = {top.id: list(en[top.id].objectIds()) for top in FRAME}
    run_step(district)
    assert en["invest"].Title() == "Investing in Nanshan"
    assert "service-map" not in en["map"].objectIds()
    assert {top.id: list(en[top.id].objectIds()) for top in FRAME} == before


def forget(en, top_id):
    """Delete a top section and the step's memory of it: as on a new site."""
    delete(en[top_id])
    made = IAnnotations(en)[CREATED_KEY]
    for path in [path for path in made if path.split("/")[0] == top_id]:
        made.remove(path)


def test_a_bad_file_creates_nothing(district, en, tmp_path):
    profile_dir = tmp_path / "nanshan"
    profile_dir.mkdir()
    for name in ("district.toml", "departments.tsv"):
        (profile_dir / name).write_text(
            (PROFILES / "nanshan" / name).read_text(encoding="utf-8"),
            encoding="utf-8",
        )
    lines = (PROFILES / "nanshan" / "english-sections.tsv").read_text().splitlines()
    lines.append("sports\tSports\t\tgames\tGames\t\t")
    (profile_dir / "english-sections.tsv").write_text("\n".join(lines) + "\n")
    forget(en, "government")
    with pytest.raises(ProfileError, match="'sports' is not a top section"):
        run_step(district, load_district_profile(profile_dir))
    assert "government" not in en.objectIds()
    run_step(district)
    assert len(en["government"].objectIds()) == 4


def test_a_site_without_the_file_or_english_root_is_left_alone(district, en, tmp_path):
    forget(en, "map")
    profile = load_district_profile(PROFILES / "nanshan")
    run_step(district, replace(profile, directory=tmp_path))
    run_step(district, replace(profile, languages=("zh-cn",)))
    assert "map" not in en.objectIds()
