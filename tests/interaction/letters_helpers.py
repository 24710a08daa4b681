"""Shared helpers of the letter tests: people, letters written and handled."""

import datetime

from plone import api

from zhengwu.interaction.letters import receive
from zhengwu.interaction.settings import site_channels
from zhengwu.interaction.writing import checked_letter

PASSWORD = "secret-Passw0rd"  # noqa: S105 - test users only
PDF = b"%PDF-1.4\n% demo\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DAY = datetime.date(2024, 9, 27)  # the Friday before National Day 2024
GROUPS = {"editor": "editors", "section": "section-reviewers", "leader": "leaders"}


def member(name):
    """A member (created once)."""
    if api.user.get(userid=name) is None:
        api.user.create(
            username=name,
            email=f"{name}@example.org",
            password=PASSWORD,
            properties={"fullname": name},
        )
    return name


def staff(department_id, role):
    """A member of ``department_id``'s group for ``role`` (created once)."""
    user_id = f"letter-{role}-of-{department_id}"
    if api.user.get(userid=user_id) is None:
        member(user_id)
        api.group.add_user(
            groupname=f"{department_id}-{GROUPS[role]}", username=user_id
        )
    return user_id


def form(**changes):
    values = {
        "channel": "complaint",
        "subject": "工地夜间施工噪音扰民",
        "body": "某小区旁工地每晚十一点后仍在施工，噪音很大，影响休息。",
        "visibility": "private",
        "name": "张三",
        "phone": "13812345678",
    }
    values.update(changes)
    return values


def write(site, department="gaj", userid=None, files=(), today=DAY, **changes):
    """A letter received on ``today``: (letter, query code)."""
    written = checked_letter(form(**changes), list(files), site_channels(site))
    return receive(site, written, today, department=department, userid=userid)


def can_view(userid, obj):
    with api.env.adopt_user(username=userid):
        return api.user.has_permission("View", obj=obj)
