"""Helpers of the 政务知道 tests: citizens, department staff, questions in a state."""

from plone import api
from zope.globalrequest import getRequest

from zhengwu.participation.posting import POSTING

PASSWORD = "secret-Passw0rd"  # noqa: S105 - test users only
BOARD = ("zh-cn", "zhidao")
GROUP_OF_ROLE = {
    "editor": "editors",
    "section": "section-reviewers",
    "leader": "leaders",
}


def citizen(name):
    """A registered citizen (a plain Member), created once."""
    if api.user.get(userid=name) is None:
        api.user.create(
            username=name,
            email=f"{name}@example.org",
            password=PASSWORD,
            properties={"fullname": name},
        )
    return name


def staff(department, role):
    """A member of ``department``'s group for ``role`` (editor, section, leader)."""
    name = f"{role}-of-{department}"
    if api.user.get(userid=name) is None:
        citizen(name)
        api.group.add_user(
            groupname=f"{department}-{GROUP_OF_ROLE[role]}", username=name
        )
    return name


def moderator(name="moderator-1"):
    if api.user.get(userid=name) is None:
        citizen(name)
        api.group.add_user(groupname="moderators", username=name)
    return name


def board(site):
    return site[BOARD[0]][BOARD[1]]


def ask(site, asker, title, details="", department="gaj", **fields):
    """``asker`` asks on the board (the question awaits moderation), without the
    posting checks (``test_posting.py`` tests those)."""
    getRequest().set(POSTING, True)
    with api.env.adopt_user(username=asker):
        return api.content.create(
            container=board(site),
            type="Question",
            title=title,
            details=details,
            department=department,
            **fields,
        )


def approve(question):
    with api.env.adopt_user(username=moderator()):
        api.content.transition(question, transition="approve")
    return question


def official_answer(question, text="按照规定办理。", department=None):
    """The department's editor writes the official answer (a draft)."""
    department = department or question.department
    with api.env.adopt_user(username=staff(department, "editor")):
        return api.content.create(
            container=question,
            type="OfficialAnswer",
            id="official",
            safe_id=True,
            text=text,
        )


def can(user, permission, obj):
    with api.env.adopt_user(username=user):
        return bool(api.user.has_permission(permission, obj=obj))
