"""The moderation queue (@@moderation, @moderation): who may use it, what it lists,
and what a moderator's approve, reject, hide and reroute do."""

import html

import pytest
from plone import api
from qa_helpers import approve
from qa_helpers import ask
from qa_helpers import can
from qa_helpers import citizen
from qa_helpers import moderator
from qa_helpers import staff
from staff_helpers import ROOT
from staff_helpers import SITE
from staff_helpers import authenticator
from staff_helpers import browser
from staff_helpers import form_post
from staff_helpers import refused
from staff_helpers import rest_get
from staff_helpers import rest_post
from staff_helpers import set_transition_time
from staff_helpers import site_admin

from zhengwu.participation import moderation

PAGE = f"{ROOT}/@@moderation"
REST = f"{ROOT}/@moderation"
ADD_OFFICIAL = "zhengwu: Add OfficialAnswer"


def uid(obj):
    return api.content.get_uuid(obj)


def logged(obj, action):
    return [
        entry
        for entry in moderation.entries(50)
        if entry.target_uid == uid(obj) and entry.action == action
    ]


@pytest.fixture
def held(site):
    """An older question held for a sensitive word, and a newer plain one."""
    older = ask(site, citizen("asker"), "代开发票去哪里？", "急用", department="swj")
    older.held_words = ("代开发票",)
    older.suggested_department = "swj"
    older.routing_terms = ["发票", "税务"]
    set_transition_time(older, "2026/09/01 09:00 GMT+8", state="pending_moderation")
    newer = ask(site, "asker", "身份证怎么补办？", department="gaj")
    return older, newer


@pytest.mark.parametrize("who", [None, "citizen", "editor"])
def test_anonymous_citizens_and_department_staff_cannot_moderate(site, held, who):
    user = {None: None, "citizen": citizen("neighbour"), "editor": None}[who]
    if who == "editor":
        user = staff("gaj", "editor")
    for url in (PAGE, f"{SITE}/@@moderation"):
        page = browser(site, user)
        page.open(url)
        assert refused(page)
        assert "代开发票去哪里" not in html.unescape(page.contents)
    status, _body = rest_get(site, user, REST)
    assert status == 401
    status, _body = rest_post(
        site, user, REST, {"uid": uid(held[1]), "action": "approve"}
    )
    assert status == 401
    assert api.content.get_state(held[1]) == "pending_moderation"


def test_the_queue_lists_posts_oldest_first_with_author_reason_and_routing(site, held):
    older, newer = held
    status, body = rest_get(site, moderator(), REST)
    assert status == 200
    pending = body["pending"]
    assert [item["UID"] for item in pending][:2] == [uid(older), uid(newer)]
    first = pending[0]
    assert first["author_name"] == "asker"
    assert first["held_words"] == ["代开发票"]
    assert first["suggested_department"] == "swj"
    assert first["routing_terms"] == ["发票", "税务"]
    assert first["actions"] == ["approve", "reject", "reroute"]
    assert first["since"] == "2026-09-01"


def test_site_admins_see_the_queue_page_on_the_site_and_language_root(site, held):
    for url in (PAGE, f"{SITE}/@@moderation"):
        page = browser(site, site_admin())
        page.open(url)
        text = html.unescape(page.contents)
        assert page.headers["status"].startswith("200")
        assert "代开发票去哪里" in text
        assert "发票、税务" in text


def test_a_moderator_approves_on_the_page_and_the_log_says_so(site, held):
    _older, newer = held
    page = browser(site, moderator())
    page.open(PAGE)
    form_post(
        page, PAGE, uid=uid(newer), action="approve", _authenticator=authenticator(page)
    )
    assert api.content.get_state(newer) == "open"
    assert logged(newer, "approved")[0].actor == moderator()
    assert "身份证怎么补办" in html.unescape(page.contents)  # back on the queue page


def test_the_page_refuses_a_post_without_the_csrf_token(site, held):
    _older, newer = held
    page = browser(site, moderator())
    form_post(page, PAGE, uid=uid(newer), action="approve")
    assert page.headers["status"].startswith("403")
    assert api.content.get_state(newer) == "pending_moderation"


def test_rejecting_needs_a_reason_on_the_page_and_over_rest(site, held):
    older, _newer = held
    page = browser(site, moderator())
    page.open(PAGE)
    form_post(
        page,
        PAGE,
        uid=uid(older),
        action="reject",
        comment="  ",
        _authenticator=authenticator(page),
    )
    assert api.content.get_state(older) == "pending_moderation"
    message = html.unescape(page.contents)
    assert "Give the reason for rejecting" in message or "不予通过的理由" in message
    status, body = rest_post(
        site, moderator(), REST, {"uid": uid(older), "action": "reject"}
    )
    assert status == 400
    assert "reason" in body["message"].lower() or "理由" in body["message"]
    assert api.content.get_state(older) == "pending_moderation"
    assert not logged(older, "rejected")


