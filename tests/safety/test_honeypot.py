"""A form with the honeypot field filled in comes from a bot."""

import pytest

from zhengwu.safety.honeypot import HONEYPOT_FIELD
from zhengwu.safety.honeypot import HONEYPOT_LABEL
from zhengwu.safety.honeypot import is_bot


def test_the_field_has_a_name_no_person_would_fill_in_on_purpose():
    assert HONEYPOT_FIELD == "zw_website"


def test_the_label_tells_screen_reader_users_to_leave_it_empty():
    assert HONEYPOT_LABEL == "Leave this field empty"
    assert HONEYPOT_LABEL.domain == "zhengwu"


@pytest.mark.parametrize("value", [None, "", "   ", ["", " "]])
def test_a_person_leaves_it_empty(value):
    assert not is_bot({"title": "怎么办理居住证", HONEYPOT_FIELD: value})


def test_a_form_without_the_field_is_not_taken_for_a_bot():
    assert not is_bot({"title": "怎么办理居住证"})


@pytest.mark.parametrize("value", ["http://spam.example", ["", "x"], ("x",)])
def test_a_bot_fills_it_in(value):
    assert is_bot({HONEYPOT_FIELD: value})


def test_a_form_may_name_its_own_honeypot_field():
    # The error-report form's field is called "website".
    assert is_bot({"website": "http://spam.example"}, "website")
    assert not is_bot({"website": "", HONEYPOT_FIELD: "x"}, "website")
