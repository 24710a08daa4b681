"""Four eyes (issue 13.13): one person approves at most one review stage of an
item, unless the registry switch for small offices allows it."""

import pytest
import transaction
from access_helpers import ADMIN
from access_helpers import DISTRICT
from access_helpers import PASSWORD
from access_helpers import mock_mailhost
from access_helpers import staff
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from Products.CMFCore.WorkflowCore import WorkflowException
from visitors import rest_call
from zope.component.hooks import setSite

from zhengwu.workflows.advance import advance
from zhengwu.workflows.four_eyes import SWITCH
from zhengwu.workflows.four_eyes import approvals_of


@pytest.fixture
def site(district):
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    return district


def draft(site, department="gaj", portal_type="Document"):
    """A draft written by the department's editor (gaj: three-stage chain)."""
    with api.env.adopt_user(username=staff(department, "editor")):
        return api.content.create(
            container=site["zh-cn"][department], type=portal_type, title="通知"
        )


def act(user, obj, transition, comment="ok"):
    """``user`` takes ``transition`` (the workflow tool: its error is kept)."""
    workflows = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=user):
        workflows.doActionFor(obj, transition, comment=comment)


def test_approvals_are_the_stage_approvals_of_multi_stage_chains(site):
    workflows = api.portal.get_tool("portal_workflow")
    assert approvals_of(workflows["zhengwu_three_stage"]) == {
        "approve_section",
        "sign_off",
    }
    assert approvals_of(workflows["zhengwu_disclosure"]) == {
        "approve_section",
        "clear_confidentiality",
    }
    # One stage only: nothing to keep apart (the moderators approve once).
    assert approvals_of(workflows["zhengwu_two_stage"]) == set()
    assert approvals_of(workflows["zhengwu_question"]) == set()


def test_reviewer_who_is_also_leader_cannot_sign_off_what_they_approved(site):
    both = staff("gaj", "section", "leader", name="both-of-gaj")
    doc = draft(site)
    act(staff("gaj", "editor"), doc, "submit")
    act(both, doc, "approve_section")
    with pytest.raises(WorkflowException, match="second person"):
        act(both, doc, "sign_off")
    assert api.content.get_state(doc) == "pending_leader"
    act(staff("gaj", "leader"), doc, "sign_off")
    assert api.content.get_state(doc) == "published"


def test_editor_reviewer_and_leader_in_one_person_cannot_publish_alone(site):
    alone = staff("gaj", "editor", "section", "leader", name="alone-of-gaj")
    with api.env.adopt_user(username=alone):
        doc = api.content.create(
            container=site["zh-cn"]["gaj"], type="Document", title="独自发布"
        )
    act(alone, doc, "submit")  # submitting is not an approval
    act(alone, doc, "approve_section")
    with pytest.raises(WorkflowException):
        act(alone, doc, "sign_off")
    assert api.content.get_state(doc) == "pending_leader"


def test_confidentiality_clearance_needs_another_person_than_section_review(site):
    both = staff("czj", "section", "confidentiality", name="both-of-czj")
    doc = draft(site, "czj")  # czj's documents follow the disclosure chain
    act(staff("czj", "editor"), doc, "submit")
    act(both, doc, "approve_section")
    with pytest.raises(WorkflowException):
        act(both, doc, "clear_confidentiality")
    assert api.content.get_state(doc) == "pending_confidentiality"


def test_a_new_round_after_send_back_starts_afresh(site):
    both = staff("gaj", "section", "leader", name="both-of-gaj")
    doc = draft(site)
    act(staff("gaj", "editor"), doc, "submit")
    act(both, doc, "approve_section")
    act(staff("gaj", "leader"), doc, "send_back_leader", comment="补充依据")
    act(staff("gaj", "editor"), doc, "submit")
    act(staff("gaj", "section"), doc, "approve_section")
    act(both, doc, "sign_off")  # approved nothing else in this round
    assert api.content.get_state(doc) == "published"


def test_the_same_stage_approved_again_is_not_a_second_stage(site):
    both = staff("gaj", "section", "leader", name="both-of-gaj")
    doc = draft(site)
    act(staff("gaj", "editor"), doc, "submit")
    act(both, doc, "approve_section")
    act(staff("gaj", "editor"), doc, "withdraw")
    act(staff("gaj", "editor"), doc, "submit")
    act(both, doc, "approve_section")
    assert api.content.get_state(doc) == "pending_leader"


def test_small_office_switch_lets_one_person_approve_both_stages(site):
    api.portal.set_registry_record(SWITCH, True)
    both = staff("gaj", "section", "leader", name="both-of-gaj")
    doc = draft(site)
    act(staff("gaj", "editor"), doc, "submit")
    act(both, doc, "approve_section")
    act(both, doc, "sign_off")
    assert api.content.get_state(doc) == "published"


def test_switch_is_off_by_default(site):
    assert api.portal.get_registry_record(SWITCH) is False


def test_demo_import_as_manager_still_publishes_through_every_stage(site):
    doc = draft(site)
    assert advance(doc) == "published"


@pytest.fixture
def live_site(functional):
    """The functional layer's Nanshan site, mail caught, as the site owner."""
    app = functional["app"]
    site = app[DISTRICT]
    setSite(site)
    login(app, SITE_OWNER_NAME)
    with mock_mailhost(site):
        yield site
    setSite(functional["portal"])


def test_rest_second_approval_answers_400_and_changes_nothing(live_site):
    site, app = live_site, live_site.getPhysicalRoot()
    both = staff("gaj", "section", "leader", name="both-of-gaj")
    doc = draft(site)
    act(staff("gaj", "editor"), doc, "submit")
    act(both, doc, "approve_section")
    transaction.commit()
    status, body = rest_call(
        app,
        "POST",
        f"{doc.absolute_url()}/@workflow/sign_off",
        {"comment": "签发"},
        user=(both, PASSWORD),
    )
    assert status == 400, body
    assert "另一人" in body["error"]["message"]  # in the site's language
    assert api.content.get_state(doc) == "pending_leader"
    status, body = rest_call(
        app, "POST", f"{doc.absolute_url()}/@workflow/sign_off", {}, user=ADMIN
    )
    assert status == 200, body
