"""The editor's situation lines: one dimension per line, checked with clear messages."""

import pytest

from zhengwu.content.situations import SituationsInvalid
from zhengwu.content.situations import dimension_lines
from zhengwu.content.situations import dimensions_from_flat
from zhengwu.content.situations import error_text
from zhengwu.content.situations import parse_dimensions
from zhengwu.content.situations import read_dimensions


def test_a_line_is_a_name_a_colon_and_options_in_either_width():
    dimensions = parse_dimensions(
        ["申领类型：首次申领 / 换领／补领", "", " Household: Shenzhen | elsewhere "]
    )
    assert [(d.title, d.options) for d in dimensions] == [
        ("申领类型", ("首次申领", "换领", "补领")),
        ("Household", ("Shenzhen", "elsewhere")),
    ]
    assert dimension_lines(dimensions)[0] == "申领类型：首次申领 / 换领 / 补领"


def test_options_may_be_separated_by_the_enumeration_comma():
    (dimension,) = parse_dimensions(["户籍：本市户籍、非本市户籍"])
    assert dimension.options == ("本市户籍", "非本市户籍")


@pytest.mark.parametrize(
    "lines, words",
    [
        # (the example of how to write it is in the language of the answer:
        # tests/content/test_rest_guide.py)
        (["本市户籍"], ["Line 1", "no dimension name"]),
        (
            ["申领类型：首次申领", "本市户籍 非本市户籍"],
            ["Line 2", "本市户籍 非本市户籍"],
        ),
        (["：本市户籍 / 非本市户籍"], ["Line 1", "no name before the colon"]),
        (["户籍："], ["Line 1", "no options"]),
        (["户籍：本市户籍 / / 非本市户籍"], ["Line 1", "empty option"]),
        (["户籍：本市户籍, 非本市户籍"], ["'本市户籍, 非本市户籍'", "comma"]),
        (["户籍：a / b", "户籍：c / d"], ["Line 2", "'户籍' is listed twice"]),
        (
            ["户籍：a / b", "类型：c / a"],
            ["Line 2", "'a'", "already an option of '户籍'"],
        ),
    ],
)
def test_a_bad_line_is_refused_with_a_message_that_names_it(lines, words):
    with pytest.raises(SituationsInvalid) as raised:
        parse_dimensions(lines)
    text = error_text(raised.value)
    for word in words:
        assert word in text


def test_readers_never_fail_and_keep_old_flat_names_as_one_dimension():
    dimensions = read_dimensions(
        ["首次申领", "户籍：本市户籍 / 非本市户籍", "补领", "本市户籍"]
    )
    assert [(d.title, d.options) for d in dimensions] == [
        ("户籍", ("本市户籍", "非本市户籍")),
        ("Situation", ("首次申领", "补领")),
    ]
    assert read_dimensions(None) == []


def test_a_flat_list_is_grouped_by_known_dimensions_and_loses_no_option():
    known = {"首次申领": "申领类型", "补领": "申领类型", "本市户籍": "户籍"}
    dimensions = dimensions_from_flat(
        ["本市户籍", "首次申领", "代办", "补领", "代办"], known
    )
    assert [(d.title, d.options) for d in dimensions] == [
        ("户籍", ("本市户籍",)),
        ("申领类型", ("首次申领", "补领")),
        ("Situation", ("代办",)),  # 情形 on a Chinese site (tests/upgrades)
    ]
