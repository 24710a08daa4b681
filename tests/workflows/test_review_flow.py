"""Send-back comments, history, reviewer mail, my tasks, content past review."""

import datetime
import email
import email.header
import json

import pytest
import transaction
from DateTime import DateTime
from plone import api
from plone.protect.authenticator import createToken
from plone.testing.zope import Browser
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from wf_helpers import PASSWORD

from zhengwu.workflows.comments import CommentRequired
from zhengwu.workflows.tasks import tasks_for


@pytest.fixture
def mailhost(departments):
    site = departments.site
    original = site.MailHost
    mock = MockMailHost("MailHost")
    site.MailHost = mock
    sm = site.getSiteManager()
    sm.unregisterUtility(provided=IMailHost)
    sm.registerUtility(mock, provided=IMailHost)
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    yield mock
    site.MailHost = original
    sm.unregisterUtility(provided=IMailHost)
    sm.registerUtility(original, provided=IMailHost)


@pytest.mark.parametrize("comment", ["", "   ", None])
def test_send_back_without_a_comment_is_refused(departments, comment):
    departments.use_test_chains("gaj")
    obj = departments.item("gaj", "pending_section")
    reviewer = departments.user("gaj", "section")
    with api.env.adopt_user(username=reviewer), pytest.raises(CommentRequired):
        api.portal.get_tool("portal_workflow").doActionFor(
            obj, "send_back_section", comment=comment
        )
    assert api.content.get_state(obj) == "pending_section"


def test_send_back_with_a_comment_keeps_actor_and_comment_in_history(departments):
    departments.use_test_chains("gaj")
    obj = departments.item("gaj", "pending_leader")
    leader = departments.user("gaj", "leader")
    with api.env.adopt_user(username=leader):
        api.content.transition(obj, "send_back_leader", comment="数据需要更新")
    assert api.content.get_state(obj) == "draft"
    last = obj.workflow_history["zhengwu_three_stage"][-1]
    assert (last["actor"], last["action"], last["comments"]) == (
        leader,
        "send_back_leader",
        "数据需要更新",
    )


def test_section_reviewer_cannot_do_the_leaders_sign_off(departments):
    departments.use_test_chains("gaj")
    obj = departments.item("gaj", "pending_leader")
    reviewer = departments.user("gaj", "section")
    with api.env.adopt_user(username=reviewer):
        ids = [
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)
        ]
        assert "sign_off" not in ids
        with pytest.raises(api.exc.InvalidParameterError):
            api.content.transition(obj, "sign_off")
    assert api.content.get_state(obj) == "pending_leader"


def test_disclosure_needs_the_confidentiality_review_before_publication(departments):
    departments.use_test_chains("gaj")
    obj = departments.item("gaj", "pending_confidentiality")
    leader = departments.user("gaj", "leader")
    with (
        api.env.adopt_user(username=leader),
        pytest.raises(api.exc.InvalidParameterError),
    ):
        api.content.transition(obj, "clear_confidentiality")
    with api.env.adopt_user(username=departments.user("gaj", "confidentiality")):
        api.content.transition(obj, "clear_confidentiality")
    assert api.content.get_state(obj) == "published"


def test_reviewers_of_the_stage_are_mailed_with_title_url_and_comment(
    departments, mailhost
):
    departments.use_test_chains("gaj", "jyj")
    departments.user("gaj", "section", email="shenhe@gaj.example.org")
    departments.user("jyj", "section", email="shenhe@jyj.example.org")
    obj = departments.item("gaj", "draft", title="户籍办理通知")
    with api.env.adopt_user(username=departments.user("gaj", "editor")):
        api.content.transition(obj, "submit", comment="请审核")
    assert len(mailhost.messages) == 1
    message = mailhost.messages[0].decode("utf-8")
    assert "shenhe@gaj.example.org" in message
    assert "jyj.example.org" not in message
    parsed = email.message_from_string(message)
    body = parsed.get_payload(decode=True).decode("utf-8")
    subject = email.header.make_header(email.header.decode_header(parsed["Subject"]))
    assert "户籍办理通知" in str(subject)
    assert obj.absolute_url() in body
    assert "请审核" in body
    assert "gaj editor" in body  # the submitter's name


def test_each_stage_mails_its_reviewers_and_publication_mails_nobody(
    departments, mailhost
):
    departments.use_test_chains("gaj")
    departments.user("gaj", "section", email="section@example.org")
    departments.user("gaj", "leader", email="leader@example.org")
    departments.item("gaj", "published")  # submit, approve_section, sign_off
    recipients = [m.decode("utf-8") for m in mailhost.messages]
    assert len(recipients) == 2
    assert "section@example.org" in recipients[0]
    assert "leader@example.org" in recipients[1]


