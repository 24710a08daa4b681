"""An editor writes a guide's situations as one line per dimension in the edit form."""

import pytest
import transaction


@pytest.fixture
def edit_form(id_card, as_editor):
    as_editor.handleErrors = False
    as_editor.open(id_card.absolute_url() + "/@@edit")
    return as_editor


def save(browser, lines):
    browser.getControl(name="form.widgets.situations").value = "\n".join(lines)
    browser.getControl(name="form.buttons.save").click()


def test_the_field_says_how_to_write_a_dimension(edit_form):
    assert "户籍：本市户籍 / 非本市户籍" in edit_form.text
    value = edit_form.getControl(name="form.widgets.situations").value
    assert value.splitlines()[1] == "户籍：本市户籍 / 非本市户籍"


def test_a_line_without_a_dimension_name_is_refused_in_chinese(edit_form, id_card):
    before = list(id_card.situations)
    save(edit_form, ["申领类型：首次申领 / 补领", "本市户籍 / 非本市户籍"])
    assert edit_form.headers["status"].startswith("200")
    assert "第 2 行（本市户籍 / 非本市户籍）缺少维度名称" in edit_form.text
    transaction.begin()
    assert id_card.situations == before


def test_an_option_in_two_dimensions_is_refused(edit_form, id_card):
    save(edit_form, ["申领类型：首次申领 / 补领", "户籍：本市户籍 / 补领"])
    assert "选项“补领”已是维度“申领类型”的选项" in edit_form.text


def test_good_lines_are_saved_and_the_picker_follows(edit_form, id_card):
    lines = [
        "申领类型：首次申领 / 补领 / 换领",
        "户籍：本市户籍、非本市户籍",
        "办理人：本人 / 监护人陪同",
    ]
    save(edit_form, lines)
    assert edit_form.url == id_card.absolute_url()  # saved, back on the page
    transaction.begin()
    assert id_card.situations == lines
    assert "<legend>申领类型</legend>" in edit_form.text
    assert 'value="换领"' in edit_form.text
