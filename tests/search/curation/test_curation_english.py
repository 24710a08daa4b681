"""The shared English synonyms (profiles/common/search-en.toml): checked when read,
sent with their plurals to each district core's managed list ``en`` by the setup step
zhengwu.search-curation, which says so when Solr cannot be reached."""

import dataclasses
import json
import logging
import urllib.request

import pytest
from layers import PROFILES
from layers import solr_request

from zhengwu.search.curation import english
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile

SHARED = PROFILES / "common" / english.FILENAME


def _write(tmp_path, text):
    path = tmp_path / english.FILENAME
    path.write_text(text, encoding="utf-8")
    return path


def english_synonyms(port):
    """The nanshan core's managed synonym map ``en``."""
    url = f"http://127.0.0.1:{port}/solr/nanshan/schema/analysis/synonyms/en?wt=json"
    with urllib.request.urlopen(solr_request(url), timeout=10) as response:
        return json.load(response)["synonymMappings"]["managedMap"]


# The shared file ----------------------------------------------------------------


def test_the_shared_file_has_at_least_60_groups_of_spellings_and_common_names():
    groups = english.load_english(SHARED)
    assert len(groups) >= 60
    for group in [
        ("licence", "license"),
        ("centre", "center"),
        ("apartment", "flat"),
        ("social security", "social insurance"),
        ("hukou", "household registration"),
        ("residence permit", "residence card"),
    ]:
        assert group in groups
    by_term = {term: group for group in groups for term in group}
    assert "identity card" in by_term["id card"]
    assert "housing fund" in by_term["provident fund"]
    assert "business registration" in by_term["business licence"]
    assert "employment licence" in by_term["work permit"]


def test_terms_are_normalised(tmp_path):
    path = _write(tmp_path, '[[synonyms]]\nterms = ["Licence ", "LICENSE"]\n')
    assert english.load_english(path) == (("licence", "license"),)


def test_a_possessive_term_is_refused_with_its_entry(tmp_path):
    path = _write(
        tmp_path,
        '[[synonyms]]\nterms = ["licence", "license"]\n'
        '[[synonyms]]\nterms = ["driver\'s license", "driving licence"]\n',
    )
    with pytest.raises(ProfileError, match=r"synonyms #2: .*driver license"):
        english.load_english(path)


def test_a_term_in_two_groups_is_refused_with_both_groups(tmp_path):
    path = _write(
        tmp_path,
        '[[synonyms]]\nterms = ["flat", "apartment"]\n'
        '[[synonyms]]\nterms = ["flat", "level"]\n',
    )
    with pytest.raises(ProfileError, match="synonyms #2: flat is already in"):
        english.load_english(path)


def test_a_group_of_one_term_is_refused(tmp_path):
    path = _write(tmp_path, '[[synonyms]]\nterms = ["visa", "Visa"]\n')
    with pytest.raises(ProfileError, match="synonyms #1: .*two different terms"):
        english.load_english(path)


def test_terms_must_be_a_list_of_strings(tmp_path):
    path = _write(tmp_path, '[[synonyms]]\nterms = "visa"\n')
    with pytest.raises(ProfileError, match="synonyms #1, terms"):
        english.load_english(path)


# Plurals and Solr's map -----------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("id card", "id cards"),
        ("licence", "licences"),
        ("policy", "policies"),
        ("tax", "taxes"),
        ("tax id", "tax ids"),
        ("branch", "branches"),
        ("day", "days"),
        ("customs", None),
    ],
)
def test_the_plural_of_a_term_is_the_regular_plural_of_its_last_word(term, expected):
    assert english.plural(term) == expected


def test_plurals_map_to_the_terms_of_their_group():
    groups = (("id card", "identity card"), ("licence", "license"))
    wanted = english.english_synonym_map(groups)
    assert wanted["id card"] == ["id card", "identity card"]
    assert wanted["identity cards"] == ["id card", "identity card"]
    assert wanted["licences"] == ["licence", "license"]


def test_a_plural_never_replaces_a_term_of_another_group():
    groups = (("good", "fine"), ("goods", "merchandise"))
    assert english.english_synonym_map(groups)["goods"] == ["goods", "merchandise"]


# The setup step and Solr ----------------------------------------------------------


def test_the_new_site_sent_the_shared_english_synonyms_to_its_core(
    district, solr_server
):
    managed = english_synonyms(solr_server.port)
    assert managed == english.english_synonym_map(english.load_english(SHARED))
    assert managed["licence"] == ["licence", "license"]
    assert managed["driving licences"] == sorted(
        next(g for g in english.load_english(SHARED) if "driving licence" in g)
    )


def test_without_solr_the_step_says_to_run_it_again(district, monkeypatch, caplog):
    monkeypatch.setattr(english, "solr_reachable", lambda manager: False)
    profile = load_district_profile(PROFILES / "nanshan")
    with caplog.at_level(logging.WARNING, logger=english.__name__):
        assert english.apply_english(district, profile) is False
    assert "zhengwu.search-curation again" in caplog.text


def test_a_profile_folder_without_the_file_sends_nothing(district, tmp_path, caplog):
    (tmp_path / "nanshan").mkdir()
    profile = load_district_profile(PROFILES / "nanshan")
    elsewhere = dataclasses.replace(profile, directory=tmp_path / "nanshan")
    with caplog.at_level(logging.INFO, logger=english.__name__):
        assert english.apply_english(district, elsewhere) is True
    assert "no English synonyms" in caplog.text
