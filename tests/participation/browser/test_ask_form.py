"""The ask form (@@ask): members only; the question awaits moderation; refused
input is shown again with the error beside its field."""

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from qa_pages import BOARD_PATH
from qa_pages import XSS_DETAILS
from qa_pages import XSS_TITLE
from qa_pages import board
from qa_pages import browser_of
from qa_pages import member
from qa_pages import sync
from qa_pages import url_of
from qa_pages import zh

from zhengwu import _
from zhengwu.participation import posting
from zhengwu.safety.honeypot import HONEYPOT_FIELD

ASK = f"http://nohost/{BOARD_PATH}/@@ask"


def questions(site):
    return [obj for obj in board(site).objectValues() if obj.portal_type == "Question"]


def guide(site, state="published"):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(
            container=site["zh-cn"]["gaj"],
            type="Guide",
            id="id-card",
            title="居民身份证补领",
            service_code="ASK-0001",
        )
        if state == "published":
            api.content.transition(obj, to_state="published")
    transaction.commit()
    return obj


def test_anonymous_visitors_are_sent_to_log_in(app, site):
    browser = browser_of(app)
    browser.open(ASK)
    assert "/login" in browser.url


def test_a_member_asks_and_the_question_awaits_moderation(app, site):
    member("asker", "张三")
    browser = browser_of(app, "asker")
    browser.open(ASK)
    assert browser.getControl(name="_authenticator", index=0)
    assert 'aria-live="polite"' in browser.contents
    assert "++resource++zhengwu.participation/ask.js" in browser.contents
    browser.getControl(name="title").value = "身份证丢了怎么补办？"
    browser.getControl(name="details").value = "下周要坐飞机。\n\n在南山住。"
    browser.getControl(name="form.submitted").click()

    sync(app)
    [question] = questions(site)
    assert browser.url == url_of(question)
    assert api.content.get_state(question) == "pending_moderation"
    assert question.Creator() == "asker"
    assert question.details == "下周要坐飞机。\n\n在南山住。"
    assert "身份证丢了怎么补办？" in browser.text
    assert "portalMessage" in browser.contents or "statusmessage" in browser.contents
    assert zh(_("Awaiting moderation.")) in browser.text


def test_a_guide_link_prefills_the_guide(app, site):
    member("asker")
    id_card = guide(site)
    browser = browser_of(app, "asker")
    browser.open(f"{ASK}?guide={id_card.UID()}")
    assert browser.getControl(name="guide").value == [id_card.UID()]
    browser.getControl(name="title").value = "补领身份证要多久？"
    browser.getControl(name="form.submitted").click()
    sync(app)
    [question] = questions(site)
    assert question.guide.to_object == id_card
    assert "居民身份证补领" in browser.text


def test_an_unknown_guide_is_refused_and_the_input_kept(app, site):
    member("asker")
    browser = browser_of(app, "asker")
    browser.open(ASK)
    browser.getControl(name="title").value = "补领身份证要多久？"
    form = browser.getForm(action=ASK)
    # A tampered form: a guide that is not in the list.
    browser.post(
        ASK,
        "title=%E8%A1%A5%E9%A2%86&guide=not-a-uid&form.submitted=1&_authenticator="
        + form.getControl(name="_authenticator").value,
    )
    assert zh(_("Please choose a guide from the list.")) in browser.text
    assert browser.getControl(name="title").value == "补领"
    sync(app)
    assert questions(site) == []


def test_an_empty_title_is_refused_and_the_details_kept(app, site):
    member("asker")
    browser = browser_of(app, "asker")
    browser.open(ASK)
    browser.getControl(name="details").value = "只写了详情"
    browser.getControl(name="form.submitted").click()
    assert browser.url.endswith("@@ask")
    assert zh(_("Please fill in this field.")) in browser.text
    assert 'aria-invalid="true"' in browser.contents
    assert browser.getControl(name="details").value == "只写了详情"
    sync(app)
    assert questions(site) == []


def test_the_rate_limit_is_shown_above_the_form(app, site, monkeypatch):
    limits = {"posts_per_hour_per_account": 1, "posts_per_hour_per_address": 30}
    monkeypatch.setattr(posting, "_setting", limits.get)
    member("asker")
    browser = browser_of(app, "asker")
    for title in ("第一个问题", "第二个问题"):
        browser.open(ASK)
        browser.getControl(name="title").value = title
        browser.getControl(name="form.submitted").click()
    assert browser.url.endswith("@@ask")
    assert browser.getControl(name="title").value == "第二个问题"
    assert "zw-qa-form-message" in browser.contents
    sync(app)
    assert [q.Title() for q in questions(site)] == ["第一个问题"]


def test_without_the_token_nothing_is_posted_and_the_input_kept(app, site):
    member("asker")
    browser = browser_of(app, "asker")
    browser.post(ASK, "title=%E6%B2%A1%E6%9C%89%E4%BB%A4%E7%89%8C&form.submitted=1")
    assert browser.headers["status"].startswith("403")
    assert browser.getControl(name="title").value == "没有令牌"
    sync(app)
    assert questions(site) == []


def test_a_bot_filling_the_honeypot_posts_nothing(app, site):
    member("asker")
    browser = browser_of(app, "asker")
    browser.open(ASK)
    browser.getControl(name="title").value = "机器人的问题"
    browser.getControl(name=HONEYPOT_FIELD).value = "http://spam.example"
    browser.getControl(name="form.submitted").click()
    sync(app)
    assert questions(site) == []


def test_script_in_the_question_is_kept_as_text(app, site):
    member("asker")
    browser = browser_of(app, "asker")
    browser.open(ASK)
    browser.getControl(name="title").value = XSS_TITLE
    browser.getControl(name="details").value = XSS_DETAILS
    browser.getControl(name="form.submitted").click()
    assert "<script>alert(1)</script>" not in browser.contents
    assert "<img src=x" not in browser.contents
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in browser.contents
    sync(app)
    [question] = questions(site)
    assert question.Title() == XSS_TITLE
