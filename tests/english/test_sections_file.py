"""english-sections.tsv: both districts' files load; a bad file names row, column
and reason."""

from pathlib import Path

import pytest

from zhengwu.english.sections import COLUMNS
from zhengwu.english.sections import TOP_SECTION_IDS
from zhengwu.english.sections import load_sections
from zhengwu.sites.profile import ProfileError

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
SERVICES = {"foreigner-work-permit", "business-registration", "invoice"}
AUDIENCES = {"foreigners", "startups"}


def write(tmp_path, rows, header=COLUMNS):
    path = tmp_path / "english-sections.tsv"
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def frame_rows():
    """One valid row per top section of the frame."""
    return [
        [top, top.title(), f"About {top}.", "first", "First", "", ""]
        for top in TOP_SECTION_IDS
    ]


def error_of(tmp_path, rows, header=COLUMNS):
    with pytest.raises(ProfileError) as caught:
        load_sections(write(tmp_path, rows, header), SERVICES, AUDIENCES)
    return str(caught.value)


@pytest.mark.parametrize("district", ["yantian", "nanshan"])
def test_each_district_has_the_frame_of_9_top_sections_and_30_subsections(district):
    sections = load_sections(PROFILES / district / "english-sections.tsv")
    assert tuple(top.id for top in sections) == TOP_SECTION_IDS
    assert sum(len(top.subsections) for top in sections) == 30
    assert all(top.description for top in sections)
    assert all(sub.description for top in sections for sub in top.subsections)


def test_districts_share_ids_and_keep_their_own_names():
    yantian = load_sections(PROFILES / "yantian" / "english-sections.tsv")
    nanshan = load_sections(PROFILES / "nanshan" / "english-sections.tsv")
    titles = {top.id: top.title for top in nanshan}
    assert titles["news"] == "Nanshan News"
    assert titles["invest"] == "Invest in Nanshan"
    assert {top.id: top.title for top in yantian}["visit"] == "Visit Yantian"
    highlights = [sub.title for sub in nanshan[2].subsections]
    assert "Shenzhen Bay" in highlights and "Qianhai" in highlights


def test_district_files_name_only_known_services_and_audiences():
    from zhengwu.english.setup_step import known_services
    from zhengwu.sites.profile import load_district_profile
    from zhengwu.vocabularies.data import load_terms

    audiences = {value for value, zh, en in load_terms("audience_tags")}
    for district in ("yantian", "nanshan"):
        profile = load_district_profile(PROFILES / district)
        services = known_services(profile)
        assert "foreigner-work-permit" in services
        load_sections(profile.directory / "english-sections.tsv", services, audiences)


def test_listing_rules_are_read(tmp_path):
    rows = frame_rows()
    rows[0][6] = "departments=department,vertical"
    rows[3][6] = "audience=foreigners services=foreigner-work-permit"
    sections = load_sections(write(tmp_path, rows), SERVICES, AUDIENCES)
    assert sections[0].subsections[0].listing == (
        ("departments", ("department", "vertical")),
    )
    assert dict(sections[3].subsections[0].listing) == {
        "audience": ("foreigners",),
        "services": ("foreigner-work-permit",),
    }


def test_a_missing_column_is_named(tmp_path):
    header = tuple(column for column in COLUMNS if column != "sub_en")
    rows = [row[:4] + row[5:] for row in frame_rows()]
    assert "row 1, column sub_en: missing" in error_of(tmp_path, rows, header)


def test_an_unknown_top_section_is_refused(tmp_path):
    rows = frame_rows() + [["sports", "Sports", "", "games", "Games", "", ""]]
    message = error_of(tmp_path, rows)
    assert "row 11, column top_id: 'sports' is not a top section" in message


def test_a_top_section_without_rows_is_refused(tmp_path):
    message = error_of(tmp_path, frame_rows()[:-1])
    assert "top section 'map' has no rows" in message


def test_a_subsection_id_twice_in_one_top_section_is_refused(tmp_path):
    rows = frame_rows()
    rows.insert(1, ["government", "Government", "", "first", "Again", "", ""])
    assert "row 3, column sub_id: 'first' appears twice" in error_of(tmp_path, rows)


@pytest.mark.parametrize("column", ["top_id", "top_en", "sub_id", "sub_en"])
def test_an_empty_name_or_id_is_refused(tmp_path, column):
    rows = frame_rows()
    rows[4][COLUMNS.index(column)] = ""
    assert f"row 6, column {column}: empty" in error_of(tmp_path, rows)


def test_an_id_that_is_no_url_name_is_refused(tmp_path):
    rows = frame_rows()
    rows[2][3] = "Foreign Affairs"
    assert "row 4, column sub_id: 'Foreign Affairs'" in error_of(tmp_path, rows)


def test_a_top_section_named_differently_on_two_rows_is_refused(tmp_path):
    rows = frame_rows()
    rows.insert(1, ["government", "Governance", "", "second", "Second", "", ""])
    assert "row 3, column top_en: 'Governance' differs" in error_of(tmp_path, rows)


def test_a_top_section_split_by_another_is_refused(tmp_path):
    rows = frame_rows()
    rows.insert(2, ["government", "Government", "", "second", "Second", "", ""])
    assert "row 4, column top_id: 'government' again" in error_of(tmp_path, rows)


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("pages=news", "'pages' is not one of"),
        ("services=moon-landing", "unknown services 'moon-landing'"),
        ("audience=aliens", "unknown audience 'aliens'"),
        ("departments=ministry", "unknown departments 'ministry'"),
        ("services=", "needs values"),
    ],
)
def test_a_bad_listing_rule_is_refused(tmp_path, rule, reason):
    rows = frame_rows()
    rows[5][6] = rule
    message = error_of(tmp_path, rows)
    assert "row 7, column lists" in message and reason in message


def test_a_row_with_too_many_cells_is_refused(tmp_path):
    rows = frame_rows()
    rows[0].append("extra")
    assert "row 2: 8 columns instead of 7" in error_of(tmp_path, rows)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ProfileError, match="no such file"):
        load_sections(tmp_path / "english-sections.tsv")
