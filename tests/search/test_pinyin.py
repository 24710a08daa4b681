"""Pinyin forms for the index and for Latin-letter queries (pure functions)."""

import pytest

from zhengwu.search import pinyin


def test_every_suffix_of_a_title_gets_full_pinyin():
    forms = pinyin.pinyin_forms("居民身份证申领").split()
    assert forms[0] == "juminshenfenzhengshenling"
    assert "shenfenzhengshenling" in forms  # "shenfenzheng" is a prefix of it


def test_initials_of_every_suffix():
    assert "sfzsl" in pinyin.initials_forms("居民身份证申领").split()


def test_latin_and_punctuation_in_titles_are_skipped():
    assert pinyin.pinyin_forms("Guide（护照）") == "huzhao zhao"


def test_titles_are_capped():
    title = "办" * (pinyin.MAX_CHARS + 10)
    assert pinyin.pinyin_forms(title).split()[0] == "ban" * pinyin.MAX_CHARS


def test_homophones_share_a_key():
    assert pinyin.pinyin_key("身份正") == pinyin.pinyin_key("身份证")
    assert pinyin.pinyin_key("公基金") == pinyin.pinyin_key("公积金")
    assert pinyin.pinyin_key("身份证") != pinyin.pinyin_key("居住证")


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("shenfenzheng", "shenfenzheng"),
        ("Shen Fen Zheng", "shenfenzheng"),
        ("Shēn Fèn Zhèng", "shenfenzheng"),
        ("ＳＦＺ", "sfz"),
        ("xi'an", "xian"),
        ("lǜ", "lv"),
    ],
)
def test_latin_queries_are_folded(typed, folded):
    assert pinyin.normalize_latin(typed) == folded
    assert pinyin.is_latin_query(typed)


@pytest.mark.parametrize("typed", ["", "  ", "身份证", "身份 sfz", "a+b"])
def test_other_queries_are_not_latin(typed):
    assert pinyin.normalize_latin(typed) == ""
    assert not pinyin.is_latin_query(typed)
