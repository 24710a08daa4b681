"""Tracking numbers and query codes of letters: the code is never kept in clear."""

import datetime

import pytest

from zhengwu.interaction.channels import load_channels
from zhengwu.interaction.tracking import code_digest
from zhengwu.interaction.tracking import code_matches
from zhengwu.interaction.tracking import new_query_code
from zhengwu.interaction.tracking import new_tracking_number
from zhengwu.interaction.tracking import normal_tracking_number
from zhengwu.sites.profile import profiles_directory

SECRET = b"s" * 32
DAY = datetime.date(2026, 3, 2)


@pytest.fixture(scope="module")
def complaint():
    path = profiles_directory() / "nanshan" / "interaction.toml"
    return load_channels(path)["complaint"]


def test_a_tracking_number_names_the_channel_and_the_day(complaint):
    number = new_tracking_number(complaint, DAY)
    assert number.startswith("T-20260302-")
    assert normal_tracking_number(number) == number


def test_a_taken_tracking_number_is_not_given_twice(complaint):
    first = new_tracking_number(complaint, DAY)
    second = new_tracking_number(complaint, DAY, taken=lambda n: n == first)
    assert second != first


def test_when_every_number_is_taken_the_letter_is_not_silently_numbered(complaint):
    with pytest.raises(RuntimeError):
        new_tracking_number(complaint, DAY, taken=lambda n: True)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("t-20260302-k7m3qx", "T-20260302-K7M3QX"),
        (" T 20260302 K7M3QX ", "T-20260302-K7M3QX"),
        ("T20260302K7M3QX", "T-20260302-K7M3QX"),
    ],
)
def test_a_typed_tracking_number_is_read_leniently(typed, stored):
    assert normal_tracking_number(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "",
        None,
        "T-2026030-K7M3QX",
        "T-20260302-K7M3Q",
        "T-20260302-K7M3Q0",
        "1-20260302-K7M3QX",
        "T-20260302-K7M3QX'; --",
        "<script>",
    ],
)
def test_what_cannot_be_a_tracking_number_is_none(typed):
    assert normal_tracking_number(typed) is None


def test_the_digest_does_not_contain_the_code():
    code = new_query_code()
    stored = code_digest("T-20260302-K7M3QX", code, SECRET)
    assert code not in stored
    assert len(code) == 8


def test_the_right_code_matches_as_typed_by_hand():
    number, code = "T-20260302-K7M3QX", "AB23CD45"
    stored = code_digest(number, code, SECRET)
    assert code_matches(number, "ab23 cd45", stored, SECRET)


def test_a_code_opens_only_its_own_letter():
    code = "AB23CD45"
    stored = code_digest("T-20260302-K7M3QX", code, SECRET)
    assert not code_matches("T-20260302-K7M3QY", code, stored, SECRET)


def test_the_same_code_gives_different_digests_on_different_sites_and_letters():
    code = "AB23CD45"
    one = code_digest("T-20260302-K7M3QX", code, SECRET)
    assert one != code_digest("T-20260302-K7M3QX", code, b"t" * 32)
    assert one != code_digest("T-20260302-K7M3QY", code, SECRET)


@pytest.mark.parametrize("code", ["", None, "AB23CD46", "X" * 200])
def test_a_wrong_or_empty_code_does_not_match(code):
    stored = code_digest("T-20260302-K7M3QX", "AB23CD45", SECRET)
    assert not code_matches("T-20260302-K7M3QX", code, stored, SECRET)


@pytest.mark.parametrize(
    "stored", ["", None, "AB23CD45", "md5$1$00", "pbkdf2_sha256$x$00"]
)
def test_a_letter_without_a_proper_digest_opens_to_no_code(stored):
    assert not code_matches("T-20260302-K7M3QX", "AB23CD45", stored, SECRET)
