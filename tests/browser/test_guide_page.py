"""A citizen reads a service guide and picks a situation to get the exact list."""

import re
from urllib.parse import quote

import pytest
import transaction


def materials_on(visitor):
    """The material names in the tables of the page, in order."""
    return re.findall(r'class="material-name"[^>]*>\s*([^<]+?)\s*<', visitor.text)


def guide_part(visitor):
    """The guide's elements, without the how-to-act block that repeats the window
    and the phone at the top (test_guide_actions.py)."""
    text = visitor.text[visitor.text.index("zhengwu-guide") :]
    return re.sub(r'<section class="guide-actions".*?</section>', "", text, flags=re.S)


@pytest.fixture
def published_guide(id_card, publish):
    publish(id_card)
    transaction.commit()
    return id_card


def test_guide_shows_every_element_in_the_citizens_order(published_guide, anonymous):
    anonymous.open(published_guide.absolute_url())
    text = guide_part(anonymous)
    order = [
        "11440305MB2C12345X4440120001000",
        "公安",  # implementing body
        "《中华人民共和国居民身份证法》第八条",
        "年满十六周岁的中国公民",
        "居民户口簿",
        "采集指纹",
        "20 个工作日",
        "60 个工作日",
        "南山区行政服务大厅二楼",
        "0755-12345678",
        "三级：网上受理",
        "最多跑一次",
        "可以代办吗？",
    ]
    positions = [text.index(item) for item in order]
    assert positions == sorted(positions)


def test_free_service_says_so_before_anything_else_citizens_read(
    published_guide, anonymous
):
    anonymous.open(published_guide.absolute_url())
    text = guide_part(anonymous)
    assert 'class="guide-fees-free"' in text
    assert text.index("不收费") < text.index("居民户口簿")


def needed_on(visitor):
    """The material names of the list for the chosen combination."""
    text = visitor.text[visitor.text.index('class="chosen-materials"') :]
    if 'class="depending-materials"' in text:
        text = text[: text.index('class="depending-materials"')]
    return re.findall(r'class="material-name"[^>]*>\s*([^<]+?)\s*<', text)


def depending_on(visitor):
    """{option left open: material names} of the "only if" groups."""
    text = visitor.text
    if 'class="depending-materials"' not in text:
        return {}
    text = text[text.index('class="depending-materials"') : text.index("guide-print")]
    groups = {}
    for part in text.split('class="depending-situation"')[1:]:
        option = re.match(r"[^>]*>\s*([^<]+?)\s*<", part).group(1)
        groups[option] = re.findall(r'class="material-name"[^>]*>\s*([^<]+?)\s*<', part)
    return groups


def query(**pairs):
    return "?" + "&".join(f"{key}={quote(value)}" for key, value in pairs.items())


def test_without_a_situation_all_materials_are_grouped_by_situation(
    published_guide, anonymous
):
    anonymous.open(published_guide.absolute_url())
    text = guide_part(anonymous)
    assert materials_on(anonymous) == [
        "居民户口簿",
        "挂失声明",
        "户籍证明",
        "深圳市居住证",
        "监护人身份证",
    ]
    assert (
        text.index("所有情形都需要")
        < text.index("居民户口簿")
        < text.index("挂失声明")
        < text.index("深圳市居住证")
    )


def test_the_picker_is_one_radio_group_per_dimension_with_any(
    published_guide, anonymous
):
    anonymous.open(published_guide.absolute_url())
    picker = guide_part(anonymous).split('class="situation-picker"')[1]
    picker = picker[: picker.index("</form>")]
    assert 'type="checkbox"' not in picker
    for title in ("申领类型", "户籍", "办理人"):
        assert f"<legend>{title}</legend>" in picker
    assert picker.count("不限") == 3
    form = anonymous.getForm(index=_picker_index(anonymous))
    hukou = form.getControl(name="situation-2")
    assert hukou.options == ["", "本市户籍", "非本市户籍"]
    assert hukou.value == [""]  # "any" until the visitor chooses


def test_picking_a_situation_without_javascript_gives_its_exact_list(
    published_guide, anonymous
):
    anonymous.open(published_guide.absolute_url())
    form = anonymous.getForm(index=_picker_index(anonymous))
    form.getControl(name="situation-1").value = ["补领"]
    form.getControl(name="situation-2").value = ["本市户籍"]
    form.getControl(name="situation-3").value = ["本人"]
    form.submit()
    assert "situation-1=" in anonymous.url
    assert needed_on(anonymous) == ["居民户口簿", "挂失声明", "户籍证明"]
    assert depending_on(anonymous) == {}
    text = guide_part(anonymous)
    # Each material says how to bring it.
    for detail in ("复印件", "2", "电子", "报社", "登报后三日"):
        assert detail in text


