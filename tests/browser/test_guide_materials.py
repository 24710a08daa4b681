"""The situation picker's rules: which materials a citizen must bring."""

from zhengwu.browser.guide_facts import is_free
from zhengwu.browser.guide_facts import online_depth_text
from zhengwu.browser.guide_facts import visits_text
from zhengwu.browser.guide_facts import working_days_text
from zhengwu.browser.guide_materials import chosen_situations
from zhengwu.browser.guide_materials import group_by_situation
from zhengwu.browser.guide_materials import materials_for
from zhengwu.browser.guide_materials import split_situations

SITUATIONS = ["首次申领", "补领", "非本市户籍"]
MATERIALS = [
    {"name": "户口簿", "situations": ""},
    {"name": "照片回执", "situations": "首次申领、补领"},
    {"name": "居住证", "situations": "非本市户籍"},
    {"name": "挂失证明", "situations": "补领"},
    {"name": "旧证", "situations": "换领"},
]


def names(rows):
    return [row["name"] for row in rows]


def test_situation_cells_split_on_chinese_and_latin_commas():
    assert split_situations("首次申领、补领, 换领，代办") == [
        "首次申领",
        "补领",
        "换领",
        "代办",
    ]
    assert split_situations("") == []
    assert split_situations(None) == []


def test_first_application_needs_common_and_its_own_materials_only():
    assert names(materials_for(MATERIALS, ["首次申领"])) == ["户口簿", "照片回执"]


def test_replacement_for_non_resident_adds_both_situations_materials():
    chosen = ["补领", "非本市户籍"]
    assert names(materials_for(MATERIALS, chosen)) == [
        "户口簿",
        "照片回执",
        "居住证",
        "挂失证明",
    ]


def test_unknown_situations_in_the_url_are_separated_from_known_ones():
    valid, unknown = chosen_situations(["补领", "外星人", "补领", " "], SITUATIONS)
    assert valid == ["补领"]
    assert unknown == ["外星人"]
    assert chosen_situations("首次申领", SITUATIONS) == (["首次申领"], [])
    assert chosen_situations(None, SITUATIONS) == ([], [])


def test_without_a_choice_materials_are_grouped_common_first_and_none_is_lost():
    groups = group_by_situation(SITUATIONS, MATERIALS)
    assert [group.situation for group in groups] == [
        None,
        "首次申领",
        "补领",
        "非本市户籍",
        "换领",
    ]
    assert names(groups[0].materials) == ["户口簿"]
    assert names(groups[2].materials) == ["照片回执", "挂失证明"]


def test_a_situation_without_materials_of_its_own_gets_no_empty_group():
    groups = group_by_situation(["首次申领", "代办"], [{"name": "户口簿"}])
    assert [group.situation for group in groups] == [None]


def test_facts_read_as_human_text():
    assert "Fully online" in online_depth_text("4")
    assert online_depth_text(7) is None
    assert "one visit" in visits_text(1)
    assert visits_text(None) is None
    assert working_days_text(20).mapping == {"days": 20}
    assert working_days_text(0) == "Done on the spot"
    assert working_days_text(None) is None


def test_fees_are_free_only_when_the_guide_says_so():
    assert is_free("不收费")
    assert is_free("免费。")
    assert not is_free("工本费 20 元")
    assert not is_free("")
