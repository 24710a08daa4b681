"""Homophone typo correction over a hand-made vocabulary (no Solr, no Plone)."""

import time

import pytest

from zhengwu.search.typos.correct import LONGEST_QUERY
from zhengwu.search.typos.correct import correct
from zhengwu.search.typos.vocabulary import build_vocabulary
from zhengwu.search.typos.vocabulary import fuzzy_syllable
from zhengwu.search.typos.vocabulary import title_words

WORDS = {
    "居民": 9,
    "身份证": 20,
    "补办": 5,
    "申领": 4,
    "公积金": 8,
    "提取": 6,
    "结婚": 4,
    "登记": 12,
    "户口": 7,
    "护照": 5,
    "居住证": 6,
    "银行": 3,
    "市政": 10,
    "时政": 1,
    "网上": 9,
    "办理": 11,
    "晚上": 2,  # known from the texts, never a target
}
TARGETS = set(WORDS) - {"晚上"}
FOLDING = {"證": "证", "補": "补", "辦": "办"}


@pytest.fixture(scope="module")
def vocabulary():
    return build_vocabulary(WORDS, FOLDING, TARGETS)


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("身份正", "身份证"),
        ("公基金提取", "公积金提取"),
        ("结昏登记", "结婚登记"),
        ("护造", "护照"),  # zh typed as z
        ("身份正补办", "身份证补办"),
        ("居民身分证", "居民身份证"),
        ("银巷", "银行"),  # 巷 is also read hang
        ("网尚办理", "网上办理"),
    ],
)
def test_homophone_typo_is_corrected(vocabulary, typed, meant):
    assert correct(vocabulary, typed) == meant


@pytest.mark.parametrize(
    "query",
    [
        "身份证补办",
        "户口",
        "结婚登记",
        "公积金提取",
        "居民身份证申领",
        "护照",
        "晚上办理",  # a word of the texts is not a typo of 网上
        "我要办护照",
    ],
)
def test_correct_query_is_not_changed(vocabulary, query):
    assert correct(vocabulary, query) is None


def test_traditional_characters_are_not_typos(vocabulary):
    assert correct(vocabulary, "身份證補辦") is None
    # the typo is corrected, what was typed in traditional characters stays so
    assert correct(vocabulary, "身份正補辦") == "身份证補辦"


@pytest.mark.parametrize(
    "query",
    ["", None, "shenfenzheng", "sfz", "ID card", "2024", "正", "证 正", "QR-0101"],
)
def test_latin_numbers_and_single_characters_are_left_alone(vocabulary, query):
    assert correct(vocabulary, query) is None


def test_only_the_han_part_of_a_mixed_query_is_corrected(vocabulary):
    assert correct(vocabulary, "ID card 身份正") == "ID card 身份证"
    assert correct(vocabulary, "2024年公基金 tiqu") == "2024年公积金 tiqu"


def test_a_word_is_not_taken_for_a_typo_when_most_of_it_would_change(vocabulary):
    # 深分正 sounds like 身份证 but keeps none of its characters
    assert correct(vocabulary, "深分正") is None
    # one changed character in two is the limit
    assert correct(vocabulary, "户扣") == "户口"


def test_the_more_frequent_homophone_wins(vocabulary):
    # 市政 and 时政 both differ from 是政 by one character
    assert correct(vocabulary, "是政") == "市政"


def test_words_that_are_not_targets_are_never_suggested():
    vocabulary = build_vocabulary({"网上": 3, "登记": 4}, targets={"登记"})
    assert correct(vocabulary, "往上登记") is None
    assert correct(vocabulary, "登机") == "登记"


def test_empty_vocabulary_corrects_nothing():
    assert correct(build_vocabulary({}), "身份正") is None


def test_long_input_is_bounded_in_time(vocabulary):
    longest = ("身份正补办公基金提取结昏登记" * 10)[:LONGEST_QUERY]
    start = time.perf_counter()
    assert correct(vocabulary, longest) is not None
    assert correct(vocabulary, "身份正" * 10_000) is None  # too long: not corrected
    assert time.perf_counter() - start < 0.5


def test_a_twenty_character_query_takes_well_under_5_ms(vocabulary):
    query = "我想在网尚办理身份正补办和公基金提取手续"
    correct(vocabulary, query)  # warm the readings cache
    start = time.perf_counter()
    for _ in range(20):
        assert correct(vocabulary, query) == "我想在网上办理身份证补办和公积金提取手续"
    assert (time.perf_counter() - start) / 20 < 0.005


def test_vocabulary_keeps_han_words_of_two_characters_or_more():
    frequencies = {"id": 3, "证": 5, "身份證": 2, "身份证": 1, "a证": 1}
    vocabulary = build_vocabulary(frequencies, FOLDING)
    assert vocabulary.frequencies == {"身份证": 3}


@pytest.mark.parametrize(
    "syllable, fuzzy",
    [
        ("zhang", "zan"),
        ("chi", "ci"),
        ("shi", "si"),
        ("nian", "lian"),
        ("ling", "lin"),
        ("zheng", "zen"),
        ("ng", "ng"),
        ("an", "an"),
    ],
)
def test_fuzzy_syllable_merges_what_southern_speakers_merge(syllable, fuzzy):
    assert fuzzy_syllable(syllable) == fuzzy


def test_title_words_rejoin_what_the_segmenter_cut_into_characters():
    words = {"居民", "身份证", "残疾人", "办理", "护照"}
    found = title_words(["居民身份证申领", "残疾人证办理", "Passport", "居民"], words)
    assert found == {
        "居民": 2,
        "身份证": 1,
        "申领": 1,
        "残疾人": 1,
        "残疾人证": 1,
        "证办理": 1,
        "办理": 1,
    }


def test_corrections_are_remembered_per_vocabulary_and_bounded(monkeypatch):
    from zhengwu.search.typos import correct as module

    vocabulary = build_vocabulary(WORDS, FOLDING, TARGETS)
    monkeypatch.setattr(module, "site_vocabulary", lambda site: vocabulary)
    worked_out = []
    monkeypatch.setattr(
        module, "correct", lambda vocab, text: worked_out.append(text) or text + "!"
    )
    assert module.correction_for(None, "身份正") == "身份正!"
    assert module.correction_for(None, "身份正") == "身份正!"
    assert worked_out == ["身份正"]  # the second time from memory
    monkeypatch.setattr(module, "CORRECTIONS_KEPT", 3)
    for text in ("结昏", "护造", "银巷", "网尚"):
        module.correction_for(None, text)
    assert len(vocabulary.corrections) <= 3
    # a new vocabulary (the index changed) starts afresh
    fresh = build_vocabulary(WORDS, FOLDING, TARGETS)
    monkeypatch.setattr(module, "site_vocabulary", lambda site: fresh)
    module.correction_for(None, "身份正")
    assert worked_out.count("身份正") == 2
