"""Four eyes (双人审核): one person approves at most one stage of an item.

In a chain of several review stages, an approval is a transition out of a stage (a
state with a worklist, see ``stages.py``) that does not return the item to its
workflow's initial state: the section reviewer's approval, the leader's sign-off,
the confidentiality clearance. Submitting, withdrawing and sending back are not
approvals. Within one review round (since the item last left the initial state) the
user who approved one stage may not approve another; a site admin of a small
office turns the rule off with the registry record
``zhengwu.workflows.allow_same_approver``. Managers stand for the portal itself (the
demo import, scripts) and are not held to it.
"""

from AccessControl import getSecurityManager
from plone import api
from Products.CMFCore.permissions import ManagePortal
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate

from zhengwu import _
from zhengwu.workflows.comments import SEND_BACK_PREFIX
from zhengwu.workflows.stages import stages_of

SWITCH = "zhengwu.workflows.allow_same_approver"


class SameApprover(WorkflowException):
    """The user already approved another stage of this item."""


def approvals_of(workflow):
    """The ids of the transitions of ``workflow`` that approve a review stage
    (none in a chain of one stage, such as the moderation of citizens' posts)."""
    stages = stages_of(workflow)
    if len(stages) < 2:
        return set()
    approvals = set()
    for state_id in stages:
        state = workflow.states.get(state_id)
        for transition_id in state.transitions if state is not None else ():
            transition = workflow.transitions.get(transition_id)
            if transition is None or transition_id.startswith(SEND_BACK_PREFIX):
                continue  # a send-back may end the chain (a returned application)
            if transition.new_state_id not in ("", state_id, workflow.initial_state):
                approvals.add(transition_id)
    return approvals


def approvals_in_round(history, workflow, approvals):
    """(actor, action) of the approvals since the item last entered the initial
    state."""
    found = []
    for entry in history:
        if entry.get("review_state") == workflow.initial_state:
            found = []
        elif entry.get("action") in approvals:
            found.append((entry.get("actor"), entry["action"]))
    return found


def refuse_second_approval(obj, event):
    """IBeforeTransitionEvent: refuse an approval by someone who approved another
    stage of the same item in this round."""
    workflow, transition = getattr(event, "workflow", None), event.transition
    if workflow is None or transition is None:
        return
    approvals = approvals_of(workflow)
    if transition.getId() not in approvals:
        return
    security = getSecurityManager()
    if security.checkPermission(ManagePortal, obj):
        return
    if api.portal.get_registry_record(SWITCH, default=False):
        return
    userid = security.getUser().getId()
    history = (getattr(obj, "workflow_history", None) or {}).get(workflow.getId(), ())
    for actor, action in approvals_in_round(history, workflow, approvals):
        if actor == userid and action != transition.getId():
            message = _(
                "You approved another stage of this item already: a second person "
                "must approve this one."
            )
            raise SameApprover(translate(message, context=getRequest()))
