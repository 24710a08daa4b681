"""Shared helpers of the care application tests: people, files, applications."""

from plone import api
from stdnum.cn import ric
from zope.globalrequest import getRequest

from zhengwu.care.applying import make_application

PASSWORD = "secret-Passw0rd"  # noqa: S105 - test users only
PDF = b"%PDF-1.4\n% demo\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00" + b"\x00" * 64


def id_number(first17="44030519900101123"):
    """A resident ID number with a valid check digit (stdnum)."""
    # calc_check_digit reads the first 17 characters of a whole number.
    return first17 + ric.calc_check_digit(first17 + "0")


VALID_ID = id_number()


def citizen(name="citizen-li"):
    """A plain member (no role in any department), created once."""
    if api.user.get(userid=name) is None:
        api.user.create(
            username=name,
            email=f"{name}@example.org",
            password=PASSWORD,
            properties={"fullname": name},
        )
    return name


def form(**changes):
    values = {
        "applicant_name": "李秀兰",
        "id_number": VALID_ID,
        "phone": "13812345678",
        "address": "深圳市南山区南头街道示例路1号",
        "care_needs": ["meals", "bathing"],
        "lives_alone": True,
        "disability_level": "moderate",
        "situation": "独居，行动不便。",
        "consent": True,
    }
    values.update(changes)
    return values


def apply_as(userid, files=None, **changes):
    """An application made by ``userid`` through ``make_application``."""
    files = files if files is not None else [("id_card", PDF, "身份证.pdf")]
    with api.env.adopt_user(username=userid):
        return make_application(getRequest(), form(**changes), files)


# role key -> the department group that gives it (profiles/nanshan/workflows.toml)
GROUPS = {"editor": "editors", "section": "section-reviewers", "leader": "leaders"}


def staff(department_id, role):
    """A member of ``department_id``'s group for ``role`` (created once)."""
    user_id = f"care-{role}-of-{department_id}"
    if api.user.get(userid=user_id) is None:
        api.user.create(
            username=user_id,
            email=f"{user_id}@example.org",
            password=PASSWORD,
            properties={"fullname": user_id},
        )
        api.group.add_user(
            groupname=f"{department_id}-{GROUPS[role]}", username=user_id
        )
    return user_id


def can_view(userid, obj):
    with api.env.adopt_user(username=userid):
        return api.user.has_permission("View", obj=obj)


def transition_as(userid, obj, transition, comment=""):
    """As the browser and REST do it: a refusal is a WorkflowException."""
    with api.env.adopt_user(username=userid):
        api.portal.get_tool("portal_workflow").doActionFor(
            obj, transition, comment=comment
        )
