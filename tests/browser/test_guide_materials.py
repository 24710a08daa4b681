"""The situation picker's rules: which materials a citizen must bring for a
combination of situations (one option per dimension)."""

from zhengwu.browser.guide_facts import is_free
from zhengwu.browser.guide_facts import online_depth_text
from zhengwu.browser.guide_facts import visits_text
from zhengwu.browser.guide_facts import working_days_text
from zhengwu.content.guide_materials import choose
from zhengwu.content.guide_materials import group_by_situation
from zhengwu.content.guide_materials import select_materials
from zhengwu.content.guide_materials import split_situations
from zhengwu.content.situations import all_options
from zhengwu.content.situations import parse_dimensions

DIMENSIONS = parse_dimensions(
    [
        "申领类型：首次申领 / 换领 / 补领",
        "户籍：本市户籍 / 非本市户籍",
        "办理人：本人 / 监护人陪同",
    ]
)
MATERIALS = [
    {"name": "照片", "situations": ""},
    {"name": "户口簿", "situations": "首次申领、本市户籍"},
    {"name": "旧证", "situations": "换领、补领"},
    {"name": "居住证", "situations": "非本市户籍"},
    {"name": "出生证明", "situations": "首次申领、监护人陪同"},
    {"name": "挂失证明", "situations": "补领"},
]


def names(rows):
    return [row["name"] for row in rows]


def chosen(**by_dimension):
    titles = {"kind": "申领类型", "hukou": "户籍", "who": "办理人"}
    return {titles[key]: option for key, option in by_dimension.items()}


def test_situation_cells_split_on_chinese_and_latin_commas():
    assert split_situations("首次申领、补领, 换领，代办") == [
        "首次申领",
        "补领",
        "换领",
        "代办",
    ]
    assert split_situations("") == []
    assert split_situations(None) == []


def test_a_full_combination_gives_exactly_its_materials():
    selection = select_materials(
        DIMENSIONS, MATERIALS, chosen(kind="首次申领", hukou="本市户籍", who="本人")
    )
    assert names(selection.needed) == ["照片", "户口簿"]
    assert selection.depends == []


def test_options_of_different_dimensions_must_all_hold():
    # 户口簿 is for a first application of a Shenzhen household only.
    selection = select_materials(
        DIMENSIONS, MATERIALS, chosen(kind="首次申领", hukou="非本市户籍", who="本人")
    )
    assert names(selection.needed) == ["照片", "居住证"]


def test_options_of_one_dimension_are_alternatives():
    for kind in ("换领", "补领"):
        selection = select_materials(
            DIMENSIONS, MATERIALS, chosen(kind=kind, hukou="本市户籍", who="本人")
        )
        assert "旧证" in names(selection.needed)
    selection = select_materials(
        DIMENSIONS, MATERIALS, chosen(kind="补领", hukou="本市户籍", who="本人")
    )
    assert names(selection.needed) == ["照片", "旧证", "挂失证明"]


def test_a_dimension_left_at_any_lists_what_depends_on_it_by_option():
    selection = select_materials(DIMENSIONS, MATERIALS, chosen(kind="首次申领"))
    assert names(selection.needed) == ["照片"]
    groups = {group.situation: names(group.materials) for group in selection.depends}
    assert groups == {
        "本市户籍": ["户口簿"],
        "非本市户籍": ["居住证"],
        "监护人陪同": ["出生证明"],
    }
    # 旧证 and 挂失证明 are for other kinds of application: not listed at all.
    listed = [row for group in selection.depends for row in group.materials]
    assert not {"旧证", "挂失证明"} & set(names(listed))


def test_choose_takes_one_option_per_dimension_from_the_url():
    choice = choose(DIMENSIONS, ["补领", "非本市户籍", "外星人", " ", ""])
    assert choice.chosen == {"申领类型": "补领", "户籍": "非本市户籍"}
    assert choice.unknown == ["外星人"]
    assert choice.conflicts == []
    assert choice.options(DIMENSIONS) == ["补领", "非本市户籍"]
    assert choose(DIMENSIONS, "首次申领").chosen == {"申领类型": "首次申领"}
    assert choose(DIMENSIONS, None).chosen == {}


def test_two_options_of_one_dimension_cannot_both_be_chosen():
    choice = choose(DIMENSIONS, ["本市户籍", "非本市户籍", "换领", "本市户籍"])
    assert choice.chosen == {"申领类型": "换领"}
    assert choice.conflicts == ["户籍"]
    # a third option of the same dimension does not bring it back
    choice = choose(DIMENSIONS, ["首次申领", "换领", "补领"])
    assert choice.chosen == {} and choice.conflicts == ["申领类型"]


def test_without_a_choice_materials_are_grouped_common_first_and_none_is_lost():
    groups = group_by_situation(
        all_options(DIMENSIONS), MATERIALS + [{"name": "x", "situations": "代办"}]
    )
    assert [group.situation for group in groups] == [
        None,
        "首次申领",
        "换领",
        "补领",
        "本市户籍",
        "非本市户籍",
        "监护人陪同",
        "代办",
    ]
    assert names(groups[0].materials) == ["照片"]
    assert names(groups[3].materials) == ["旧证", "挂失证明"]


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
