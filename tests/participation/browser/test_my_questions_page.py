"""@@my-questions: a member's own questions in every state, with a moderator's
reason for a refusal, and their answers; nobody else's."""

from qa_pages import approve
from qa_pages import ask
from qa_pages import browser_of
from qa_pages import citizen_answer
from qa_pages import member
from qa_pages import transition
from qa_pages import url_of

URL = "http://nohost/nanshan/zh-cn/@@my-questions"


def test_anonymous_visitors_are_sent_to_log_in(app, site):
    browser = browser_of(app)
    browser.open(URL)
    assert "/login" in browser.url


def test_a_member_sees_their_questions_in_every_state_and_their_answers(app, site):
    member("asker")
    member("neighbour")
    ask(site, "asker", "等审核的问题")
    approve(ask(site, "asker", "公开的问题"))
    transition(ask(site, "asker", "被拒的问题"), "reject", comment="重复提问")
    other = approve(ask(site, "neighbour", "邻居的问题"))
    citizen_answer(other, "asker", "我来回答邻居")

    browser = browser_of(app, "asker")
    browser.open(URL)
    for title in ("等审核的问题", "公开的问题", "被拒的问题"):
        assert title in browser.text
    assert "重复提问" in browser.text
    assert 'data-state="pending_moderation"' in browser.contents
    assert 'data-state="rejected"' in browser.contents
    # Their answer, linked to the neighbour's question.
    assert "邻居的问题" in browser.text
    assert browser.getLink("邻居的问题").url.startswith(url_of(other))

    neighbour = browser_of(app, "neighbour")
    neighbour.open(URL)
    assert "被拒的问题" not in neighbour.text
    assert "邻居的问题" in neighbour.text
