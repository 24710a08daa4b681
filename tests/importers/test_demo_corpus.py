"""The demo corpus of both district sites, loaded from profiles/*/content/."""

import datetime
from collections import Counter

import pytest
from demo_questions_checks import DemoQuestionsChecks
from layers import PROFILES
from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite

from zhengwu.content.guide_rows import situation_names
from zhengwu.content.situations import all_options
from zhengwu.content.situations import parse_dimensions
from zhengwu.importers.setup_step import load_demo_corpus
from zhengwu.sites.profile import load_district_profile
from zhengwu.sites.services import offered_by
from zhengwu.sites.services import read_services

SERVICES = read_services(PROFILES / "common" / "content" / "services.tsv")


@pytest.fixture
def site_of(demo):
    """A function giving a district site with its corpus, as the current site."""
    app = demo["app"]
    login(app, SITE_OWNER_NAME)

    def site_of(district):
        site = app[district]
        setSite(site)
        return site

    yield site_of
    setSite(demo["portal"])


def _budget_ids(site):
    """The finance bureau's budget records, oldest first (ids carry the year)."""
    ids = site["zh-cn"]["czj"].objectIds()
    return sorted(i for i in ids if i.startswith("budget-"))


def _brains(site, portal_type, **query):
    path = "/".join(site.getPhysicalPath())
    return api.content.find(context=site, portal_type=portal_type, path=path, **query)


def test_every_service_is_offered_by_at_least_one_district():
    districts = {"nanshan", "yantian"}
    for service_id, service in SERVICES.items():
        assert any(offered_by(service, d) for d in districts), service_id
    reservations = [s for s in SERVICES.values() if s["districts"] == "yantian"]
    assert {s["id"] for s in reservations} >= {"dameisha-reservation"}


