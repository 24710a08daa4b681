"""Sensitive words are found through simple disguises, and not in ordinary questions."""

import random
import time

import pytest

from zhengwu.safety.sensitive import SensitiveWords
from zhengwu.safety.sensitive import load_default_words
from zhengwu.safety.sensitive import parse_words

# A stand-in for opencc in the tests that must not depend on it being installed.
TRADITIONAL = str.maketrans("開發證辦賭網站", "开发证办赌网站")


def fake_to_simplified(text):
    return text.translate(TRADITIONAL)


@pytest.fixture(scope="module")
def default_words():
    """The shipped list, with opencc when it is installed."""
    return SensitiveWords(load_default_words())


def words(*listed):
    return SensitiveWords(listed, to_simplified=fake_to_simplified)


def test_a_listed_word_is_found():
    assert words("代开发票").find("本公司代开发票，价格优惠") == ["代开发票"]


def test_each_word_is_reported_once_in_order_of_first_appearance():
    found = words("刷单", "代开发票", "加微信").find("加微信，代开发票，刷单，再加微信")
    assert found == ["加微信", "代开发票", "刷单"]


def test_words_sharing_the_start_are_all_reported_longest_first():
    assert words("刷单", "刷单返利").find("刷单返利") == ["刷单返利", "刷单"]


def test_overlapping_words_are_all_reported():
    assert words("代开", "开发票").find("代开发票") == ["代开", "开发票"]


@pytest.mark.parametrize(
    "disguised",
    [
        "代 开 发 票",
        "代.开.发.票",
        "代，开。发！票",
        "代\u200b开\u200c发\u200d票\ufeff",
        "代★开☆发♥票",
        "代_开-发/票",
        "代\n开\n发\n票",
        "代\u3000开\u3000发\u3000票",
    ],
)
def test_characters_slipped_between_do_not_hide_a_word(disguised):
    assert words("代开发票").find(f"专业{disguised}，价格优惠") == ["代开发票"]


@pytest.mark.parametrize("disguised", ["加VX", "加Vx", "加ＶＸ", "加ｖｘ", "加 V . X"])
def test_case_and_full_width_letters_do_not_hide_a_word(disguised):
    assert words("加vx").find(f"详情{disguised}咨询") == ["加vx"]


def test_full_width_digits_are_digits():
    assert words("日入1000").find("轻松日入１０００元") == ["日入1000"]


def test_traditional_characters_do_not_hide_a_word():
    assert words("代开发票").find("代開發票") == ["代开发票"]
    assert words("代开发票").find("代 開 發 票") == ["代开发票"]


def test_a_word_listed_in_traditional_characters_is_found_in_simplified():
    assert words("辦假證").find("专业办假证") == ["辦假證"]


def test_without_a_converter_everything_but_traditional_still_applies():
    plain = SensitiveWords(["代开发票"], to_simplified=False)
    assert plain.find("代 开.发\u200b票") == ["代开发票"]
    # Traditional characters stay as typed (found now by their sound: sounds.py).
    assert plain.normalise("代開發票") == "代開發票"


def test_the_default_list_finds_traditional_disguises():
    real = SensitiveWords(load_default_words())
    assert real.find("代開發票，辦假證，賭博網站") == ["代开发票", "办假证", "赌博网站"]


def test_an_invoice_question_does_not_match_issuing_invoices_for_others():
    assert words("代开发票").find("我想咨询发票怎么开") == []


@pytest.mark.parametrize(
    "question",
    [
        "我想咨询发票怎么开",
        "开发区",
        "开发区管委会在哪里办公？",
        "公司如何开具增值税专用发票？",
        "在哪里可以办证？需要带身份证吗",
        "居住证可以代办吗？",
        "新生儿落户需要准备什么材料",
        "社保卡丢了怎么补办，要多久",
        "公积金贷款的额度怎么计算",
        "孩子上学需要哪些证明材料？",
        "请问驾照考试在哪里预约",
        "营业执照经营范围怎么变更",
        "老人高龄津贴怎么申请",
        "装修噪音扰民，晚上十点还在施工",
        "面包过期了可以投诉商家吗",
        "<script>alert(1)</script>",
    ],
)
def test_ordinary_questions_match_no_default_word(default_words, question):
    assert default_words.find(question) == []


def test_the_default_list_is_a_moderate_list_without_duplicates(default_words):
    listed = load_default_words()
    assert 60 <= len(listed) <= 100
    assert len(default_words) == len(listed)


def test_every_default_word_is_found_in_itself_and_needed(default_words):
    # Needed: no other listed word is found inside it already.
    for word in load_default_words():
        assert default_words.find(f"前{word}后") == [word]


def test_comments_and_blank_lines_are_not_words():
    text = "# spam\n代开发票\n\n  刷单  # shown to moderators\n   \n#加微信\n"
    assert parse_words(text) == ["代开发票", "刷单"]


def test_an_empty_list_or_text_finds_nothing():
    assert words().find("代开发票") == []
    assert words("代开发票").find("") == []
    assert words("***", " ").find("*** ") == []


def test_thousands_of_words_and_a_long_post_take_milliseconds():
    chance = random.Random(20260910)
    alphabet = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]
    listed = [
        "".join(chance.choices(alphabet, k=chance.randint(2, 6))) for _ in range(5000)
    ]
    post = "".join(chance.choices(alphabet, k=5000))
    check = SensitiveWords(listed, to_simplified=fake_to_simplified)
    started = time.perf_counter()
    check.find(post)
    # Generous, for a shared machine: a run takes a few milliseconds.
    assert time.perf_counter() - started < 0.5