def test_a_moderator_rejects_with_a_reason_on_the_page(site, held):
    older, _newer = held
    page = browser(site, moderator())
    page.open(PAGE)
    form_post(
        page,
        PAGE,
        uid=uid(older),
        action="reject",
        comment="重复提问",
        _authenticator=authenticator(page),
    )
    assert api.content.get_state(older) == "rejected"
    assert logged(older, "rejected")[0].reason == "重复提问"


def test_a_moderator_rejects_with_a_reason_over_rest(site, held):
    older, _newer = held
    status, body = rest_post(
        site,
        moderator(),
        REST,
        {"uid": uid(older), "action": "reject", "comment": "广告"},
    )
    assert status == 200
    assert body["review_state"] == "rejected"
    assert logged(older, "rejected")[0].reason == "广告"


def test_hiding_a_reported_question_resolves_its_reports(site):
    question = approve(ask(site, citizen("asker"), "这里有人卖假证", department="gaj"))
    for reporter in ("reporter-one", "reporter-two"):
        with api.env.adopt_user(username=citizen(reporter)):
            moderation.report(question, "违法信息")
    status, body = rest_get(site, moderator(), REST)
    reported = [item for item in body["reported"] if item["UID"] == uid(question)][0]
    assert reported["reporters"] == 2
    assert reported["reasons"] == ["违法信息"]
    assert "hide" in reported["actions"]
    status, body = rest_post(
        site, moderator(), REST, {"uid": uid(question), "action": "hide"}
    )
    assert status == 200
    assert body["review_state"] == "pending_moderation"
    assert uid(question) not in moderation.open_reports(site)
    assert logged(question, "hidden")


def test_hiding_a_reported_question_on_the_page(site):
    question = approve(ask(site, citizen("asker"), "不该公开的问题", department="gaj"))
    with api.env.adopt_user(username=citizen("reporter-one")):
        moderation.report(question, "泄露隐私")
    page = browser(site, moderator())
    page.open(PAGE)
    form_post(
        page, PAGE, uid=uid(question), action="hide", _authenticator=authenticator(page)
    )
    assert api.content.get_state(question) == "pending_moderation"
    assert uid(question) not in moderation.open_reports(site)


def test_a_moderator_gives_a_question_to_another_department_over_rest(site):
    question = approve(ask(site, citizen("asker"), "学位申请问题", department="gaj"))
    status, body = rest_post(
        site,
        moderator(),
        REST,
        {"uid": uid(question), "action": "reroute", "department": "jyj"},
    )
    assert status == 200
    assert body["department"] == "jyj"
    assert question.department == "jyj"
    assert can(staff("jyj", "editor"), ADD_OFFICIAL, question)
    assert not can(staff("gaj", "editor"), ADD_OFFICIAL, question)
    assert logged(question, "rerouted")[0].reason.startswith("gaj → jyj")
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog.unrestrictedSearchResults(UID=uid(question), department="jyj")


def test_rerouting_to_an_unknown_department_is_refused(site):
    question = approve(ask(site, citizen("asker"), "去哪个部门？", department="gaj"))
    status, body = rest_post(
        site,
        moderator(),
        REST,
        {"uid": uid(question), "action": "reroute", "department": "nowhere"},
    )
    assert status == 400
    assert question.department == "gaj"
    assert not logged(question, "rerouted")


def test_rerouting_on_the_page(site, held):
    _older, newer = held
    page = browser(site, moderator())
    page.open(PAGE)
    assert 'name="department"' in page.contents
    form_post(
        page,
        PAGE,
        uid=uid(newer),
        action="reroute",
        department="jyj",
        _authenticator=authenticator(page),
    )
    assert newer.department == "jyj"
    assert logged(newer, "rerouted")


def test_the_queue_shows_the_latest_log_entries(site, held):
    older, _newer = held
    rest_post(
        site,
        moderator(),
        REST,
        {"uid": uid(older), "action": "reject", "comment": "广告"},
    )
    status, body = rest_get(site, moderator(), REST)
    entry = body["log"][0]
    assert entry["action"] == "rejected"
    assert entry["target_uid"] == uid(older)
    assert entry["actor_name"] == moderator()


def test_a_moderator_dismisses_unfounded_reports(site):
    question = approve(ask(site, citizen("asker"), "被误举报的问题", department="gaj"))
    order = {"uid": uid(question), "action": "dismiss", "comment": "内容正常"}
    status, _body = rest_post(site, moderator(), REST, order)
    assert status == 400  # no open reports
    with api.env.adopt_user(username=citizen("reporter-one")):
        moderation.report(question, "看着像广告")
    status, body = rest_get(site, moderator(), REST)
    reported = [item for item in body["reported"] if item["UID"] == uid(question)][0]
    assert "dismiss" in reported["actions"]
    status, _body = rest_post(site, moderator(), REST, order)
    assert status == 200
    assert uid(question) not in moderation.open_reports(site)
    assert logged(question, "dismissed")[0].reason == "内容正常"
    assert api.content.get_state(question) == "open"