class TestDemoCorpus(DemoQuestionsChecks):
    """One class: the corpus layer is set up once for all of them."""

    @pytest.mark.parametrize("district", ["nanshan", "yantian"])
    def test_every_service_offered_by_the_district_is_a_guide_in_both_languages(
        self, site_of, district
    ):
        site = site_of(district)
        for service_id, service in SERVICES.items():
            zh = site["zh-cn"][service["department"]].get(service_id)
            en = site["en"][service["department"]].get(service_id)
            if not offered_by(service, district):
                assert zh is None and en is None, service_id
                continue
            assert zh is not None and zh.portal_type == "Guide", service_id
            assert zh.title == service["title_zh"]
            assert en is not None and en.portal_type == "Guide", service_id
            assert en.Language() == "en" and zh.Language() == "zh-cn"
            assert ITranslationManager(zh).get_translation("en") == en
            assert en.title and en.title != zh.title

    def test_english_departments_are_translations_of_the_chinese_ones(self, site_of):
        site = site_of("yantian")
        zh = site["zh-cn"]["gaj"]
        en = site["en"]["gaj"]
        assert en.portal_type == "Department"
        assert en.title == "Public Security Sub-bureau"
        assert ITranslationManager(zh).get_translation("en") == en

    @pytest.mark.parametrize("district", ["nanshan", "yantian"])
    def test_guides_have_situations_and_materials_that_name_only_known_situations(
        self, site_of, district
    ):
        site = site_of(district)
        for brain in _brains(site, "Guide"):
            guide = brain.getObject()
            assert guide.situations and guide.materials, guide.absolute_url()
            options = all_options(parse_dimensions(guide.situations))
            for row in guide.materials:
                assert row["form"] in ("original", "copy", "original_and_copy")
                assert row["medium"] in ("paper", "electronic", "either")
                assert row["count"] >= 1
                for name in situation_names(row["situations"]):
                    assert not name or name in options, (guide.getId(), name)
            assert guide.windows and guide.office_hours and guide.enquiry_phone

    @pytest.mark.parametrize("district", ["nanshan", "yantian"])
    def test_service_codes_are_unique_and_start_with_the_department_code(
        self, site_of, district
    ):
        site = site_of(district)
        guides = [b.getObject() for b in _brains(site, "Guide", Language="zh-cn")]
        codes = Counter(guide.service_code for guide in guides)
        assert len(codes) == len(guides) and max(codes.values()) == 1
        id_card = site["zh-cn"]["gaj"]["id-card"]
        assert id_card.service_code == f"{site['zh-cn']['gaj'].org_code}-QR-0101"

    def test_windows_and_phones_differ_between_the_districts(self, site_of):
        nanshan = site_of("nanshan")["zh-cn"]["gaj"]["id-card"]
        yantian = site_of("yantian")["zh-cn"]["gaj"]["id-card"]
        assert "南山" in nanshan.windows and "盐田" in yantian.windows
        assert nanshan.enquiry_phone != yantian.enquiry_phone
        assert nanshan.legal_basis == yantian.legal_basis

    def test_guides_done_online_link_to_the_online_hall(self, site_of):
        for district in ("nanshan", "yantian"):
            guides = [b.getObject() for b in _brains(site_of(district), "Guide")]
            online = [g for g in guides if (g.online_depth or 0) >= 3]
            in_person = [g for g in guides if (g.online_depth or 0) < 3]
            assert online and all(g.online_url.startswith("https://") for g in online)
            assert all(not g.online_url for g in in_person)

    @pytest.mark.parametrize("district", ["nanshan", "yantian"])
    def test_at_least_200_disclosure_records_with_unique_index_numbers(
        self, site_of, district
    ):
        site = site_of(district)
        records = [b.getObject() for b in _brains(site, "DisclosureRecord")]
        assert len(records) >= 200
        numbers = [record.index_number for record in records]
        assert all(numbers) and len(set(numbers)) == len(numbers)
        assert len({r.aq_parent.getId() for r in records}) >= 15
        assert len({r.topic_category for r in records}) >= 10
        years = {r.written_date.year for r in records}
        assert len(years) >= 3 and max(years) - min(years) <= 3
        newest = max(r.written_date for r in records)
        assert 0 <= (datetime.date.today() - newest).days <= 70  # dated as loaded
        assert {r.validity for r in records} == {"valid", "invalid"}
        assert {r.disclosure_mode for r in records} == {"proactive", "on_request"}
        prefix = "深南" if district == "nanshan" else "深盐"
        numbered = [r.document_number for r in records if r.document_number]
        assert numbered and all(n.startswith(prefix) for n in numbered)
        assert len(set(numbered)) == len(numbered)

    def test_some_records_have_attachments_and_interpretations(self, site_of):
        site = site_of("nanshan")
        record = site["zh-cn"]["czj"][_budget_ids(site)[-2]]
        attachment = record["attachment-1"]
        assert attachment.portal_type == "File"
        assert attachment.file.filename.endswith(".xlsx")
        assert attachment.file.getSize() > 1000
        # The Chinese ones, made with their records (the English demo
        # interpretations explain policies in general: test_demo_english.py).
        interpretations = [
            b.getObject()
            for b in _brains(site, "PolicyInterpretation")
            if "/zh-cn/" in b.getPath()
        ]
        assert len(interpretations) >= 20
        for interpretation in interpretations:
            assert interpretation.interprets.to_object.portal_type == "DisclosureRecord"

    @pytest.mark.parametrize("district,strategies", [("nanshan", 30), ("yantian", 32)])
    def test_strategies_encyclopedia_and_news_counts(
        self, site_of, district, strategies
    ):
        site = site_of(district)
        found = [b.getObject() for b in _brains(site, "Strategy")]
        assert len(found) == strategies
        assert all(s.guide.to_object.portal_type == "Guide" for s in found)
        assert len(_brains(site, "EncyclopediaEntry")) == 30
        assert len(_brains(site, "News Item")) >= 10

    @pytest.mark.parametrize("district", ["nanshan", "yantian"])
    def test_workflow_states_are_spread_but_mostly_published(self, site_of, district):
        site = site_of(district)
        states = Counter(
            b.review_state
            for b in _brains(
                site, ["DisclosureRecord", "Strategy", "EncyclopediaEntry", "News Item"]
            )
        )
        total = sum(states.values())
        assert states["published"] > total * 0.7
        assert len(states) >= 3, states

    def test_loading_twice_creates_nothing(self, site_of):
        site = site_of("nanshan")
        before = len(_brains(site, None))
        profile = load_district_profile(PROFILES / "nanshan")
        counts = load_demo_corpus(site, profile, PROFILES)
        assert set(counts.values()) == {0}
        assert len(_brains(site, None)) == before
