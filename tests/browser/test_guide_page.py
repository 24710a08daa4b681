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


def test_without_a_situation_all_materials_are_grouped_by_situation(
    published_guide, anonymous
):
    anonymous.open(published_guide.absolute_url())
    text = guide_part(anonymous)
    assert materials_on(anonymous) == ["居民户口簿", "挂失声明", "深圳市居住证"]
    assert (
        text.index("所有情形都需要")
        < text.index("居民户口簿")
        < text.index("挂失声明")
        < text.index("深圳市居住证")
    )


def test_picking_a_situation_without_javascript_gives_its_exact_list(
    published_guide, anonymous
):
    anonymous.open(published_guide.absolute_url())
    form = anonymous.getForm(index=_picker_index(anonymous))
    form.getControl(name="situation").value = ["补领"]
    form.submit()
    assert "situation=" in anonymous.url
    assert materials_on(anonymous) == ["居民户口簿", "挂失声明"]
    text = guide_part(anonymous)
    # Each material says how to bring it.
    for detail in ("复印件", "2", "电子", "报社", "登报后三日"):
        assert detail in text


def _picker_index(visitor):
    forms = visitor.text.split("<form")[1:]
    return next(i for i, form in enumerate(forms) if "situation-picker" in form)


def test_two_situations_give_the_union_of_their_materials(published_guide, anonymous):
    url = published_guide.absolute_url()
    anonymous.open(f"{url}?situation={quote('补领')}&situation={quote('非本市户籍')}")
    assert materials_on(anonymous) == ["居民户口簿", "挂失声明", "深圳市居住证"]
    anonymous.open(f"{url}?situation={quote('首次申领')}")
    assert materials_on(anonymous) == ["居民户口簿"]


def test_unknown_situation_in_the_url_gives_a_notice_not_an_error(
    published_guide, anonymous
):
    anonymous.open(f"{published_guide.absolute_url()}?situation={quote('外星人')}")
    text = guide_part(anonymous)
    assert "guide-unknown-situation" in text
    assert "外星人" in text
    # Nothing was chosen: every material is listed, grouped.
    assert materials_on(anonymous) == ["居民户口簿", "挂失声明", "深圳市居住证"]


def test_print_page_has_only_the_chosen_list_and_the_essentials(
    published_guide, anonymous
):
    anonymous.open(f"{published_guide.absolute_url()}?situation={quote('补领')}")
    anonymous.getLink(url="print=1").click()
    assert materials_on(anonymous) == ["居民户口簿", "挂失声明"]
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
    assert materials_on(as_editor) == ["居民户口簿", "挂失声明", "深圳市居住证"]
