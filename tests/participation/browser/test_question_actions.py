"""The POST views of the question page: vote, accept, report, answer. Each needs the
CSRF token and a member; the asker alone accepts."""

import pytest
from qa_pages import approve
from qa_pages import ask
from qa_pages import browser_of
from qa_pages import citizen_answer
from qa_pages import member
from qa_pages import official_answer
from qa_pages import sync
from qa_pages import url_of
from qa_pages import zh

from zhengwu import _
from zhengwu.content.answer import TEXT_MAX
from zhengwu.participation import moderation
from zhengwu.participation import votes
from zhengwu.safety.honeypot import HONEYPOT_FIELD


@pytest.fixture
def question(site):
    member("asker", "张三")
    member("helper", "李四")
    return approve(ask(site, "asker", "公积金怎么提取？"))


def post(browser, url, **fields):
    """POST ``fields`` (with the page's CSRF token unless it is given as None)."""
    from urllib.parse import urlencode

    browser.post(url, urlencode({k: v for k, v in fields.items() if v is not None}))


def token(browser, url):
    """The CSRF token of ``browser``'s member (from a form of the page at ``url``)."""
    browser.open(url)
    return browser.getControl(name="_authenticator", index=0).value


def answers_in(question):
    return [obj.portal_type for obj in question.objectValues()]


def test_a_member_votes_and_withdraws_the_vote(app, site, question):
    helper = browser_of(app, "helper")
    helper.open(url_of(question))
    helper.getForm(action=f"{url_of(question)}/@@vote").submit()
    assert helper.url.startswith(url_of(question))
    sync(app)
    assert votes.vote_count(question) == 1
    assert votes.has_voted(question, "helper")
    assert 'aria-pressed="true"' in helper.contents
    helper.getForm(action=f"{url_of(question)}/@@vote").submit()
    sync(app)
    assert votes.vote_count(question) == 0


def test_nobody_votes_for_their_own_post_or_without_the_token(app, site, question):
    asker = browser_of(app, "asker")
    asker.open(url_of(question))
    assert "@@vote" not in asker.contents
    post(
        asker,
        f"{url_of(question)}/@@vote",
        _authenticator=token(asker, url_of(question)),
    )
    helper = browser_of(app, "helper")
    post(helper, f"{url_of(question)}/@@vote", action="add")
    assert helper.headers["status"].startswith("403")
    anonymous = browser_of(app)
    post(anonymous, f"{url_of(question)}/@@vote", action="add")
    assert "/login" in anonymous.url or anonymous.headers["status"].startswith("40")
    sync(app)
    assert votes.vote_count(question) == 0


def test_the_asker_accepts_an_answer_and_the_question_is_resolved(app, site, question):
    official = official_answer(question)
    answer = citizen_answer(question, "helper")

    helper = browser_of(app, "helper")
    helper.open(url_of(question))
    assert "@@accept" not in helper.contents
    post(
        helper,
        f"{url_of(official)}/@@accept",
        _authenticator=token(helper, url_of(question)),
    )
    sync(app)
    assert not getattr(question, "accepted_answer", None)

    asker = browser_of(app, "asker")
    asker.open(url_of(question))
    asker.getForm(action=f"{url_of(answer)}/@@accept").submit()
    sync(app)
    assert question.accepted_answer == answer.UID()
    from plone import api

    assert api.content.get_state(question) == "closed"
    assert zh(_("Resolved")) in asker.text
    assert zh(_("Accepted")) in asker.text
    assert "@@accept" not in asker.contents
    # The official answer stays first, the accepted citizen's answer heads theirs.
    assert asker.contents.index("zw-qa-answer-official") < asker.contents.index(
        "zw-qa-answer-accepted"
    )


def test_accepting_needs_the_token(app, site, question):
    answer = citizen_answer(question, "helper")
    asker = browser_of(app, "asker")
    post(asker, f"{url_of(answer)}/@@accept")
    assert asker.headers["status"].startswith("403")
    sync(app)
    assert not getattr(question, "accepted_answer", None)


