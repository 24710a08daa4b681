"""Helpers of the 政务知道 page tests: members with passwords, their browsers,
questions and answers in a state (made as their authors would, then committed)."""

import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from visitors import Visitor
from zope.globalrequest import getRequest
from zope.i18n import translate

from zhengwu.participation import states
from zhengwu.participation.posting import POSTING

PASSWORD = "secret-Passw0rd"  # noqa: S105 - test users only
BOARD_PATH = "nanshan/zh-cn/zhidao"
XSS_TITLE = "<script>alert(1)</script>怎么办"
XSS_DETAILS = "<img src=x onerror=alert(1)>\n\n第二段<b>粗</b>"


# The steps of the departments' chains, each by the group that takes it.
CHAIN_STEPS = (
    ("editor", "submit"),
    ("section", "approve_section"),
    ("leader", "sign_off"),
)


def zh(msgid):
    """The Chinese of a UI string (the English msgid until it is translated)."""
    return translate(msgid, domain="zhengwu", target_language="zh_CN")


def member(name, fullname=None, groups=()):
    """A member with a password, created once (a citizen without groups)."""
    if api.user.get(userid=name) is None:
        with api.env.adopt_user(username=SITE_OWNER_NAME):
            api.user.create(
                username=name,
                email=f"{name}@example.org",
                password=PASSWORD,
                properties={"fullname": fullname if fullname is not None else name},
            )
            for group in groups:
                api.group.add_user(groupname=group, username=name)
        transaction.commit()
    return name


def moderator():
    return member("mod-1", "审核员", groups=["moderators"])


def staff(department, role):
    group = {"editor": "editors", "section": "section-reviewers", "leader": "leaders"}
    return member(f"{role}-{department}", groups=[f"{department}-{group[role]}"])


def browser_of(app, name=None):
    """A test browser, logged in as ``name`` (anonymous without)."""
    browser = Visitor(app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    if name is not None:
        browser.addHeader("Authorization", f"Basic {name}:{PASSWORD}")
    return browser


def board(site):
    return site["zh-cn"]["zhidao"]


def ask(site, asker, title, details="", department="gaj", days_ago=None):
    """``asker`` asks (the question awaits moderation); committed. ``days_ago``
    dates it back (the catalog keeps creation dates to the minute)."""
    getRequest().set(POSTING, True)
    with api.env.adopt_user(username=asker):
        question = api.content.create(
            container=board(site),
            type="Question",
            title=title,
            details=details,
            department=department,
        )
    if days_ago is not None:
        question.creation_date = DateTime() - days_ago
        question.reindexObject(idxs=["created"])
    transaction.commit()
    return question


def reindex_votes(*items):
    """Bring the catalog's ``votes`` up to date.

    ``votes.add_vote`` asks for ``reindexObject(idxs=["votes"])``, which reaches
    Solr but leaves the portal catalog's index and metadata at 0 (reported);
    a full reindex updates them.
    """
    for item in items:
        item.reindexObject()
    transaction.commit()


def transition(obj, name, user=None, comment=""):
    with api.env.adopt_user(username=user or moderator()):
        api.content.transition(obj, transition=name, comment=comment)
    transaction.commit()
    return obj


def approve(question):
    return transition(question, "approve")


def citizen_answer(question, author, text="我去年办过，带身份证就行。"):
    """A citizen's published answer."""
    getRequest().set(POSTING, True)
    with api.env.adopt_user(username=author):
        answer = api.content.create(
            container=question, type="Answer", id="answer", safe_id=True, text=text
        )
    states.publish_post(answer)
    transaction.commit()
    return answer


def official_answer(question, text="请携带户口簿到派出所办理。"):
    """The department's answer, published through its chain (Nanshan's police:
    editor → section reviewer → leader)."""
    department = question.department
    with api.env.adopt_user(username=staff(department, "editor")):
        answer = api.content.create(
            container=question,
            type="OfficialAnswer",
            id="official",
            safe_id=True,
            text=text,
        )
    for role, step in CHAIN_STEPS:
        if api.content.get_state(answer) == "published":
            break
        with api.env.adopt_user(username=staff(department, role)):
            workflow = api.portal.get_tool("portal_workflow")
            if step in {t["id"] for t in workflow.getTransitionsFor(answer)}:
                api.content.transition(answer, transition=step)
    assert api.content.get_state(answer) == "published"
    transaction.commit()
    return answer


def sync(app):
    """See what the HTTP side committed."""
    transaction.begin()
    app._p_jar.sync()


def url_of(obj):
    """The URL of ``obj`` as the test browser sees it (``absolute_url()`` depends
    on the request of the test thread, another host when the live server runs)."""
    return "http://nohost/" + "/".join(obj.getPhysicalPath()[1:])
