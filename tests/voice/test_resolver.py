"""The resolver: the longest name wins; sections before departments before
services; a service named out of order or by its own part; else a search."""

import pytest

from zhengwu.voice.normalize import clean
from zhengwu.voice.resolver import Names
from zhengwu.voice.resolver import resolve
from zhengwu.voice.words import voice_words

WORDS = voice_words("nanshan")


def names_of(entries):
    names = Names(markers=WORDS.section_markers)
    for name, kind, target in entries:
        names.add(name, kind, target)
    names.finish()
    return names


NAMES = names_of(
    [
        ("企业", "section", "enterprise"),
        ("投诉", "section", "complaint"),
        ("旅游", "section", "tourist"),
        ("地图", "section", "map"),
        ("map", "section", "map"),
        ("visit", "section", "tourist"),
        ("卫健局", "department", "南山区卫生健康局"),
        ("卫生健康局", "department", "南山区卫生健康局"),
        ("残联", "department", "南山区残疾人联合会"),
        ("health commission", "department", "南山区卫生健康局"),
        ("开公司", "service", "business-registration"),
        ("办狗证", "service", "dog-registration"),
        ("旅游投诉", "service", "scenic-complaint"),
        ("大梅沙预约", "service", "dameisha-reservation"),
        ("投诉", "service", "complaint"),
        ("dog registration", "service", "dog-registration"),
        ("chung ying street booking", "service", "chung-ying-street-reservation"),
    ]
)


def resolved(said):
    result = resolve(clean(said, WORDS), NAMES)
    return result.kind, result.target


@pytest.mark.parametrize(
    ("said", "kind", "target"),
    [
        ("嗯打开卫健局", "department", "南山区卫生健康局"),
        ("那个残联", "department", "南山区残疾人联合会"),
        ("go to the health commission", "department", "南山区卫生健康局"),
        ("我是开公司的进企业页面", "section", "enterprise"),
        ("打开旅游投诉", "service", "scenic-complaint"),
        ("我要投诉", "section", "complaint"),
        ("我要给狗办证", "service", "dog-registration"),
        ("register my dog", "service", "dog-registration"),
        ("帮我约一下这周六的大梅沙", "service", "dameisha-reservation"),
        (
            "book a visit to chung ying street",
            "service",
            "chung-ying-street-reservation",
        ),
        ("open the map", "section", "map"),
    ],
)
def test_a_named_target_is_opened(said, kind, target):
    assert resolved(said) == (kind, target)


@pytest.mark.parametrize(
    ("said", "query"),
    [
        ("垃圾分类怎么分", "垃圾分类怎么分"),
        ("帮我搜一下卫健局", "卫健局"),
        ("那个地铁十三号线什么时候通车", "地铁13号线什么时候通车"),
        ("search for school holidays", "school holidays"),
    ],
)
def test_anything_else_is_searched_without_the_command_words(said, query):
    assert resolved(said) == ("search", query)


def test_booking_is_asked_only_of_a_service():
    assert resolve(clean("我要预约大梅沙", WORDS), NAMES).booking
    assert not resolve(clean("打开大梅沙", WORDS), NAMES).booking
