"""Each district ships a starter synonym list (the groups of every district in
profiles/common/search.toml, its own in profiles/<district>/search.toml) and best
bets, loaded by an idempotent setup step; best bets whose page is not there yet are
skipped with a log line."""

import logging
from types import SimpleNamespace

import pytest
from curation_fixtures import solr_synonyms
from layers import PROFILES
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.search.curation import storage
from zhengwu.search.curation.setup_step import CurationStep
from zhengwu.search.curation.solr_sync import synonym_map
from zhengwu.search.curation.starter import load_starter
from zhengwu.search.curation.starter import starter_paths
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile

COMMON = PROFILES / "common" / "search.toml"


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_common_list_has_at_least_300_groups_and_no_best_bets():
    common = load_starter(COMMON)
    assert len(common.groups) >= 300
    assert not common.best_bets
    for group in [
        ("户口本", "户口簿", "居民户口簿"),
        ("暂住证", "居住证"),
        ("驾照", "驾驶证", "机动车驾驶证", "驾驶执照", "驾驶本"),
    ]:
        assert group in common.groups


@pytest.mark.parametrize("district_id", ["nanshan", "yantian"])
def test_each_district_starts_from_the_common_groups_then_its_own(district_id):
    profile = load_district_profile(PROFILES / district_id)
    starter = load_starter(*starter_paths(profile))
    common = load_starter(COMMON)
    assert starter_paths(profile) == (COMMON, PROFILES / district_id / "search.toml")
    assert starter.groups[: len(common.groups)] == common.groups
    assert len(starter.groups) > len(common.groups)
    assert ("低保", "最低生活保障", "低保金") in starter.groups
    assert ("身份证", ("gaj/id-card",)) in starter.best_bets


def test_a_district_without_a_file_of_its_own_gets_the_common_groups(tmp_path):
    common = _write(
        tmp_path / "common" / "search.toml", '[[synonyms]]\nterms = ["户口", "户籍"]\n'
    )
    (tmp_path / "district").mkdir()
    profile = SimpleNamespace(
        directory=tmp_path / "district", common_directory=tmp_path / "common"
    )
    assert starter_paths(profile) == (common,)
    assert load_starter(*starter_paths(profile)).groups == (("户口", "户籍"),)


def test_a_term_in_two_starter_groups_names_the_entry(tmp_path):
    path = _write(
        tmp_path / "search.toml",
        '[[synonyms]]\nterms = ["户口", "户籍"]\n'
        '[[synonyms]]\nterms = ["户籍", "落户"]\n',
    )
    with pytest.raises(ProfileError, match="synonyms #2"):
        load_starter(path)


def test_a_group_the_curation_would_refuse_names_the_entry_and_why(tmp_path):
    path = _write(
        tmp_path / "search.toml",
        '[[synonyms]]\nterms = ["户口", "户籍"]\n'
        f'[[synonyms]]\nterms = ["x", "{"y" * 41}"]\n',
    )
    with pytest.raises(ProfileError) as refused:
        load_starter(path)
    assert str(refused.value) == (
        f"{path}, synonyms #2: A term has at most 40 characters: {'y' * 41}"
    )


def test_a_term_of_the_common_list_in_a_districts_group_names_both_places(tmp_path):
    common = _write(
        tmp_path / "common.toml",
        '[[synonyms]]\nterms = ["户口", "户籍"]\n'
        '[[synonyms]]\nterms = ["ＳＣ证", "食品生产许可证"]\n',
    )
    district = _write(
        tmp_path / "district.toml",
        '[[synonyms]]\nterms = ["大梅沙", "大梅沙海滨公园"]\n'
        '[[synonyms]]\nterms = ["sc证", "食品生产许可"]\n',
    )
    with pytest.raises(ProfileError) as refused:
        load_starter(common, district)
    message = str(refused.value)
    assert message.startswith(f"{district}, synonyms #2: ")
    assert f"'sc证' is already in {common}, synonyms #2" in message


def test_a_query_with_two_best_bets_names_both_places(tmp_path):
    common = _write(
        tmp_path / "common.toml", '[[best_bets]]\nquery = "身份证"\npath = "a/b"\n'
    )
    district = _write(
        tmp_path / "district.toml", '[[best_bets]]\nquery = " 身份证"\npath = "c/d"\n'
    )
    with pytest.raises(ProfileError) as refused:
        load_starter(common, district)
    assert str(refused.value) == (
        f"{district}, best_bets #1: the query '身份证' is already in "
        f"{common}, best_bets #1."
    )


def test_a_best_bet_without_path_names_the_entry(tmp_path):
    path = tmp_path / "search.toml"
    path.write_text('[[best_bets]]\nquery = "身份证"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="best_bets #1, path"):
        load_starter(path)


def test_the_new_site_sent_its_starter_synonyms_to_its_solr_core(district, solr_server):
    groups = storage.synonym_groups(district)
    assert len(groups) >= 300
    managed = solr_synonyms(solr_server.port)
    assert managed == synonym_map(groups)
    assert managed["低保"] == ["低保", "低保金", "最低生活保障"]
    assert managed["注册公司"] == managed["企业设立登记"]


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
    storage.replace_synonym_group(district, "户口", ["户口", "户籍", "户籍登记"])
    storage.set_best_bet(district, "身份证", ["c" * 32], "editor")

    CurationStep()(district, profile)

    groups = storage.synonym_groups(district)
    assert ["户口", "户籍", "户籍登记"] in groups
    assert ["户口", "户籍"] not in groups
    assert not any("暂住证" in group for group in groups)
    assert storage.best_bets_for(district, "身份证") == ["c" * 32]
