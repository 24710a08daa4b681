"""Phone and ID numbers are masked wherever they are listed."""

import pytest

from zhengwu.masking import is_mobile_phone
from zhengwu.masking import mask_id_number
from zhengwu.masking import mask_phone


def test_mobile_number_keeps_first_three_and_last_four_digits():
    assert mask_phone("13812345678") == "138****5678"


def test_id_number_keeps_first_four_and_last_four_characters():
    assert mask_id_number("44030519900101123X") == "4403**********123X"
    assert mask_id_number("440305900101123") == "4403*******1123"


def test_spaces_typed_in_a_number_are_ignored():
    assert mask_phone("138 1234 5678") == "138****5678"


@pytest.mark.parametrize("value", ["", None])
def test_nothing_to_mask_gives_empty_text(value):
    assert mask_phone(value) == ""
    assert mask_id_number(value) == ""


def test_a_value_too_short_to_mask_partly_is_all_stars():
    assert mask_phone("1234567") == "*******"
    assert mask_id_number("1234") == "****"


@pytest.mark.parametrize("value", ["13812345678", "19900000000"])
def test_eleven_digits_starting_with_one_are_a_mobile_number(value):
    assert is_mobile_phone(value)


@pytest.mark.parametrize(
    "value",
    ["", "1381234567", "138123456789", "23812345678", "1381234567a", "+8613812345678"],
)
def test_anything_else_is_not_a_mobile_number(value):
    assert not is_mobile_phone(value)


def test_a_non_text_value_is_not_a_mobile_number():
    assert not is_mobile_phone(13812345678)
