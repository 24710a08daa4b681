"""Which queries are English (src/zhengwu/search/english.py), and the English fields
they search: English words yes, pinyin and Chinese no."""

import pytest

from zhengwu.search import english

SCHEMA = {"Title", "SearchableText", "Title_en", "SearchableText_en"}


@pytest.mark.parametrize(
    "query",
    [
        "shenfenzheng",
        "Shēn Fèn Zhèng",
        "SHENFENZHENG",
        "sfz",
        "gjjtq",
        "gongsizhuce",
        "hukouben shenqing",
        "gong ji jin ti qu",
        "xi'an",
        "shen1fen4zheng4",
    ],
)
def test_pinyin_and_initials_are_not_english(query):
    assert not english.is_english(query)
    assert english.english_fields(query, SCHEMA) == ({}, {})


@pytest.mark.parametrize(
    "query", ["身份证", "身份證補領", "户口 迁移", "12345", "", "  "]
)
def test_chinese_digits_and_empty_queries_are_not_english(query):
    assert not english.is_english(query)
    assert english.english_fields(query, SCHEMA) == ({}, {})


@pytest.mark.parametrize(
    "query",
    [
        "residence permit",
        "how to renew my passport",
        "ID card",
        "ＩＤ ｃａｒｄ",
        "driver's license",
        "visa",
        "身份证 renewal",
    ],
)
def test_english_words_make_an_english_query(query):
    assert english.is_english(query)


@pytest.mark.parametrize("word", ["licence", "license", "police", "residence"])
def test_english_words_that_split_into_pinyin_are_english_when_the_synonyms_name_them(
    word,
):
    # li-cen-ce, po-li-ce: syllables, but words of profiles/common/search-en.toml
    assert english.is_pinyin_word(word) is False
    assert english.is_english(word)


def test_pinyin_words_split_into_whole_syllables_or_are_initials():
    assert english.is_pinyin_word("zhuanghuan")
    assert english.is_pinyin_word("lvse")
    assert english.is_pinyin_word("sfz")
    assert not english.is_pinyin_word("passport")
    assert not english.is_pinyin_word("shenf")  # a prefix is no whole syllable


def test_latin_words_fold_case_width_and_tone_marks():
    assert english.latin_words("Hùkǒu ＩＤ-card 身份证") == ["hukou", "id", "card"]


def test_syllables_come_from_pypinyin_without_vowelless_interjections():
    syllables = english.pinyin_syllables()
    assert {"zhuang", "shen", "lv", "a", "er"} <= syllables
    assert not {"m", "n", "ng", "hm"} & syllables


def test_an_english_query_searches_the_english_fields_with_their_weights():
    qf, pf = english.english_fields("renew driving licence", SCHEMA)
    assert qf == {"Title_en": 10, "SearchableText_en": 1}
    assert pf == {"Title_en": 20, "SearchableText_en": 2}


def test_a_core_without_the_english_fields_gets_none():
    assert english.english_fields("passport", {"Title", "SearchableText"}) == ({}, {})
