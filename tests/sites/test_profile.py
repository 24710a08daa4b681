"""District profiles load from data files; a bad file names row, column and reason."""

import shutil

import pytest
from layers import PROFILES

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile
from zhengwu.sites.profile import read_profile_toml
from zhengwu.sites.profile import read_profile_tsv


def test_nanshan_profile_has_its_title_languages_and_all_departments():
    profile = load_district_profile(PROFILES / "nanshan")
    assert profile.id == "nanshan"
    assert profile.title == "深圳市南山区人民政府"
    assert profile.languages == ("zh-cn", "en")
    assert profile.default_language == "zh-cn"
    assert profile.solr_core == "nanshan"
    kinds = [d.kind for d in profile.departments]
    assert kinds.count("subdistrict") == 8
    assert len(profile.departments) == 32
    health = next(d for d in profile.departments if d.id == "wjj")
    assert (health.name_zh, health.short_zh) == ("南山区卫生健康局", "卫健局")


def test_yantian_profile_has_24_departments_and_4_subdistricts():
    profile = load_district_profile(PROFILES / "yantian")
    kinds = [d.kind for d in profile.departments]
    assert kinds.count("subdistrict") == 4
    assert len(kinds) - kinds.count("subdistrict") == 24


@pytest.fixture
def profile_copy(tmp_path):
    target = tmp_path / "district"
    shutil.copytree(PROFILES / "yantian", target)
    return target


def _replace_row(path, row_number, new_row):
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[row_number - 1] = new_row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


BAD_ROWS = {
    "unknown kind": (
        3,
        "czj\t盐田区财政局\t财政局\tFinance\tbureau",
        r"row 3, column kind: 'bureau' is not one of department, subdistrict",
    ),
    "duplicate id": (
        3,
        "fgj\t重复\t重复\tDup\tdepartment",
        r"row 3, column id: 'fgj' appears twice",
    ),
    "missing columns": (4, "jyj\t盐田区教育局", r"row 4: 2 columns instead of 5"),
    "empty short name": (
        2,
        "fgj\t发改局全称\t\tDRB\tdepartment",
        r"row 2, column short_zh: empty",
    ),
    "non-ASCII id": (
        2,
        "发改\t全称\t简称\tDRB\tdepartment",
        r"row 2, column id: '发改' is not a lowercase ASCII id",
    ),
}


@pytest.mark.parametrize("row, content, reason", BAD_ROWS.values(), ids=BAD_ROWS)
def test_bad_department_row_names_row_column_and_reason(
    profile_copy, row, content, reason
):
    _replace_row(profile_copy / "departments.tsv", row, content)
    with pytest.raises(ProfileError, match=reason):
        load_district_profile(profile_copy)


def test_site_title_is_required(profile_copy):
    path = profile_copy / "district.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("title =", "#"), "utf-8")
    with pytest.raises(ProfileError, match=r"\[site\]: 'title' is missing"):
        load_district_profile(profile_copy)


def test_broken_toml_is_reported_with_its_file(profile_copy):
    (profile_copy / "district.toml").write_text("[site\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"district.toml"):
        load_district_profile(profile_copy)


def test_a_toml_syntax_error_names_file_line_and_column(tmp_path):
    path = tmp_path / "workflows.toml"
    path.write_text('[chains]\n"Document" = \n', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        read_profile_toml(path)
    assert str(caught.value) == f"{path}, line 2, column 14: Invalid value."


def test_a_missing_toml_file_is_named(tmp_path):
    with pytest.raises(ProfileError, match=r"search\.toml: no such file"):
        read_profile_toml(tmp_path / "search.toml")


def test_a_bad_tsv_cell_names_file_row_and_column(profile_copy):
    path = profile_copy / "departments.tsv"
    _replace_row(path, 5, "xxj\t盐田区学校局\t学校局\tSchools\tschool")
    with pytest.raises(ProfileError) as caught:
        load_district_profile(profile_copy)
    assert str(caught.value).startswith(f"{path}, row 5, column kind: 'school' ")


def test_a_tsv_header_without_a_column_names_it(tmp_path):
    path = tmp_path / "services.tsv"
    path.write_text("id\ttitle\nid-card\t身份证\n", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        read_profile_tsv(path, ("id", "title", "department"))
    assert str(caught.value) == f"{path}, row 1, column department: missing."


def test_tsv_rows_are_named_by_the_header_and_short_rows_padded(tmp_path):
    path = tmp_path / "sections.tsv"
    path.write_text("id\ttitle\tlists\n a \tA\n", encoding="utf-8")
    rows = read_profile_tsv(path, ("id", "title", "lists"), min_cells=2)
    assert rows == [(2, {"id": "a", "title": "A", "lists": ""})]
    with pytest.raises(ProfileError, match=r"row 2: 2 columns instead of 3\."):
        read_profile_tsv(path, ("id", "title", "lists"))