def test_my_tasks_lists_what_waits_for_me_only(departments):
    departments.use_test_chains("gaj", "jyj")
    mine = departments.item("gaj", "pending_section", title="mine")
    departments.item("gaj", "pending_leader", title="the leader's")
    departments.item("jyj", "pending_section", title="another department's")
    reviewer = api.user.get(userid=departments.user("gaj", "section"))
    tasks = tasks_for(reviewer)
    assert [t["@id"] for t in tasks] == [mine.absolute_url()]
    assert tasks[0]["deadline_working_days"] == 3


def test_my_tasks_marks_items_waiting_past_the_stage_deadline(departments):
    departments.use_test_chains("gaj")
    obj = departments.item("gaj", "pending_leader")
    leader = api.user.get(userid=departments.user("gaj", "leader"))
    history = obj.workflow_history["zhengwu_three_stage"]
    # National Day 2026: entered on 30 Sep, four working days by 12 Oct
    history[-1]["time"] = DateTime("2026/09/30 10:00 GMT+8")
    obj.workflow_history._p_changed = True
    (task,) = tasks_for(leader, today=datetime.date(2026, 10, 9))
    assert (task["age_working_days"], task["overdue"]) == (2, False)
    (task,) = tasks_for(leader, today=datetime.date(2026, 10, 12))
    assert (task["age_working_days"], task["overdue"]) == (4, True)


def test_rest_tasks_and_history_through_the_api(functional_departments):
    deps = functional_departments
    deps.use_test_chains("gaj")
    obj = deps.item("gaj", "pending_section", title="待审稿件")
    reviewer = deps.user("gaj", "section")
    transaction.commit()
    browser = Browser(deps.site.getPhysicalRoot())
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic {reviewer}:{PASSWORD}")
    browser.addHeader("Accept", "application/json")
    root = deps.root.absolute_url()
    browser.open(f"{root}/@tasks")
    data = json.loads(browser.contents)
    assert [i["title"] for i in data["items"]] == ["待审稿件"]
    assert "review_overdue" not in data
    browser.post(
        f"{obj.absolute_url()}/@workflow/send_back_section",
        json.dumps({"comment": ""}),
        "application/json",
    )
    assert browser.headers["status"].startswith("400")
    browser.post(
        f"{obj.absolute_url()}/@workflow/send_back_section",
        json.dumps({"comment": "请补充依据"}),
        "application/json",
    )
    assert browser.headers["status"].startswith("200")
    browser.open(f"{obj.absolute_url()}/@history")
    entries = [e for e in json.loads(browser.contents) if e["type"] == "workflow"]
    last = entries[0] if entries[0]["action"] == "send_back_section" else entries[-1]
    assert last["comments"] == "请补充依据"
    assert last["actor"]["id"] == reviewer


def test_browser_send_back_without_comment_returns_to_the_form(functional_departments):
    deps = functional_departments
    deps.use_test_chains("gaj")
    obj = deps.item("gaj", "pending_section")
    reviewer = deps.user("gaj", "section")
    with api.env.adopt_user(username=reviewer):
        token = createToken()
    transaction.commit()
    browser = Browser(deps.site.getPhysicalRoot())
    browser.addHeader("Authorization", f"Basic {reviewer}:{PASSWORD}")
    browser.open(
        f"{obj.absolute_url()}/content_status_modify?"
        f"workflow_action=send_back_section&comment=&_authenticator={token}"
    )
    assert browser.url.endswith("/content_status_history")
    transaction.begin()
    assert api.content.get_state(obj) == "pending_section"
    assert "send_back_section" in browser.contents  # the form offers it again
    browser.open(
        f"{obj.absolute_url()}/content_status_modify?"
        f"workflow_action=send_back_section&comment=%E6%A0%87%E9%A2%98&_authenticator={token}"
    )
    transaction.begin()
    assert api.content.get_state(obj) == "draft"


def test_site_admin_sees_guides_past_their_review_date(departments):
    from zhengwu.workflows.tasks import past_review

    gaj = departments.root["gaj"]
    for name, due in (("stale", datetime.date(2026, 1, 1)), ("fresh", None)):
        api.content.create(
            container=gaj,
            type="Guide",
            id=name,
            title=name,
            service_code=f"TEST-{name}",
            next_review=due or datetime.date(2099, 1, 1),
        )
    urls = [i["@id"] for i in past_review(today=datetime.date(2026, 11, 30))]
    assert gaj["stale"].absolute_url() in urls
    assert gaj["fresh"].absolute_url() not in urls
    assert past_review(today=datetime.date(2025, 12, 31)) == []
