"""Interpretations, disclosure records, encyclopedia entries and questions show
citizens their content, never the back office (设置 / 短名, an empty folder
listing, 版本化已启用, a navigation portlet); editors can still edit them."""

import pytest
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import citizen
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

BACK_OFFICE = (
    "设置",
    "短名",
    "这个文件夹中，当前没有任何内容",
    "版本化已启用",
    "portletNavigationTree",
    "Short name",
    "There are currently no items in this folder",
    "Versioning enabled",
)


def html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def as_owner(function, *args, **kwargs):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        return function(*args, **kwargs)


def published(container, type_, **fields):
    obj = as_owner(api.content.create, container=container, type=type_, **fields)
    as_owner(api.content.transition, obj, to_state="published")
    return obj


def main_content(visitor):
    """The page without the site's frame (menus and footer may say 设置 one day)."""
    text = visitor.text
    return text[text.index('id="content"') :]


@pytest.fixture
def record(gaj):
    record = published(
        gaj,
        "DisclosureRecord",
        id="hukou-notice",
        title="关于调整户籍迁入条件的通知",
        topic_category="policy",
        genre="notice",
        document_number="深南公〔2026〕3号",
        text=html("<p>户籍迁入条件调整如下。</p>"),
    )
    as_owner(
        api.content.create,
        container=record,
        type="File",
        id="notice.pdf",
        title="通知全文（PDF）",
        file=NamedBlobFile(b"%PDF-1.4 demo", filename="notice.pdf"),
    )
    transaction.commit()
    return record


@pytest.fixture
def interpretation(gaj, record):
    relation = RelationValue(getUtility(IIntIds).getId(record))
    interpretation = published(
        gaj,
        "PolicyInterpretation",
        id="hukou-explained",
        title="户籍新政解读",
        interprets=relation,
        text=html("<p>新政让更多人可以落户。</p>"),
    )
    transaction.commit()
    return interpretation


@pytest.fixture
def entry(gaj):
    entry = published(
        gaj,
        "EncyclopediaEntry",
        id="rongque",
        title="容缺受理",
        related_terms=["告知承诺制"],
        text=html("<p>次要材料欠缺时先受理。</p>"),
    )
    transaction.commit()
    return entry


def assert_no_back_office(visitor):
    content = main_content(visitor)
    for words in BACK_OFFICE:
        assert words not in content, words


def test_a_disclosure_record_shows_its_data_attachment_and_interpretation(
    record, interpretation, anonymous
):
    anonymous.open(record.absolute_url())
    content = main_content(anonymous)
    assert "户籍迁入条件调整如下" in content
    assert "深南公〔2026〕3号" in content
    assert f"{record.absolute_url()}/notice.pdf/@@download/file" in content
    assert "通知全文（PDF）" in content
    assert interpretation.absolute_url() in content
    assert "户籍新政解读" in content
    assert_no_back_office(anonymous)


def test_a_private_attachment_and_interpretation_stay_hidden(gaj, record, anonymous):
    relation = RelationValue(getUtility(IIntIds).getId(record))
    as_owner(
        api.content.create,
        container=gaj,
        type="PolicyInterpretation",
        id="draft-explained",
        title="尚未发布的解读",
        interprets=relation,
    )
    as_owner(
        api.content.create,
        container=record,
        type="File",
        id="draft.pdf",
        title="内部草稿",
        file=NamedBlobFile(b"%PDF-1.4 draft", filename="draft.pdf"),
    )
    # Files have no workflow of their own: a file hidden by its permissions.
    record["draft.pdf"].manage_permission("View", ["Manager"], acquire=False)
    transaction.commit()
    anonymous.open(record.absolute_url())
    content = main_content(anonymous)
    assert "尚未发布的解读" not in content
    assert "内部草稿" not in content
    assert "通知全文（PDF）" in content


def test_an_interpretation_links_the_document_it_explains(interpretation, anonymous):
    anonymous.open(interpretation.absolute_url())
    content = main_content(anonymous)
    assert "新政让更多人可以落户" in content
    assert "关于调整户籍迁入条件的通知" in content
    assert interpretation.interprets.to_object.absolute_url() in content
    assert_no_back_office(anonymous)


def test_an_encyclopedia_entry_shows_its_text_and_related_terms(entry, anonymous):
    anonymous.open(entry.absolute_url())
    content = main_content(anonymous)
    assert "次要材料欠缺时先受理" in content
    assert "@@search?SearchableText=%E5%91%8A%E7%9F%A5" in content
    assert_no_back_office(anonymous)


def test_no_navigation_portlet_on_a_question_page(site, anonymous):
    question = approve(ask(site, citizen("nav-asker"), "居住证怎么办理？"))
    as_owner(
        api.content.create,
        container=question,
        type="Answer",
        id="a1",
        text="去派出所办理。",
    )
    transaction.commit()
    anonymous.open(question.absolute_url())
    assert "居住证怎么办理？" in anonymous.text
    assert "portletNavigationTree" not in anonymous.text
    assert 'id="portal-column-one"' not in anonymous.text


@pytest.mark.parametrize("name", ["record", "interpretation", "entry"])
def test_the_editor_still_edits_them(request, name, owner):
    obj = request.getfixturevalue(name)
    owner.open(obj.absolute_url())
    assert f"{obj.absolute_url()}/edit" in owner.text
    owner.open(f"{obj.absolute_url()}/edit")
    assert owner.headers["status"].startswith("200")
    assert 'name="form.buttons.save"' in owner.text
