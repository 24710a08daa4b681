"""Roles × states × departments: who sees and who moves an item, through the
browser views and through plone.restapi. The item belongs to gaj (公安分局); each
user holds one role in gaj ("own") or in jyj (教育局, "other")."""

import json

import pytest
import transaction
from plone import api
from plone.protect.authenticator import createToken
from plone.testing.zope import Browser
from wf_helpers import PASSWORD
from wf_helpers import PATHS

ROLES = ("editor", "section", "leader", "confidentiality")
STATES = tuple(PATHS)
# What each role may do in its own department, by state (Manager-free guards).
ALLOWED = {
    ("editor", "draft"): {"submit"},
    ("editor", "pending_section"): {"withdraw"},
    ("editor", "pending_leader"): {"withdraw"},
    ("editor", "pending_confidentiality"): {"withdraw"},
    ("section", "pending_section"): {"approve_section", "send_back_section"},
    ("section", "published"): {"retract", "archive"},
    ("leader", "pending_leader"): {"sign_off", "send_back_leader"},
    ("leader", "published"): {"retract", "archive"},
    ("confidentiality", "pending_confidentiality"): {
        "clear_confidentiality",
        "send_back_confidentiality",
    },
}
EVERY_TRANSITION = (
    "submit",
    "withdraw",
    "approve_section",
    "send_back_section",
    "sign_off",
    "send_back_leader",
    "clear_confidentiality",
    "send_back_confidentiality",
    "retract",
    "archive",
    "restore",
)
CASES = [
    pytest.param((role, state, where), id=f"{role}-{state}-{where}")
    for role in ROLES
    for state in STATES
    for where in ("own", "other")
]


def expected(role, state, where):
    """(can view, transitions allowed) for one cell of the matrix."""
    if where == "other":
        return state == "published", set()
    return True, ALLOWED.get((role, state), set())


@pytest.fixture
def cell(functional_departments, request):
    role, state, where = request.param
    deps = functional_departments
    deps.use_test_chains("gaj", "jyj")
    obj = deps.item("gaj", state)
    user = deps.user("gaj" if where == "own" else "jyj", role)
    # The item's author is gaj's editor: the editor cell acts as the author.
    with api.env.adopt_user(username=user):
        token = createToken()
    transaction.commit()
    browser = Browser(deps.site.getPhysicalRoot())
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    return obj, browser, token, expected(role, state, where)


def refused(browser):
    """True when Plone refused: 401, or its login or insufficient-privileges page."""
    status = browser.headers["status"]
    url = browser.url
    return (
        status.startswith("401")
        or "require_login" in url
        or ("insufficient-privileges" in url)
    )


def target_of(obj, transition):
    """The state ``transition`` leads to in ``obj``'s workflow (None if it has none)."""
    (workflow,) = api.portal.get_tool("portal_workflow").getWorkflowsFor(obj)
    found = workflow.transitions.get(transition)
    return found.new_state_id if found is not None else None


def state_after(obj):
    transaction.begin()  # see what the browser's request committed
    return api.content.get_state(obj)


@pytest.mark.parametrize("cell", CASES, indirect=True)
def test_browser_item_view_and_status_menu_respect_department_and_role(cell):
    obj, browser, token, (can_view, allowed) = cell
    browser.open(obj.absolute_url())
    assert refused(browser) == (not can_view)
    for transition in sorted(set(EVERY_TRANSITION) - allowed):
        assert f"workflow_action={transition}" not in browser.contents, transition
    if "plone-contentmenu-workflow" in browser.contents:  # the state menu is shown
        for transition in allowed:
            assert f"workflow_action={transition}" in browser.contents, transition


@pytest.mark.parametrize("cell", CASES, indirect=True)
def test_browser_content_status_modify_does_only_what_the_role_may_do(cell):
    obj, browser, token, (can_view, allowed) = cell
    before = api.content.get_state(obj)
    for transition in sorted(set(EVERY_TRANSITION) - allowed):
        url = (
            f"{obj.absolute_url()}/content_status_modify?"
            f"workflow_action={transition}&comment=why&_authenticator={token}"
        )
        browser.open(url)
        assert refused(browser) == (not can_view)
        assert state_after(obj) == before, transition

    for transition in sorted(allowed)[:1]:  # one allowed step really happens
        browser.open(
            f"{obj.absolute_url()}/content_status_modify?"
            f"workflow_action={transition}&comment=why&_authenticator={token}"
        )
        assert state_after(obj) != before, transition


@pytest.mark.parametrize("cell", CASES, indirect=True)
def test_rest_api_get_and_workflow_respect_department_and_role(cell):
    obj, browser, token, (can_view, allowed) = cell
    browser.addHeader("Accept", "application/json")
    browser.open(obj.absolute_url())
    assert browser.headers["status"].startswith("200" if can_view else "401")
    if can_view:
        browser.open(f"{obj.absolute_url()}/@workflow")
        transitions = json.loads(browser.contents)["transitions"]
        assert {t["@id"].rsplit("/", 1)[-1] for t in transitions} == allowed
    before = api.content.get_state(obj)
    for transition in sorted(set(EVERY_TRANSITION) - allowed):
        browser.post(
            f"{obj.absolute_url()}/@workflow/{transition}",
            json.dumps({"comment": "why"}),
            "application/json",
        )
        # plone.restapi answers 200 without change when the item is already where
        # the transition would take it; anything else is refused.
        refused_status = not browser.headers["status"].startswith("200")
        assert refused_status or target_of(obj, transition) == before, transition
        assert state_after(obj) == before, transition
    for transition in sorted(allowed)[:1]:  # one allowed step really happens
        browser.post(
            f"{obj.absolute_url()}/@workflow/{transition}",
            json.dumps({"comment": "reviewed"}),
            "application/json",
        )
        assert browser.headers["status"].startswith("200"), browser.contents
        assert state_after(obj) != before
