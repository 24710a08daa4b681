"""The demo list generator: 8,091 valid, realistic, reproducible items."""

from collections import Counter
from pathlib import Path

import pytest

from zhengwu.powers.categories import category_codes
from zhengwu.powers.categories import power_categories
from zhengwu.powers.generate import category_counts
from zhengwu.powers.generate import chinese_number
from zhengwu.powers.generate import generate_powers
from zhengwu.powers.sheet import COLUMNS
from zhengwu.powers.sheet import read_sheet
from zhengwu.powers.sheet import write_sheet
from zhengwu.powers.validate import PHONE_PATTERN
from zhengwu.powers.validate import Known
from zhengwu.powers.validate import validate_rows
from zhengwu.sites.profile import load_district_profile

PROFILE = Path(__file__).resolve().parents[2] / "profiles" / "nanshan"


@pytest.fixture(scope="module")
def nanshan():
    return load_district_profile(PROFILE)


@pytest.fixture(scope="module")
def rows(nanshan):
    return generate_powers(nanshan.departments, 8091)


def test_nanshan_list_has_8091_items_over_all_32_bodies(rows, nanshan):
    assert len(rows) == 8091
    assert len({row["code"] for row in rows}) == 8091
    assert {row["department"] for row in rows} == {d.id for d in nanshan.departments}


def test_category_mix_follows_the_standard_shares(rows):
    counts = Counter(row["category"] for row in rows)
    for category in power_categories():
        assert abs(counts[category.code] - 8091 * category.share) <= 1
    assert sum(category_counts(101).values()) == 101


def test_same_seed_same_list_other_seed_other_list(rows, nanshan):
    assert generate_powers(nanshan.departments, 8091) == rows
    assert generate_powers(nanshan.departments, 8091, seed=7) != rows


def test_generated_rows_pass_the_import_validation_after_a_csv_round_trip(
    rows, nanshan
):
    header, cells = read_sheet(write_sheet(rows, "csv"), "csv")
    known = Known(
        departments=frozenset(d.id for d in nanshan.departments),
        categories=category_codes(),
        guides=frozenset(),
    )
    items, errors = validate_rows(header, cells, known)
    assert errors == []
    assert items == rows
    assert header == list(COLUMNS)


def test_items_read_like_a_published_list(rows):
    penalties = [row for row in rows if row["category"] == "CF"]
    assert all("的处罚" in row["name"] for row in penalties)
    assert all(row["legal_basis"].startswith("《") for row in rows)
    assert all("条" in row["legal_basis"] for row in rows)
    assert all(row["responsibilities"] for row in rows)
    assert all(PHONE_PATTERN.match(row["supervising_phone"]) for row in rows)
    assert all(row["supervising_phone"].startswith("0755-") for row in rows)
    licences = [row for row in rows if row["category"] == "XK"]
    assert any(row["responsibilities"][0].startswith("受理") for row in licences)
    assert any(row["sub_items"] for row in rows)
    names = Counter((row["department"], row["name"]) for row in rows)
    assert names.most_common(1)[0][1] == 1


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (2, "二"),
        (10, "十"),
        (15, "十五"),
        (23, "二十三"),
        (101, "一百零一"),
        (110, "一百一十"),
        (119, "一百一十九"),
    ],
)
def test_article_numbers_are_written_in_chinese(number, text):
    assert chinese_number(number) == text
