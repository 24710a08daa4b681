"""Helpers of the staff page tests: the functional site, browsers, fixed times."""

import json
import re
import urllib.parse

import transaction
from DateTime import DateTime
from plone import api
from plone.testing.zope import Browser
from qa_helpers import PASSWORD
from qa_helpers import citizen

ROOT = "http://nohost/nanshan/zh-cn"
SITE = "http://nohost/nanshan"
WALK = ("submit", "approve_section", "sign_off", "clear_confidentiality")


def site_admin(name="site-admin"):
    if api.user.get(userid=name) is None:
        citizen(name)
        api.user.grant_roles(username=name, roles=["Site Administrator"])
    return name


def browser(site, user=None, json_=False):
    """A test browser, logged in as ``user``; commits the test's changes first."""
    transaction.commit()
    page = Browser(site.getPhysicalRoot())
    page.raiseHttpErrors = False
    page.handleErrors = True
    if user:
        page.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    if json_:
        page.addHeader("Accept", "application/json")
        page.addHeader("Content-Type", "application/json")
    return page


def refused(page):
    """Plone answers Unauthorized with its login or insufficient-privileges page."""
    return (
        page.headers["status"].startswith(("401", "403"))
        or "/login?came_from=" in page.url
        or page.url.endswith("/insufficient-privileges")
    )


def rest_get(site, user, url):
    page = browser(site, user, json_=True)
    page.open(url)
    status = int(page.headers["status"].split()[0])
    return status, json.loads(page.contents) if page.contents else None


def rest_post(site, user, url, data):
    page = browser(site, user, json_=True)
    page.post(url, json.dumps(data), "application/json")
    status = int(page.headers["status"].split()[0])
    return status, json.loads(page.contents) if page.contents else None


def authenticator(page):
    """The CSRF token of the page's forms."""
    return re.search(r'name="_authenticator"\s+value="([^"]+)"', page.contents)[1]


def form_post(page, url, **fields):
    page.post(url, urllib.parse.urlencode(fields))
    return page


def set_transition_time(obj, when, action=None, state=None):
    """Move the history entries of ``action`` (or reaching ``state``) to ``when``."""
    for history in obj.workflow_history.values():
        for entry in history:
            if (action and entry.get("action") == action) or (
                state and entry.get("review_state") == state
            ):
                entry["time"] = DateTime(when)
    obj.workflow_history._p_changed = True


def publish(answer):
    """Take an official answer through its department's chain."""
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        while api.content.get_state(answer) != "published":
            allowed = {t["id"] for t in workflow.getTransitionsFor(answer)}
            step = next(t for t in WALK if t in allowed)
            api.content.transition(answer, transition=step, comment="ok")
    return answer
