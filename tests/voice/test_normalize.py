"""Spoken commands cleaned: fillers, stutters, spoken numbers, command words."""

import pytest

from zhengwu.voice.normalize import clean
from zhengwu.voice.numbers import spoken_numbers
from zhengwu.voice.words import voice_words

WORDS = voice_words("nanshan")


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("嗯那个打开打开卫健局", "卫健局"),
        ("呃 帮我找一下住建局", "住建局"),
        ("那个那个残联", "残联"),
        ("um open the the map", "map"),
        ("Go to the Health Commission.", "health commission"),
        ("I want to register a company", "register a company"),
        ("高龄津贴怎么领吗", "高龄津贴怎么领"),
    ],
)
def test_fillers_stutters_and_command_words_are_removed(said, meant):
    assert clean(said, WORDS).text == meant


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("一二三四五热线", "12345热线"),
        ("二零二六年春节放假", "2026年春节放假"),
        ("地铁十三号线", "地铁13号线"),
        ("三百二十路公交", "320路公交"),
        ("call one one zero", "call 110"),
        # numerals that are words stay words
        ("找一下", "找一下"),
        ("万一下雨", "万一下雨"),
        ("千万别", "千万别"),
        ("三星手机", "三星手机"),
    ],
)
def test_spoken_numbers_are_written_in_digits(said, written):
    assert spoken_numbers(said) == written


def test_a_search_command_asks_for_a_search_without_its_words():
    command = clean("搜一下卫健局", WORDS)
    assert command.search and command.text == "卫健局"
    assert clean("search for school holidays", WORDS).text == "school holidays"


def test_a_booking_word_asks_for_the_booking():
    assert clean("我要预约大梅沙", WORDS).booking
    assert clean("book a museum visit", WORDS).booking
    assert not clean("打开大梅沙", WORDS).booking


def test_a_command_word_alone_is_kept_as_what_was_said():
    assert clean("打开", WORDS).text == "打开"


def test_the_common_profile_names_every_section_of_the_issue():
    ids = {section.id for section in WORDS.sections}
    assert ids == {
        "home", "news", "services", "disclosure", "interaction", "complaint", "qa",
        "live", "open-data", "map", "english", "resident", "enterprise", "tourist",
        "bookings", "encyclopedia", "powers-list",
    }  # fmt: skip