def test_a_member_answers_and_the_answer_is_published(app, site, question):
    helper = browser_of(app, "helper")
    helper.open(url_of(question))
    helper.getControl(name="text").value = "带上身份证和公积金卡去窗口。"
    helper.getControl(name="form.submitted").click()
    assert zh(_("Thank you. Your answer has been published.")) in helper.text
    assert "带上身份证和公积金卡去窗口。" in helper.text
    sync(app)
    [answer] = question.objectValues()
    assert answer.text == "带上身份证和公积金卡去窗口。"


def test_an_answer_with_sensitive_words_awaits_moderation(app, site, question):
    helper = browser_of(app, "helper")
    helper.open(url_of(question))
    helper.getControl(name="text").value = "可以代开发票，加微信"
    helper.getControl(name="form.submitted").click()
    assert zh(_("Thank you. Your answer is awaiting moderation.")) in helper.text
    assert "zw-qa-answer-held" in helper.contents
    anonymous = browser_of(app)
    anonymous.open(url_of(question))
    assert "代开发票" not in anonymous.text


def test_a_refused_answer_keeps_what_was_typed(app, site, question):
    helper = browser_of(app, "helper")
    helper.open(url_of(question))
    too_long = "长" * (TEXT_MAX + 1)
    helper.getControl(name="text").value = too_long
    helper.getControl(name="form.submitted").click()
    assert helper.getControl(name="text").value == too_long
    assert "invalid-feedback" in helper.contents
    assert 'aria-invalid="true"' in helper.contents
    sync(app)
    assert answers_in(question) == []


def test_an_answer_without_the_token_is_refused_and_kept(app, site, question):
    helper = browser_of(app, "helper")
    post(
        helper,
        f"{url_of(question)}/@@answer",
        text="没有令牌的回答",
        **{"form.submitted": "1"},
    )
    assert helper.headers["status"].startswith("403")
    assert "没有令牌的回答" in helper.text
    sync(app)
    assert answers_in(question) == []


def test_a_bot_filling_the_honeypot_posts_nothing(app, site, question):
    helper = browser_of(app, "helper")
    helper.open(url_of(question))
    helper.getControl(name="text").value = "机器人的回答"
    helper.getControl(name=HONEYPOT_FIELD).value = "http://spam.example"
    helper.getControl(name="form.submitted").click()
    sync(app)
    assert answers_in(question) == []


def test_anonymous_visitors_cannot_answer(app, site, question):
    anonymous = browser_of(app)
    post(anonymous, f"{url_of(question)}/@@answer", text="匿名回答")
    assert "/login" in anonymous.url or not anonymous.headers["status"].startswith(
        "200"
    )
    sync(app)
    assert answers_in(question) == []


def test_a_member_reports_an_answer(app, site, question):
    answer = citizen_answer(question, "helper")
    member("reader")
    reader = browser_of(app, "reader")
    reader.open(url_of(question))
    form = reader.getForm(action=f"{url_of(answer)}/@@report")
    form.getControl(name="reason").value = ["advertising"]
    form.getControl(name="note").value = "在卖东西"
    form.submit()
    assert zh(_("Thank you. The moderators will look at your report.")) in reader.text
    sync(app)
    [report] = moderation.open_reports()[answer.UID()]
    assert report["by"] == "reader"
    assert "在卖东西" in report["reason"]


def test_reports_need_the_token_and_a_member(app, site, question):
    member("reader")
    reader = browser_of(app, "reader")
    post(reader, f"{url_of(question)}/@@report", reason="abuse")
    assert reader.headers["status"].startswith("403")
    anonymous = browser_of(app)
    post(anonymous, f"{url_of(question)}/@@report", reason="abuse")
    sync(app)
    assert moderation.open_reports() == {}