def _picker_index(visitor):
    forms = visitor.text.split("<form")[1:]
    return next(i for i, form in enumerate(forms) if "situation-picker" in form)


def test_choosing_non_shenzhen_household_shows_its_materials_not_shenzhens(
    published_guide, anonymous
):
    url = published_guide.absolute_url()
    anonymous.open(url + query(**{"situation-2": "非本市户籍"}))
    assert "深圳市居住证" in needed_on(anonymous)
    assert "户籍证明" not in materials_on(anonymous)
    anonymous.open(url + query(**{"situation-2": "本市户籍"}))
    assert "户籍证明" in needed_on(anonymous)
    assert "深圳市居住证" not in materials_on(anonymous)
    # the choice is kept in the form and in the print link
    form = anonymous.getForm(index=_picker_index(anonymous))
    assert form.getControl(name="situation-2").value == ["本市户籍"]
    assert "situation-2=" in anonymous.getLink(url="print=1").url


def test_a_dimension_left_at_any_lists_its_materials_as_only_if(
    published_guide, anonymous
):
    anonymous.open(
        published_guide.absolute_url() + query(**{"situation-1": "首次申领"})
    )
    assert needed_on(anonymous) == ["居民户口簿"]
    assert depending_on(anonymous) == {
        "本市户籍": ["户籍证明"],
        "非本市户籍": ["深圳市居住证"],
        "监护人陪同": ["监护人身份证"],
    }
    assert "挂失声明" not in materials_on(anonymous)  # a replacement's only


def test_both_households_cannot_be_chosen_even_by_hand(published_guide, anonymous):
    url = published_guide.absolute_url()
    both = f"?situation-2={quote('本市户籍')}&situation-2={quote('非本市户籍')}"
    anonymous.open(url + both + f"&situation-1={quote('补领')}")
    assert anonymous.headers["status"].startswith("200")
    text = guide_part(anonymous)
    assert "guide-situation-conflict" in text
    assert "只能选择一项" in text
    # 户籍 stays open: its materials are "only if", the other choice holds.
    assert needed_on(anonymous) == ["居民户口簿", "挂失声明"]
    assert set(depending_on(anonymous)) == {"本市户籍", "非本市户籍", "监护人陪同"}
    form = anonymous.getForm(index=_picker_index(anonymous))
    assert form.getControl(name="situation-2").value == [""]


def test_an_old_shared_link_with_situation_still_chooses(published_guide, anonymous):
    anonymous.open(
        published_guide.absolute_url()
        + f"?situation={quote('补领')}&situation={quote('非本市户籍')}"
    )
    assert needed_on(anonymous) == ["居民户口簿", "挂失声明", "深圳市居住证"]


def test_unknown_situation_in_the_url_gives_a_notice_not_an_error(
    published_guide, anonymous
):
    anonymous.open(f"{published_guide.absolute_url()}?situation-1={quote('外星人')}")
    text = guide_part(anonymous)
    assert "guide-unknown-situation" in text
    assert "外星人" in text
    # Nothing was chosen: every material is listed, grouped.
    assert len(materials_on(anonymous)) == 5
    assert "chosen-materials" not in text


def test_print_page_has_only_the_chosen_list_and_the_essentials(
    published_guide, anonymous
):
    url = published_guide.absolute_url()
    anonymous.open(url + query(**{"situation-1": "补领", "situation-2": "本市户籍"}))
    anonymous.getLink(url="print=1").click()
    assert materials_on(anonymous) == [
        "居民户口簿",
        "挂失声明",
        "户籍证明",
        "监护人身份证",
    ]
    assert "仅当" in anonymous.text  # 监护人身份证: only if 监护人陪同
    text = anonymous.text
    assert "南山区行政服务大厅二楼" in text
    assert "不收费" in text
    assert "situation-picker" not in text
    assert "portal-header" not in text
    assert "可以代办吗？" not in text


def test_page_links_a_print_stylesheet(published_guide, anonymous):
    anonymous.open(published_guide.absolute_url())
    assert "++resource++zhengwu/guide.css" in anonymous.text
    anonymous.open(published_guide.portal_url() + "/++resource++zhengwu/guide.css")
    assert "@media print" in anonymous.contents


def test_anonymous_cannot_read_a_draft_guide(id_card, anonymous):
    anonymous.open(id_card.absolute_url())
    assert "/login?came_from=" in anonymous.url
    assert materials_on(anonymous) == []


def test_department_editor_reads_the_draft_guide_of_their_department(
    id_card, as_editor
):
    as_editor.open(id_card.absolute_url())
    assert len(materials_on(as_editor)) == 5
