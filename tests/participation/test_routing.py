"""The question router on its own: no Plone, a handful of training documents."""

import time

import pytest

from zhengwu.participation.routing import DepartmentRouter
from zhengwu.participation.routing import Suggestion
from zhengwu.participation.routing_features import features
from zhengwu.participation.routing_features import name_mentions

NAMES = {
    "gaj": ("深圳市公安局南山分局", "公安分局"),
    "jyj": ("南山区教育局", "教育局"),
    "rlzyj": ("南山区人力资源局", "人力资源局"),
    "ybj": ("南山区医疗保障局", "医保局"),
    "shekou": ("蛇口街道办事处", "蛇口街道"),
    "nanshan": ("南山街道办事处", "南山街道"),
    "sjj": ("南山区审计局", "审计局"),  # publishes nothing here
}
DOCUMENTS = [
    ("gaj", "居民身份证申领 首次申领 补领 换领身份证", 3.0),
    ("gaj", "出生登记 新生儿入户 户口", 3.0),
    ("gaj", "居住证申领 深圳经济特区居住证", 3.0),
    ("jyj", "义务教育阶段学位申请 小学一年级 初中学位", 3.0),
    ("jyj", "学前教育在园幼儿补贴", 3.0),
    ("rlzyj", "社会保障卡申领 社保卡补卡", 3.0),
    ("rlzyj", "失业保险金申领 失业金", 3.0),
    ("rlzyj", "人才引进落户 学历型人才", 3.0),
    ("ybj", "医疗保险关系转移接续 医保转移", 3.0),
    ("ybj", "生育津贴申领", 3.0),
    ("shekou", "社区治理 民生服务", 1.0),
    ("nanshan", "社区治理 民生服务", 1.0),
]


@pytest.fixture(scope="module")
def router():
    return DepartmentRouter(DOCUMENTS, NAMES)


def test_features_are_characters_pairs_and_latin_words():
    found = features("我想开KTV，社保卡！ 3000")
    assert "社保" in found and "保卡" in found and "社" in found
    assert "ktv" in found
    assert "3000" not in found and "我" not in found


def test_a_question_goes_to_the_department_whose_documents_it_shares(router):
    assert router.suggest("身份证丢了怎么补办")[0].department == "gaj"
    assert router.suggest("孩子明年上小学，学位怎么申请")[0].department == "jyj"
    assert router.suggest("失业了能领多少钱失业金")[0].department == "rlzyj"


def test_pairs_outweigh_single_characters(router):
    # 保 and 险 are in 医疗保险 too; the pair 失业 is rlzyj's only.
    assert router.suggest("失业保险")[0].department == "rlzyj"


def test_a_named_department_wins(router):
    # The words are the education bureau's, the name is the police's.
    top = router.suggest("公安分局管不管学位申请的事")[0]
    assert top.department == "gaj"
    assert top.terms[0] == "公安分局"
    assert top.score > 1.0


def test_a_name_stem_counts_but_less_than_a_name(router):
    assert router.suggest("我住在蛇口，社区的事找谁")[0].department == "shekou"
    # 南山 is in nearly every body's name: it names none of them.
    assert "南山" not in [name for name, _ in name_mentions(NAMES)["nanshan"]]


def test_a_department_without_documents_is_never_suggested(router):
    suggested = router.suggest("审计局的审计报告在哪里看", limit=10)
    assert "sjj" not in [suggestion.department for suggestion in suggested]


def test_the_terms_say_why(router):
    top = router.suggest("社保卡丢了怎么补")[0]
    assert top.department == "rlzyj"
    assert "社保" in top.terms
    assert 1 <= len(top.terms) <= 4


@pytest.mark.parametrize(
    "text", ["", "   ", "？？！！", "asdf qwer", "12345", None, "好"]
)
def test_empty_or_junk_text_gets_no_suggestion(router, text):
    assert router.suggest(text) == []


def test_ranking_and_limit(router):
    suggested = router.suggest("孩子出生以后上户口，还有社保卡和医保", limit=2)
    assert len(suggested) == 2
    assert all(isinstance(suggestion, Suggestion) for suggestion in suggested)
    assert suggested[0].score >= suggested[1].score
    assert router.suggest("社保卡", limit=0) == []


def test_ties_go_to_the_smaller_id(router):
    # The two sub-districts have the same documents.
    suggested = router.suggest("社区治理", limit=2)
    assert [suggestion.department for suggestion in suggested] == [
        "nanshan",
        "shekou",
    ]
    assert suggested[0].score == suggested[1].score


def test_the_same_corpus_gives_the_same_suggestions():
    question = "生了孩子，生育津贴和入户怎么办"
    first = DepartmentRouter(DOCUMENTS, NAMES).suggest(question, limit=5)
    again = DepartmentRouter(list(DOCUMENTS), dict(NAMES)).suggest(question, limit=5)
    assert first == again


def test_a_synonym_reads_as_the_words_of_its_group():
    documents = [*DOCUMENTS, ("gaj", "养犬登记", 3.0)]
    plain = DepartmentRouter(documents, NAMES)
    assert plain.suggest("狗证去哪办") == []
    router = DepartmentRouter(documents, NAMES, [("狗证", "养犬登记")])
    top = router.suggest("狗证去哪办")[0]
    assert top.department == "gaj"
    assert "养犬" in top.terms


def test_documents_without_weight_or_text_are_ignored():
    router = DepartmentRouter(
        [("gaj", "身份证", 0.0), ("jyj", "", 1.0), ("ybj", "医保", 1.0)], NAMES
    )
    assert [s.department for s in router.suggest("身份证 医保 教育局")] == ["ybj"]


def test_building_and_suggesting_are_fast():
    documents = [
        (f"d{n % 30}", f"对第{n}号{DOCUMENTS[n % 12][1]}的行政处罚", 0.3)
        for n in range(10_000)
    ]
    # Processor time, not wall time: other processes share the machine.
    started = time.process_time()
    router = DepartmentRouter(documents, NAMES)
    built = time.process_time() - started
    started = time.process_time()
    for _ in range(100):
        router.suggest("孩子出生以后上户口，还有社保卡和医保怎么转移")
    asked = (time.process_time() - started) / 100
    assert built < 2.0
    assert asked < 0.01
