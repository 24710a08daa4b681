"""Latin-letter queries read as the index's Chinese words (pure functions)."""

import pytest

from zhengwu.search.typos.pinyin_sentences import MAX_LETTERS
from zhengwu.search.typos.pinyin_sentences import hanzi_candidate
from zhengwu.search.typos.vocabulary import build_vocabulary

FREQUENCIES = {
    "公司": 50,
    "注册": 30,
    "户口": 40,
    "户口本": 3,
    "申请": 80,
    "公积金": 20,
    "提取": 15,
    "身份证": 40,
    "补办": 10,
    "办理": 90,
    "营业执照": 12,
    "丢失": 5,
    "综合": 30,
    "西安": 2,
}


@pytest.fixture(scope="module")
def vocabulary():
    return build_vocabulary(FREQUENCIES)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gongsizhuce", "公司 注册"),  # a keyword and a verb, no space
        ("zhuce gongsi", "注册 公司"),
        ("hukouben shenqing", "户口本 申请"),  # the longest word wins
        ("gong ji jin ti qu", "公积金 提取"),  # one syllable at a time
        ("Gong Ji Jin", "公积金"),
        ("gjjtq", "公积金 提取"),  # initials of two words
        ("yyzz", "营业执照"),
        ("sfz buban", "身份证 补办"),  # initials and full pinyin mixed
        ("shenfenzheng diushi", "身份证 丢失"),
        ("hukou本 申请", "户口 本 申请"),  # Latin runs inside a Chinese query
    ],
)
def test_latin_queries_read_as_indexed_words(vocabulary, query, expected):
    assert hanzi_candidate(vocabulary, query) == expected


def test_a_syllable_no_word_spells_is_dropped(vocabulary):
    assert hanzi_candidate(vocabulary, "hukouben ban shenqing") == "户口本 申请"


@pytest.mark.parametrize("query", ["license", "business licence", "xyz", "身份证", ""])
def test_what_no_index_word_spells_gives_nothing(vocabulary, query):
    assert hanzi_candidate(vocabulary, query) is None


def test_nothing_without_a_vocabulary():
    assert hanzi_candidate(None, "gongsi") is None
    assert hanzi_candidate(build_vocabulary({}), "gongsi") is None


def test_a_long_run_is_not_read(vocabulary):
    assert hanzi_candidate(vocabulary, "gongsi" * (MAX_LETTERS // 6 + 1)) is None
