"""ID numbers checked before anything is booked; persons counted by a keyed hash."""

import pytest
from stdnum.cn import ric

from zhengwu.bookings.ledger import Refused
from zhengwu.bookings.people import checked_id_number
from zhengwu.bookings.people import person
from zhengwu.bookings.people import person_key

VALID = "11010519491231002X"  # GB 11643's own example


def test_a_valid_number_is_kept_in_its_standard_form():
    assert checked_id_number(" 11010519491231002x ") == VALID


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check digit
        "11010519491331002X",  # month 13
        "1101051949123100",  # too short
        "ABCDEFGHIJKLMNOPQR",
        "99010519491231002" + ric.calc_check_digit("990105194912310020"),  # no 99
        "44030529000101001" + ric.calc_check_digit("440305290001010010"),  # 2900
        "44030518800101001" + ric.calc_check_digit("440305188001010010"),  # 1880
        "",
        None,
    ],
)
def test_a_malformed_number_is_refused(number):
    with pytest.raises(Refused) as refused:
        checked_id_number(number)
    assert refused.value.reason == "bad_id_number"


def test_an_elderly_nanshan_resident_is_not_refused_for_the_county_code():
    # 440305 (Nanshan) exists since 1990; a number keeps its first office's code
    body = "44030519420315123"
    number = body + ric.calc_check_digit(body + "0")
    assert checked_id_number(number) == number


def test_the_key_hides_the_number_and_depends_on_the_secret():
    key = person_key(VALID, b"secret-1")
    assert VALID not in key and len(key) == 64
    assert key == person_key(VALID, b"secret-1")
    assert key != person_key(VALID, b"secret-2")


def test_a_person_needs_a_name():
    assert person(VALID, " 张 三 ", b"s")["name"] == "张 三"
    for name in ("", "   ", "长" * 51):
        with pytest.raises(Refused):
            person(VALID, name, b"s")
