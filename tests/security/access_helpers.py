"""Helpers of the access and cross-site tests: users, posts, logged-in HTTP sessions."""

import contextlib
import re

import requests
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost
from qa_helpers import PASSWORD
from qa_helpers import citizen
from zope.globalrequest import getRequest

from zhengwu.participation.posting import POSTING

DISTRICT = "nanshan"
FOREIGN = "https://evil.example.com"
ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
GROUPS = {
    "editor": "editors",
    "section": "section-reviewers",
    "leader": "leaders",
    "confidentiality": "confidentiality",
}


def member(name, *groups):
    """A registered member (a citizen when in no group), created once."""
    citizen(name)
    for group in groups:
        api.group.add_user(groupname=group, username=name)
    return name


def staff(department, *roles, name=None):
    """A member of ``department``'s groups for ``roles`` (editor, section, ...)."""
    name = name or f"{'-'.join(roles)}-of-{department}"
    return member(name, *(f"{department}-{GROUPS[role]}" for role in roles))


def board(site):
    return site["zh-cn"]["zhidao"]


def ask(site, asker, title="社保卡丢了怎么补办", department="gaj"):
    """``asker``'s question on the board, awaiting moderation."""
    getRequest().set(POSTING, True)
    with api.env.adopt_user(username=asker):
        return api.content.create(
            container=board(site),
            type="Question",
            title=title,
            details="在哪里办理？",
            department=department,
        )


def strategy(site, author, title="办理居住证的攻略"):
    """``author``'s strategy on the board, awaiting moderation."""
    from plone.app.textfield.value import RichTextValue

    getRequest().set(POSTING, True)
    with api.env.adopt_user(username=author):
        return api.content.create(
            container=board(site),
            type="Strategy",
            title=title,
            text=RichTextValue("先预约。", "text/plain", "text/x-html-safe"),
        )


def publish(obj, transition="approve"):
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj, transition=transition)
    return obj


def cookie_session(base, login, password=PASSWORD):
    """A ``requests`` session logged in through Plone's login form (the ``__ac``
    cookie), as a browser is."""
    session = requests.Session()
    page = session.get(f"{base}/{DISTRICT}/login", timeout=60)
    form = {"__ac_name": login, "__ac_password": password, "buttons.login": "Log in"}
    token = re.search(r'name="_authenticator" value="([^"]+)"', page.text)
    if token:
        form["_authenticator"] = token.group(1)
    session.post(f"{base}/{DISTRICT}/login", data=form, timeout=60)
    assert session.cookies.get("__ac"), f"{login} could not log in"
    return session


def rest(session, method, url, body="", origin=None, **headers):
    """An unsafe REST call as a cross-site page makes it: text/plain, no preflight."""
    headers = {"Accept": "application/json", "Content-Type": "text/plain", **headers}
    if origin:
        headers["Origin"] = origin
    return session.request(
        method, url, data=body.encode("utf-8"), headers=headers, timeout=60
    )


@contextlib.contextmanager
def mock_mailhost(site):
    """Reviewers' notices of committed transitions go to a test MailHost."""
    original = site.MailHost
    mock = MockMailHost("MailHost")
    site.MailHost = mock
    manager = site.getSiteManager()
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mock, provided=IMailHost)
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    try:
        yield mock
    finally:
        site.MailHost = original
        manager.unregisterUtility(provided=IMailHost)
        manager.registerUtility(original, provided=IMailHost)
