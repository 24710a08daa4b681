"""departments.tsv: the optional Department columns load and are validated."""

import shutil

import pytest
from layers import PROFILES

from zhengwu.sites.profile import ORG_CODE_PATTERN
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import load_district_profile


@pytest.fixture
def profile_copy(tmp_path):
    target = tmp_path / "district"
    shutil.copytree(PROFILES / "nanshan", target)
    return target


def _edit(path, row_number, column, value):
    lines = [line.split("\t") for line in path.read_text("utf-8").splitlines()]
    lines[row_number - 1][lines[0].index(column)] = value
    path.write_text("\n".join("\t".join(c) for c in lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("district", ["nanshan", "yantian"])
def test_every_department_has_a_unique_org_code_and_contact_details(district):
    departments = load_district_profile(PROFILES / district).departments
    codes = [d.org_code for d in departments]
    assert all(ORG_CODE_PATTERN.match(code) for code in codes)
    assert len(set(codes)) == len(codes)
    assert all(d.address and d.hours and d.leader and d.duties for d in departments)
    assert all(len(d.phones) == 2 for d in departments)


@pytest.mark.parametrize(
    "code", ["11440305MB2C1234", "11440305MB2C12345I", "11440305mb2c12345x"]
)
def test_malformed_org_code_names_row_and_column(profile_copy, code):
    _edit(profile_copy / "departments.tsv", 3, "org_code", code)
    with pytest.raises(ProfileError, match=r"row 3, column org_code: .* not an 18"):
        load_district_profile(profile_copy)


def test_org_code_used_twice_is_refused(profile_copy):
    path = profile_copy / "departments.tsv"
    first = path.read_text("utf-8").splitlines()[1].split("\t")[5]
    _edit(path, 4, "org_code", first)
    with pytest.raises(ProfileError, match=r"row 4, column org_code: .* appears twice"):
        load_district_profile(profile_copy)


def test_unknown_column_in_the_header_is_refused(profile_copy):
    _edit(profile_copy / "departments.tsv", 1, "leader", "boss")
    with pytest.raises(ProfileError, match=r"row 1: the header must be"):
        load_district_profile(profile_copy)


def test_a_file_with_only_the_required_columns_still_loads(profile_copy):
    path = profile_copy / "departments.tsv"
    rows = [line.split("\t")[:5] for line in path.read_text("utf-8").splitlines()]
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    departments = load_district_profile(profile_copy).departments
    assert len(departments) == 32
    assert departments[0].org_code == "" and departments[0].phones == ()
