"""Each district ships a starter synonym list and best bets, loaded by an idempotent
setup step; best bets whose page is not there yet are skipped with a log line."""

import logging

import pytest
from curation_fixtures import solr_synonyms
from layers import PROFILES
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.search.curation import storage
from zhengwu.search.curation.setup_step import CurationStep
from zhengwu.search.curation.solr_sync import synonym_map
from zhengwu.search.curation.starter import load_starter
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile


@pytest.mark.parametrize("district_id", ["nanshan", "yantian"])
def test_each_district_ships_at_least_15_synonym_groups(district_id):
    starter = load_starter(PROFILES / district_id / "search.toml")
    assert len(starter.groups) >= 15
    assert ("低保", "最低生活保障") in starter.groups
    assert ("暂住证", "居住证") in starter.groups
    assert starter.best_bets


def test_a_term_in_two_starter_groups_names_the_entry(tmp_path):
    path = tmp_path / "search.toml"
    path.write_text(
        '[[synonyms]]\nterms = ["户口", "户籍"]\n'
        '[[synonyms]]\nterms = ["户籍", "落户"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ProfileError, match="synonyms #2"):
        load_starter(path)


def test_a_best_bet_without_path_names_the_entry(tmp_path):
    path = tmp_path / "search.toml"
    path.write_text('[[best_bets]]\nquery = "身份证"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="best_bets #1, path"):
        load_starter(path)


def test_the_new_site_sent_its_starter_synonyms_to_its_solr_core(district, solr_server):
    groups = storage.synonym_groups(district)
    managed = solr_synonyms(solr_server.port)
    assert managed == synonym_map(groups)
    assert managed["低保"] == ["低保", "最低生活保障"]


def test_the_step_pins_present_pages_skips_missing_ones_and_is_idempotent(
    district, caplog
):
    profile = load_district_profile(PROFILES / "nanshan")
    assert storage.best_bets_for(district, "身份证") == []  # no demo corpus in tests
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        guide = api.content.create(
            container=district["zh-cn"]["gaj"],
            type="Guide",
            id="id-card",
            title="居民身份证申领",
            service_code="11440305MB2C12345X4000000002",
        )
        api.content.transition(guide, to_state="published")
    groups = storage.synonym_groups(district)

    with caplog.at_level(logging.INFO, logger="zhengwu.search.curation.setup_step"):
        CurationStep()(district, profile)

    assert storage.best_bets_for(district, "身份证") == [guide.UID()]
    assert storage.best_bets_for(district, "公积金") == []
    assert "zjj/housing-fund-withdrawal" in caplog.text
    pinned = storage.best_bet(district, "身份证")

    CurationStep()(district, profile)

    assert storage.best_bet(district, "身份证") == pinned
    assert storage.synonym_groups(district) == groups


def test_the_step_keeps_what_editors_changed(district):
    profile = load_district_profile(PROFILES / "nanshan")
    storage.remove_synonym_group(district, "暂住证")
    storage.replace_synonym_group(district, "户口", ["户口", "户籍", "户口本"])
    storage.set_best_bet(district, "身份证", ["c" * 32], "editor")

    CurationStep()(district, profile)

    groups = storage.synonym_groups(district)
    assert ["户口", "户籍", "户口本"] in groups
    assert ["户口", "户籍"] not in groups
    assert not any("暂住证" in group for group in groups)
    assert storage.best_bets_for(district, "身份证") == ["c" * 32]
