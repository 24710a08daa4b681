"""The English demo content: every English subsection of both districts has
something to read, and the English homepage's news and policy blocks are filled."""

import datetime
import shutil

import pytest
from layers import PROFILES
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import setSite

from zhengwu.english.listing import listing_of
from zhengwu.english.sections import load_sections
from zhengwu.homepages import modules
from zhengwu.importers.demo_dates import SHIFT_KEY
from zhengwu.importers.demo_dates import read_as_of
from zhengwu.importers.demo_english import read_english
from zhengwu.sites.profile import ProfileError

DISTRICTS = ("nanshan", "yantian")
CJK = ("\u4e00", "\u9fff")


def _sections(district):
    return [
        (top, sub)
        for top in load_sections(PROFILES / district / "english-sections.tsv")
        for sub in top.subsections
    ]


@pytest.mark.parametrize("district", DISTRICTS)
def test_every_subsection_without_a_listing_rule_has_english_pages(district):
    english = read_english(PROFILES, district)
    covered = {item["section"] for item in english["page"]}
    empty = [f"{t.id}/{s.id}" for t, s in _sections(district) if not s.listing]
    assert empty
    assert [path for path in empty if path not in covered] == []


@pytest.mark.parametrize("district", DISTRICTS)
def test_the_english_files_are_english_and_dated_before_the_demo_day(district):
    english = read_english(PROFILES, district)
    as_of = read_as_of(PROFILES)
    items = english["page"] + english["interpretation"]
    assert sum(item["section"] == "news/latest" for item in english["page"]) >= 4
    assert len(english["interpretation"]) >= 2
    for item in items:
        text = item["title"] + item["description"] + item["text"]
        assert not any(CJK[0] <= char <= CJK[1] for char in text), item["id"]
        assert item["date"] <= as_of, item["id"]


def test_a_page_in_an_unknown_section_names_file_and_entry(tmp_path):
    profiles = tmp_path / "profiles"
    shutil.copytree(PROFILES, profiles)
    path = profiles / "nanshan" / "content" / "english.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('section = "interaction/contact"', 'section = "interaction/x"'),
        encoding="utf-8",
    )
    with pytest.raises(ProfileError, match=r"english.toml, entry 'contact-us'"):
        read_english(profiles, "nanshan")


@pytest.fixture
def site_of(demo):
    app = demo["app"]
    login(app, SITE_OWNER_NAME)

    def site_of(district):
        site = app[district]
        setSite(site)
        return site

    yield site_of
    setSite(demo["portal"])


class TestEnglishDemoContent:
    """On the sites of the demo corpus layer (set up once for the class)."""

    @pytest.mark.parametrize("district", DISTRICTS)
    def test_no_english_subsection_is_left_empty(self, site_of, district):
        site = site_of(district)
        empty = []
        for top, sub in _sections(district):
            section = site["en"][top.id][sub.id]
            if not section.objectIds() and not listing_of(section):
                empty.append(f"{top.id}/{sub.id}")
        assert empty == []

    @pytest.mark.parametrize("district", DISTRICTS)
    def test_english_items_are_published_english_and_moved_with_the_demo(
        self, site_of, district
    ):
        site = site_of(district)
        latest = site["en"]["news"]["latest"]
        items = [latest[i] for i in latest.objectIds()]
        assert len(items) >= 4
        shift = datetime.timedelta(days=IAnnotations(site)[SHIFT_KEY])
        first = read_english(PROFILES, district)["page"]
        dates = {item["id"]: item["date"] for item in first}
        for item in items:
            assert item.portal_type == "News Item"
            assert item.Language() == "en"
            assert site.portal_workflow.getInfoFor(item, "review_state") == (
                "published"
            )
            assert item.effective().asdatetime().date() == dates[item.getId()] + shift

    @pytest.mark.parametrize("district", DISTRICTS)
    def test_the_english_homepage_lists_news_and_interpretations(
        self, site_of, district
    ):
        site = site_of(district)
        homepage = site["en"]["home"]
        news = modules.news(homepage)
        interpretations = modules.interpretations(homepage)
        assert len(news) >= 4
        assert len(interpretations) >= 2
        for brain in news + interpretations:
            assert brain.getPath().startswith(f"/{district}/en/")
            assert brain.Language == "en"
