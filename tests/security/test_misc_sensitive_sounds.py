"""Sensitive words written by their sound are found, ordinary text is not (13.12)."""

import tomllib
from pathlib import Path

import pytest

from zhengwu.safety.sensitive import SensitiveWords
from zhengwu.safety.sensitive import load_default_words

PROFILES = Path(__file__).resolve().parents[2] / "profiles"
# Written before tuning: homophones, pinyin mixed in, all pinyin, spaced, upper case.
EVASIONS = [
    ("加薇信", "加微信"),
    ("jia微信", "加微信"),
    ("加wei信", "加微信"),
    ("jiaweixin", "加微信"),
    ("请 JIA wei xin 详聊", "加微信"),
    ("代开发漂", "代开发票"),
    ("dai开发票", "代开发票"),
    ("刷dan", "刷单"),
    ("办jia证", "办假证"),
    ("网络du博", "网络赌博"),
    ("chu售银行卡", "出售银行卡"),
    ("信用卡taoxian", "信用卡套现"),
    ("稳赚不陪", "稳赚不赔"),
    ("高额反利", "高额返利"),
    ("无抵压贷款", "无抵押贷款"),
    ("恭喜您中jiang", "恭喜您中奖"),
    ("代kao包过", "代考包过"),
    ("yue炮", "约炮"),
    ("征信修fu", "征信修复"),
]
# Homophones of short listed words in everyday Chinese, Latin words holding a
# listed sound, and pinyin split by digits.
ORDINARY = [
    "新冠病毒疫苗在哪里打？",  # 病毒 bing du ~ 冰毒
    "远郊的房子能落户吗？",  # 远郊 yuan jiao ~ 援交
    "他性格坚韧，贱卖了旧车。",
    "Dameisha Beach Park reservation",  # sha b ~ 傻b
    "jia 2 weixin",
    "家为新生儿办证",
]


@pytest.fixture(scope="module")
def words():
    return SensitiveWords(load_default_words())


@pytest.mark.parametrize(("text", "word"), EVASIONS)
def test_a_word_written_by_its_sound_is_found(words, text, word):
    assert word in words.find(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_sounding_alike_is_not_held(words, text):
    assert words.find(text) == []


def demo_texts():
    questions = tomllib.loads(
        (PROFILES / "common" / "content" / "questions.toml").read_text("utf-8")
    )["question"]
    for question in questions:
        yield question["title"]
        yield question.get("details", "")
        yield question.get("official", {}).get("text", "")
        yield from (answer.get("text", "") for answer in question.get("answers", []))


def test_no_demo_question_or_answer_is_held(words):
    texts = [text for text in demo_texts() if text]
    assert len(texts) > 150
    assert [text for text in texts if words.find(text)] == []


def test_no_line_of_the_district_profiles_is_held(words):
    lines = [
        line
        for path in sorted(PROFILES.rglob("*.toml"))
        for line in path.read_text("utf-8").splitlines()
    ]
    assert len(lines) > 1000
    assert [line for line in lines if words.find(line)] == []


def test_words_as_listed_are_still_found_first_in_order(words):
    assert words.find("代 開.發 票，加我微信") == ["代开发票", "加我微信"]


def test_a_word_list_without_han_characters_matches_as_written():
    latin = SensitiveWords(["spam"])
    assert latin.find("no SPAM here") == ["spam"]
    assert latin.find("sipamu") == []
