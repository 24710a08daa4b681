"""The chain of a care application: its department's staff only, every step in
the history, the applicant told of the outcome."""

import pytest
from care_helpers import VALID_ID
from care_helpers import apply_as
from care_helpers import can_view
from care_helpers import citizen
from care_helpers import staff
from care_helpers import transition_as
from plone import api
from plone.app.testing import logout
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.CMFPlone.tests.utils import MockMailHost
from Products.MailHost.interfaces import IMailHost

from zhengwu.workflows.comments import CommentRequired

CHAIN = ("accept", "approve_section", "approve")


@pytest.fixture
def mailhost(care_site):
    original = care_site.MailHost
    mock = MockMailHost("MailHost")
    care_site.MailHost = mock
    sm = care_site.getSiteManager()
    sm.unregisterUtility(provided=IMailHost)
    sm.registerUtility(mock, provided=IMailHost)
    api.portal.set_registry_record("plone.email_from_address", "portal@example.org")
    yield mock
    care_site.MailHost = original
    sm.unregisterUtility(provided=IMailHost)
    sm.registerUtility(original, provided=IMailHost)


def test_the_chain_comes_from_the_departments_policy(care_site):
    application = apply_as(citizen())
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(application)
    assert [w.getId() for w in workflows] == ["zhengwu_care_application"]
    policy = care_site["zh-cn"]["mzj"][".wf_policy_config"].getPolicyBelow()
    assert policy.getChainFor("CareApplication") == ("zhengwu_care_application",)


def test_civil_affairs_staff_see_it_other_departments_and_strangers_do_not(care_site):
    application = apply_as(citizen())
    other = apply_as(citizen("citizen-wang"))
    attachment = application["attachment-1"]
    for role in ("editor", "section", "leader"):
        assert can_view(staff("mzj", role), application)
        assert can_view(staff("mzj", role), attachment)
    for role in ("editor", "section", "leader"):
        assert not can_view(staff("gaj", role), application)
        assert not can_view(staff("gaj", role), attachment)
    assert can_view("citizen-li", application)
    assert can_view("citizen-li", attachment)
    assert not can_view("citizen-li", other)
    assert not can_view("citizen-li", other["attachment-1"])
    logout()
    assert not api.user.has_permission("View", obj=application)
    assert not api.user.has_permission("View", obj=attachment)


def test_the_catalog_lists_it_only_to_whoever_may_see_it(care_site):
    application = apply_as(citizen())
    catalog = api.portal.get_tool("portal_catalog")

    def found_by(userid):
        with api.env.adopt_user(username=userid):
            return [b.UID for b in catalog(portal_type="CareApplication")]

    assert application.UID() in found_by(staff("mzj", "section"))
    assert application.UID() in found_by("citizen-li")
    assert found_by(staff("gaj", "editor")) == []
    assert found_by(citizen("citizen-wang")) == []


def test_the_queue_folder_is_closed_to_everyone_outside_the_department(care_site):
    folder = care_site["zh-cn"]["mzj"]["care-applications"]
    assert can_view(staff("mzj", "editor"), folder)
    assert not can_view(staff("gaj", "editor"), folder)
    assert not can_view(citizen(), folder)


def test_accept_review_approve_each_by_its_role_in_the_history(care_site, mailhost):
    application = apply_as(citizen())
    for transition, role in zip(CHAIN, ("editor", "section", "leader"), strict=True):
        transition_as(staff("mzj", role), application, transition, comment=role)
    assert api.content.get_state(application) == "approved"
    history = application.workflow_history["zhengwu_care_application"]
    assert [(h["action"], h["actor"]) for h in history[1:]] == [
        ("accept", "care-editor-of-mzj"),
        ("approve_section", "care-section-of-mzj"),
        ("approve", "care-leader-of-mzj"),
    ]


@pytest.mark.parametrize(
    ("transition", "userid"),
    [
        ("accept", "care-section-of-mzj"),  # accepting is the editors' step
        ("accept", "citizen-li"),  # the applicant cannot move their own
        ("accept", "care-editor-of-gaj"),  # another department's editor
    ],
)
def test_a_transition_outside_ones_role_is_refused(care_site, transition, userid):
    application = apply_as(citizen())
    role = userid.split("-")[1] if userid.startswith("care-") else None
    if role:
        staff(userid.rsplit("-", 1)[-1], role)
    with pytest.raises(WorkflowException):
        transition_as(userid, application, transition)
    assert api.content.get_state(application) == "submitted"


def test_approval_mails_the_applicant(care_site, mailhost):
    application = apply_as(citizen())
    for transition, role in zip(CHAIN, ("editor", "section", "leader"), strict=True):
        transition_as(staff("mzj", role), application, transition, comment="同意")
    to_applicant = [m for m in mailhost.messages if b"citizen-li@example.org" in m]
    assert len(to_applicant) == 1
    text = to_applicant[0].decode("utf-8", "replace")
    assert application.Title() in text
    assert VALID_ID not in text and "13812345678" not in text


def test_returning_needs_a_reason_and_mails_it_to_the_applicant(care_site, mailhost):
    application = apply_as(citizen())
    editor = staff("mzj", "editor")
    with pytest.raises(CommentRequired):
        transition_as(editor, application, "send_back_intake", comment=" ")
    assert api.content.get_state(application) == "submitted"
    transition_as(editor, application, "send_back_intake", comment="缺少评估报告")
    assert api.content.get_state(application) == "returned"
    to_applicant = [m for m in mailhost.messages if b"citizen-li@example.org" in m]
    assert len(to_applicant) == 1
    assert "缺少评估报告" in _body(to_applicant[0])


def test_a_section_reviewer_who_accepted_may_still_return(care_site, mailhost):
    """Four eyes counts approvals only: a send-back is never one."""
    application = apply_as(citizen())
    reviewer = staff("mzj", "section")
    api.group.add_user(groupname="mzj-editors", username=reviewer)
    transition_as(reviewer, application, "accept")
    transition_as(reviewer, application, "send_back_section", comment="材料不清晰")
    assert api.content.get_state(application) == "returned"


def test_applications_are_never_sent_to_solr(care_site):
    from collective.solr.interfaces import ICheckIndexable

    application = apply_as(citizen())
    assert ICheckIndexable(application)() is False
    assert ICheckIndexable(application["attachment-1"])() is False


def _body(message):
    import email

    parsed = email.message_from_bytes(message)
    payload = parsed.get_payload(decode=True)
    return payload.decode(parsed.get_content_charset() or "utf-8")
