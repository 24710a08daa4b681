"""The demo data files are checked before anything is loaded; errors say where."""

import shutil

import pytest
from layers import PROFILES
from plone import api

from zhengwu.importers.setup_step import load_demo_corpus
from zhengwu.importers.setup_step import read_corpus
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile
from zhengwu.sites.services import read_services


@pytest.fixture
def profiles(tmp_path):
    """A copy of the profiles folder that a test may break."""
    target = tmp_path / "profiles"
    shutil.copytree(PROFILES, target)
    return target


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_catalogue_service_has_a_guide_text_and_both_districts_read_cleanly():
    services = read_services(PROFILES / "common" / "content" / "services.tsv")
    nanshan = read_corpus(PROFILES, "nanshan")
    yantian = read_corpus(PROFILES, "yantian")
    assert set(yantian.guides) | set(nanshan.guides) == set(services)
    assert "dameisha-reservation" in yantian.guides
    assert "dameisha-reservation" not in nanshan.guides
    assert len(yantian.guides) == 59 and len(nanshan.guides) == 57


def test_a_material_naming_an_unknown_situation_names_file_and_guide(profiles):
    path = profiles / "common" / "content" / "guides" / "gaj.toml"
    _replace(
        path, 'situations = "首次申领、本市户籍"', 'situations = "首次申领、外星户籍"'
    )
    with pytest.raises(
        ProfileError, match=r"gaj\.toml, entry 'id-card \[zh\]'.*外星户籍"
    ):
        read_corpus(profiles, "nanshan")


def test_a_flat_situation_line_names_file_guide_and_line(profiles):
    path = profiles / "common" / "content" / "guides" / "gaj.toml"
    _replace(path, '"户籍：本市户籍 / 非本市户籍",', '"本市户籍 / 非本市户籍",')
    with pytest.raises(
        ProfileError,
        match=r"gaj\.toml, entry 'id-card \[zh\]': situations: Line 2 .*no dimension",
    ):
        read_corpus(profiles, "nanshan")


def test_zh_and_en_must_have_the_same_dimensions(profiles):
    path = profiles / "common" / "content" / "guides" / "gaj.toml"
    _replace(path, "Who comes: in person / with guardian", "Who comes: with guardian")
    with pytest.raises(ProfileError, match=r"entry 'id-card'.*dimensions"):
        read_corpus(profiles, "nanshan")


def test_a_toml_syntax_error_names_the_file(profiles):
    path = profiles / "common" / "content" / "strategies.toml"
    _replace(path, 'id = "newborn-first-month"', 'id = "newborn-first-month')
    with pytest.raises(ProfileError, match=r"strategies\.toml"):
        read_corpus(profiles, "yantian")


def test_an_unknown_service_kind_and_a_duplicate_code_are_refused(profiles):
    path = profiles / "common" / "content" / "guides" / "tax.toml"
    _replace(path, 'kind = "其他行政权力"', 'kind = "行政收费"')
    with pytest.raises(ProfileError, match=r"tax\.toml, entry 'invoice': kind"):
        read_corpus(profiles, "nanshan")
    _replace(path, 'kind = "行政收费"', 'kind = "其他行政权力"')
    _replace(path, 'code = "QT-1601"', 'code = "QR-0101"')
    with pytest.raises(ProfileError, match=r"code QR-0101 is also id-card's"):
        read_corpus(profiles, "nanshan")


def test_a_guide_in_the_wrong_department_file_is_refused(profiles):
    guides = profiles / "common" / "content" / "guides"
    text = (guides / "tax.toml").read_text(encoding="utf-8")
    (guides / "tax.toml").unlink()
    (guides / "cgj.toml").write_text(
        (guides / "cgj.toml").read_text(encoding="utf-8")
        + "\n"
        + text.split("\n", 2)[2],
        encoding="utf-8",
    )
    with pytest.raises(ProfileError, match=r"entry 'invoice': belongs in tax\.toml"):
        read_corpus(profiles, "yantian")


def test_a_district_department_without_its_code_is_refused(profiles):
    path = profiles / "yantian" / "content" / "departments.toml"
    _replace(path, 'org_code = "11440308403945439A"', 'org_code = "1144"')
    with pytest.raises(ProfileError, match=r"departments\.toml, entry 'fgj'"):
        read_corpus(profiles, "yantian")


def test_an_unknown_disclosure_topic_is_refused(profiles):
    path = profiles / "common" / "content" / "disclosure.toml"
    _replace(path, 'topic = "environment"', 'topic = "weather"')
    with pytest.raises(ProfileError, match=r"entry 'environment-quality'"):
        read_corpus(profiles, "nanshan")


def test_a_malformed_file_loads_nothing_into_the_site(district, profiles):
    path = profiles / "nanshan" / "content" / "news.toml"
    _replace(path, 'department = "zsj"', 'department = ""')
    profile = load_district_profile(PROFILES / "nanshan")
    types = ("Guide", "DisclosureRecord", "Strategy", "EncyclopediaEntry", "File")
    before = {t: len(api.content.find(context=district, portal_type=t)) for t in types}
    with pytest.raises(
        ProfileError, match=r"news\.toml, entry 'hall-saturday-service'"
    ):
        load_demo_corpus(district, profile, profiles)
    after = {t: len(api.content.find(context=district, portal_type=t)) for t in types}
    assert after == before
    assert "id-card" not in district["zh-cn"]["gaj"].objectIds()
