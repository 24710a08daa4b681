"""政务知道 in the real Chromium against a live server: a citizen asks (the hint
lists a question already answered), a moderator approves, the department answers
officially through its chain, and the asker accepts the answer. Screenshots of the
board, the ask form and the question at 375 and 1280 px."""

from pathlib import Path

import pytest
import transaction
from layers import SOLR_SERVER_FIXTURE
from playwright.sync_api import expect
from plone import api
from zope.component.hooks import setSite
from zope.event import notify
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.lifecycleevent import ObjectModifiedEvent

from zhengwu import _
from zhengwu.participation import posting
from zhengwu.participation.posting import POSTING

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
BOARD = "/nanshan/zh-cn/zhidao"
PASSWORD = "Zhengwu-citizen-2026!"
ASKER = ("qa-asker", "王小明")
CHAIN = (("editors", "submit"), ("section-reviewers", "approve_section"),
         ("leaders", "sign_off"))  # fmt: skip
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


def zh(msgid):
    """The Chinese of a UI string (the English msgid until it is translated)."""
    return translate(msgid, domain="zhengwu", target_language="zh_CN")


def _member(name, fullname, groups=()):
    if api.user.get(userid=name) is None:
        api.user.create(
            username=name,
            email=f"{name}@example.org",
            password=PASSWORD,
            properties={"fullname": fullname},
        )
        for group in groups:
            api.group.add_user(groupname=group, username=name)
    return name


def _site(app):
    app._p_jar.sync()
    site = app["nanshan"]
    setSite(site)
    return site


@pytest.fixture
def world(acceptance):
    """A citizen who will ask, and a question already answered on the board."""
    posting._limiters.clear()
    # Questions of other tests' (rolled back) databases may linger in Solr.
    SOLR_SERVER_FIXTURE.delete("nanshan", "portal_type:Question")
    site = _site(acceptance["app"])
    with api.env.adopt_roles(["Manager"]):
        _member(*ASKER)
        _member("qa-neighbour", "李四")
        _member("qa-moderator", "审核员", ["moderators"])
        for group, _step in CHAIN:
            _member(f"qa-{group}", group, [f"gaj-{group}"])
    request = getRequest()
    if request is not None:  # citizens post through ``posting`` only
        request.set(POSTING, True)
    with api.env.adopt_user(username="qa-neighbour"):
        earlier = api.content.create(
            container=site["zh-cn"]["zhidao"],
            type="Question",
            title="身份证丢了怎么补办？",
            details="钱包丢了，身份证也在里面。",
            department="gaj",
        )
    with api.env.adopt_user(username="qa-moderator"):
        api.content.transition(earlier, transition="approve")
    transaction.commit()
    yield acceptance
    SOLR_SERVER_FIXTURE.forget_board()


def approve_newest_question(app):
    """The moderator approves the newest question awaiting moderation."""
    site = _site(app)
    catalog = api.portal.get_tool("portal_catalog")
    [brain] = catalog.unrestrictedSearchResults(
        path="/".join(site["zh-cn"]["zhidao"].getPhysicalPath()),
        portal_type="Question",
        review_state="pending_moderation",
    )
    question = brain._unrestrictedGetObject()
    with api.env.adopt_user(username="qa-moderator"):
        # The moderator confirms the police as the answering department.
        question.department = "gaj"
        notify(ObjectModifiedEvent(question))
        api.content.transition(question, transition="approve")
    transaction.commit()
    return question.getPhysicalPath()


def answer_officially(app, path, text):
    """The police's editor writes the official answer; the section reviewer and
    the leader sign it off (Nanshan's three-stage chain)."""
    site = _site(app)
    question = app.unrestrictedTraverse(path)
    with api.env.adopt_user(username="qa-editors"):
        answer = api.content.create(
            container=question, type="OfficialAnswer", id="official", text=text
        )
    for group, step in CHAIN:
        with api.env.adopt_user(username=f"qa-{group}"):
            api.content.transition(answer, transition=step)
    transaction.commit()
    assert api.content.get_state(answer) == "published"
    assert api.content.get_state(question) == "answered"
    setSite(site)


def shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} is {overflow}px too wide at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.browser
def test_a_citizen_asks_and_accepts_the_official_answer(world, page):
    app = world["app"]
    base = f"http://{world['host']}:{world['port']}"
    outside = []
    page.on(
        "request",
        lambda r: r.url.startswith((base, "data:")) or outside.append(r.url),
    )

    # Log in through the themed login form.
    page.goto(f"{base}/nanshan/login")
    page.locator("input[name='__ac_name']").fill(ASKER[0])
    page.locator("input[name='__ac_password']").fill(PASSWORD)
    page.locator("#content form [name='buttons.login']").click()
    page.wait_for_load_state()

    # The board: the question already answered, and the way to ask.
    page.goto(f"{base}{BOARD}")
    expect(page.locator(".zw-qa-list .zw-qa-item")).to_have_count(1)
    shoot(page, "questions-board")
    page.locator("a.zw-qa-ask-link").click()
    page.wait_for_url(f"**{BOARD}/@@ask")

    # Typing a title like it: the hint lists the question.
    page.locator("#zw-ask-title").press_sequentially("身份证丢了", delay=60)
    hint = page.locator("#zw-ask-similar")
    expect(hint).to_have_attribute("aria-live", "polite")
    expect(hint.locator("a", has_text="身份证丢了怎么补办？")).to_be_visible(
        timeout=10_000
    )
    page.locator("#zw-ask-title").fill("身份证丢了，坐飞机怎么办？")
    page.locator("#zw-ask-details").fill("明天要出差，临时身份证明在哪里开？")
    expect(hint.locator("a").first).to_be_visible(timeout=10_000)
    shoot(page, "questions-ask")

    page.get_by_role("button", name=zh(_("Submit the question"))).click()
    page.wait_for_load_state()
    assert "/zhidao/" in page.url and "@@ask" not in page.url
    expect(page.locator("#content h1")).to_have_text("身份证丢了，坐飞机怎么办？")
    expect(page.locator(".zw-qa-notice")).to_be_visible()
    expect(page.locator("[data-state='pending_moderation']").first).to_be_visible()

    # A moderator approves; the police answer through their chain.
    path = approve_newest_question(app)
    answer_officially(app, path, "可到机场派出所办理临时乘机证明。")

    page.reload()
    official = page.locator(".zw-qa-answer-official")
    expect(official).to_contain_text("可到机场派出所办理临时乘机证明。")
    expect(official.locator(".zw-qa-badge-official")).to_have_text(
        zh(_("Official answer"))
    )
    expect(official).to_contain_text("深圳市公安局南山分局")

    # The asker accepts it: the question is resolved.
    official.get_by_role("button", name=zh(_("Accept this answer"))).click()
    page.wait_for_load_state()
    expect(page.locator(".zw-qa-question-head .zw-state")).to_have_text(
        zh(_("Resolved"))
    )
    expect(page.locator(".zw-qa-answer-official .zw-qa-badge-accepted")).to_have_text(
        zh(_("Accepted"))
    )
    expect(page.locator("#global_statusmessage")).to_contain_text(
        zh(_("You have accepted this answer. The question is resolved."))
    )
    shoot(page, "questions-question")
    assert outside == []
