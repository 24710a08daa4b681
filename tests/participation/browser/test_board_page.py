"""The board page (政务知道): public questions with their state, department, answers
and votes; newest, most voted or unanswered; by department; batched."""

import lxml.html
from qa_pages import XSS_TITLE
from qa_pages import approve
from qa_pages import ask
from qa_pages import board
from qa_pages import browser_of
from qa_pages import citizen_answer
from qa_pages import member
from qa_pages import official_answer
from qa_pages import reindex_votes
from qa_pages import transition
from qa_pages import zh

from zhengwu import _
from zhengwu.participation import votes
from zhengwu.participation.browser import board as board_module

URL = "http://nohost/nanshan/zh-cn/zhidao"


def items(browser):
    """title → {state, department, answers, votes} of the listed questions."""
    tree = lxml.html.fromstring(browser.contents)
    found = {}
    for item in tree.cssselect(".zw-qa-list .zw-qa-item"):

        def text(selector, item=item):
            return " ".join(item.cssselect(selector)[0].text_content().split())

        found[text(".zw-qa-item-title a")] = {
            "state": item.cssselect(".zw-state")[0].get("data-state"),
            "department": text(".zw-qa-item-department"),
            "answers": text(".zw-qa-item-answers"),
            "votes": text(".zw-qa-item-votes"),
        }
    return found


def listed(browser):
    """The titles of the listed questions, in order."""
    return list(items(browser))


def test_anonymous_visitors_see_public_questions_newest_first(app, site):
    member("asker")
    ask(site, "asker", "还在审核的问题")
    first = approve(ask(site, "asker", "护照过期了怎么换？", days_ago=2))
    second = approve(ask(site, "asker", "身份证丢了怎么补办？", days_ago=1))
    transition(ask(site, "asker", "被拒绝的问题"), "reject", comment="广告")
    official_answer(second)
    citizen_answer(second, member("helper"))
    transition(first, "close")

    browser = browser_of(app)
    browser.open(URL)
    assert listed(browser) == ["身份证丢了怎么补办？", "护照过期了怎么换？"]
    listing = items(browser)
    assert listing["身份证丢了怎么补办？"]["state"] == "answered"
    assert listing["护照过期了怎么换？"]["state"] == "closed"
    assert zh(_("Answered")) in browser.text
    assert zh(_("Resolved")) in browser.text
    assert listing["身份证丢了怎么补办？"]["department"] == "深圳市公安局南山分局"
    # Answers counted from the catalog: the official one and the citizen's.
    assert listing["身份证丢了怎么补办？"]["answers"].startswith("2")
    assert listing["护照过期了怎么换？"]["answers"].startswith("0")
    assert "还在审核的问题" not in browser.text
    assert "被拒绝的问题" not in browser.text
    link = browser.getLink(url=f"{URL}/@@ask")
    assert link.text == zh(_("Ask a question"))


def test_most_voted_and_unanswered(app, site):
    member("asker")
    quiet = approve(ask(site, "asker", "没人关心的问题"))
    popular = approve(ask(site, "asker", "大家都关心的问题"))
    answered = approve(ask(site, "asker", "已经回答的问题"))
    for name in ("voter-one", "voter-two"):
        votes.add_vote(popular, member(name))
    reindex_votes(popular)
    official_answer(answered)

    browser = browser_of(app)
    browser.open(f"{URL}?sort=votes")
    assert listed(browser)[0] == "大家都关心的问题"
    assert items(browser)["大家都关心的问题"]["votes"].startswith("2")
    browser.open(f"{URL}?sort=unanswered")
    assert sorted(listed(browser)) == sorted(["没人关心的问题", "大家都关心的问题"])
    assert quiet.Title() in listed(browser)
    # The hot box: the most voted of the last 30 days.
    assert "zw-qa-hot" in browser.contents


def test_filter_by_department(app, site):
    member("asker")
    approve(ask(site, "asker", "公安的问题", department="gaj"))
    approve(ask(site, "asker", "教育的问题", department="jyj"))
    browser = browser_of(app)
    browser.open(URL)
    browser.getControl(name="department").value = ["jyj"]
    browser.getControl(zh(_("Show questions"))).click()
    assert listed(browser) == ["教育的问题"]
    browser.open(f"{URL}?department=no-such-department")
    assert len(listed(browser)) == 2


def test_batching(app, site, monkeypatch):
    monkeypatch.setattr(board_module, "PAGE_SIZE", 2)
    member("asker")
    for number in range(3):
        approve(ask(site, "asker", f"第{number}个问题", days_ago=5 - number))
    browser = browser_of(app)
    browser.open(URL)
    assert listed(browser) == ["第2个问题", "第1个问题"]
    browser.open(f"{URL}?b_start=2")
    assert listed(browser) == ["第0个问题"]
    browser.open(f"{URL}?b_start=abc")
    assert len(listed(browser)) == 2


def test_titles_are_escaped(app, site):
    member("asker")
    approve(ask(site, "asker", XSS_TITLE))
    browser = browser_of(app)
    browser.open(URL)
    assert "<script>alert(1)</script>" not in browser.contents
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in browser.contents


def test_the_board_is_a_page_of_its_own(app, site):
    assert board(site).portal_type == "QuestionBoard"
    browser = browser_of(app)
    browser.open(URL)
    assert browser.headers["status"].startswith("200")
    assert "zw-qa-board" in browser.contents
