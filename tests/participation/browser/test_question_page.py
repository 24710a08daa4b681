"""The question page: the question escaped, the official answer first, citizens'
answers, and who sees what while the question awaits moderation or is rejected."""

import lxml.html
from qa_pages import XSS_DETAILS
from qa_pages import XSS_TITLE
from qa_pages import approve
from qa_pages import ask
from qa_pages import browser_of
from qa_pages import citizen_answer
from qa_pages import member
from qa_pages import moderator
from qa_pages import official_answer
from qa_pages import transition
from qa_pages import url_of
from qa_pages import zh

from zhengwu import _


def answer_blocks(browser):
    """(official?, accepted?, author) of each answer, in page order."""
    tree = lxml.html.fromstring(browser.contents)
    return [
        (
            "zw-qa-answer-official" in block.get("class"),
            "zw-qa-answer-accepted" in block.get("class"),
            block.cssselect(".zw-qa-answer-author")[0].text_content().strip(),
        )
        for block in tree.cssselect(".zw-qa-answer")
    ]


def test_the_official_answer_comes_first_with_its_badge_and_department(app, site):
    member("asker", "张三")
    question = approve(ask(site, "asker", "身份证丢了怎么补办？", "下周要坐飞机。"))
    citizen_answer(question, member("helper", "李四"))
    official_answer(question)

    browser = browser_of(app)
    browser.open(url_of(question))
    assert browser.headers["status"].startswith("200")
    assert answer_blocks(browser) == [
        (True, False, "深圳市公安局南山分局"),
        (False, False, "李四"),
    ]
    assert zh(_("Official answer")) in browser.text
    assert "请携带户口簿到派出所办理。" in browser.text
    assert "下周要坐飞机。" in browser.text
    # The asker by display name only: never the e-mail address.
    assert "张三" in browser.text
    assert "asker@example.org" not in browser.text
    assert zh(_("Answered")) in browser.text
    # Anonymous visitors are invited to log in, and get no forms that post.
    assert browser.getLink(zh(_("Log in to answer"))).url.startswith(
        "http://nohost/nanshan/login?came_from="
    )
    assert "@@vote" not in browser.contents
    assert 'name="text"' not in browser.contents


def test_a_member_without_a_full_name_is_called_citizen(app, site):
    member("13812345678", fullname="")
    question = approve(ask(site, "13812345678", "手机号码注册的人提问"))
    browser = browser_of(app)
    browser.open(url_of(question))
    assert "13812345678" not in browser.text
    assert zh(_("Citizen")) in browser.text


def test_script_in_title_details_and_answers_is_shown_as_text(app, site):
    member("asker")
    question = approve(ask(site, "asker", XSS_TITLE, XSS_DETAILS))
    citizen_answer(question, member("helper"), "<script>alert(2)</script>")
    browser = browser_of(app)
    browser.open(url_of(question))
    assert "<script>alert(" not in browser.contents
    assert "<img src=x" not in browser.contents
    assert "<b>粗</b>" not in browser.contents
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in browser.contents
    assert "&lt;img src=x onerror=alert(1)&gt;" in browser.contents
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in browser.contents
    tree = lxml.html.fromstring(browser.contents)
    details = [p.text_content() for p in tree.cssselect(".zw-qa-details p")]
    assert details == ["<img src=x onerror=alert(1)>", "第二段<b>粗</b>"]


def test_a_pending_question_is_seen_by_its_asker_and_moderators_only(app, site):
    member("asker")
    member("neighbour")
    question = ask(site, "asker", "还没审核的问题")
    url = url_of(question)

    anonymous = browser_of(app)
    anonymous.open(url)
    assert "/login" in anonymous.url
    assert "还没审核的问题" not in anonymous.text

    neighbour = browser_of(app, "neighbour")
    neighbour.open(url)
    assert "还没审核的问题" not in neighbour.text

    asker = browser_of(app, "asker")
    asker.open(url)
    assert "还没审核的问题" in asker.text
    assert "zw-qa-notice" in asker.contents
    assert zh(_("Awaiting moderation.")) in asker.text

    moderating = browser_of(app, moderator())
    moderating.open(url)
    assert "还没审核的问题" in moderating.text


def test_the_asker_reads_why_the_question_was_rejected(app, site):
    member("asker")
    question = transition(
        ask(site, "asker", "卖发票的广告"), "reject", comment="广告内容，不予通过"
    )
    browser = browser_of(app, "asker")
    browser.open(url_of(question))
    assert zh(_("This question was not approved.")) in browser.text
    assert "广告内容，不予通过" in browser.text


def test_members_get_the_answer_form_only_while_the_question_takes_answers(app, site):
    member("asker")
    member("helper")
    question = approve(ask(site, "asker", "居住证怎么续签？"))
    helper = browser_of(app, "helper")
    helper.open(url_of(question))
    assert helper.getControl(name="text")
    form = helper.getForm(action=f"{url_of(question)}/@@answer")
    assert form.getControl(name="_authenticator").value
    transition(question, "close")
    helper.open(url_of(question))
    assert 'name="text"' not in helper.contents
    assert zh(_("Log in to answer")) not in helper.text
