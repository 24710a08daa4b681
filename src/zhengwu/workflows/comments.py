"""Sending an item back needs a comment: the author must learn why."""

from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate

from zhengwu import _

SEND_BACK_PREFIX = "send_back"
# A moderator's refusal of a citizen's post, in the participation workflows only
# (Plone's own workflows have a "reject" too).
REJECT = "reject"
MODERATED = ("zhengwu_question", "zhengwu_citizen_post")


class CommentRequired(WorkflowException):
    """A send-back transition was asked for without a comment."""


def needs_comment(transition_id, workflow_id=None):
    """True for the transitions that return an item to its author or refuse it."""
    if transition_id.startswith(SEND_BACK_PREFIX):
        return True
    return transition_id == REJECT and workflow_id in MODERATED


def require_comment(obj, event):
    """IBeforeTransitionEvent: refuse a send-back without a (non-blank) comment.

    Raising here aborts the transition for every caller: the browser form, the
    REST ``@workflow`` endpoint and scripts alike.
    """
    transition = event.transition
    workflow = getattr(event, "workflow", None)
    workflow_id = workflow.getId() if workflow is not None else None
    if transition is None or not needs_comment(transition.getId(), workflow_id):
        return
    comment = (event.kwargs or {}).get("comment") or ""
    if not str(comment).strip():
        message = _("Please say in a comment why the item is sent back.")
        raise CommentRequired(translate(message, context=getRequest()))
