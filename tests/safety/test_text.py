"""Citizens' posts are plain text: cleaned, bounded, never treated as HTML."""

import pytest

from zhengwu.safety.text import PostError
from zhengwu.safety.text import clean_plain_text


def test_newlines_of_every_system_become_unix_newlines():
    text = clean_plain_text("一\r\n二\r三\u2028四\n五", 100)
    assert text == "一\n二\n三\n四\n五"


def test_control_characters_are_removed_but_newlines_kept():
    assert clean_plain_text("营业\x00执照\x07\n办理\x1b", 100) == "营业执照\n办理"


def test_a_tab_becomes_a_space_so_words_stay_apart():
    assert clean_plain_text("社保\t医保", 100) == "社保 医保"


def test_bidirectional_overrides_and_lone_surrogates_are_removed():
    assert clean_plain_text("abc\u202edef\u2066g\ud800", 100) == "abcdefg"


def test_emoji_and_zero_width_joiners_stay():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_plain_text(f"谢谢{family}", 100) == f"谢谢{family}"


def test_surrounding_whitespace_and_trailing_spaces_of_lines_are_removed():
    assert clean_plain_text("\u3000 \n  问题 \t\n\n", 100) == "问题"


def test_indentation_inside_the_text_stays():
    text = "第一段\n\u3000\u3000第二段"
    assert clean_plain_text(text, 100) == text


def test_more_than_two_blank_lines_collapse_to_two():
    text = clean_plain_text("一\n\n\n\n\n\n二\n\n三\n \n \n \n四", 100)
    assert text == "一\n\n\n二\n\n三\n\n\n四"


def test_html_stays_literally_as_text():
    value = '<script>alert("x")</script><b>加粗</b> &amp;'
    assert clean_plain_text(value, 100) == value


def test_an_over_long_value_is_refused_with_its_field_and_the_limit():
    with pytest.raises(PostError) as raised:
        clean_plain_text("字" * 11, 10, field="title")
    assert raised.value.field == "title"
    assert raised.value.message.mapping == {"max": 10, "length": 11}
    assert raised.value.message.domain == "zhengwu"


def test_the_limit_counts_the_cleaned_text():
    assert clean_plain_text("  字字字\x00\x00\x00  ", 3) == "字字字"


@pytest.mark.parametrize("value", [None, "", "  \n\t\u3000 ", "\x00\x01"])
def test_an_empty_required_value_is_refused(value):
    with pytest.raises(PostError) as raised:
        clean_plain_text(value, 10, field="body")
    assert raised.value.field == "body"
    assert raised.value.message.domain == "zhengwu"


def test_an_empty_optional_value_is_the_empty_string():
    assert clean_plain_text(None, 10, required=False) == ""
    assert clean_plain_text(" \n ", 10, required=False) == ""


def test_a_value_that_is_not_text_is_a_programming_error():
    with pytest.raises(TypeError):
        clean_plain_text(b"bytes", 10)
