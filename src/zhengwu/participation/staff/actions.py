"""What a moderator does to a post: approve, reject (with a reason), hide, reroute,
dismiss its reports.

The page ``@@moderation`` and ``POST @moderation`` both act through ``moderate``.
Transitions go through the workflow tool (their guards check the moderator's
permission; ``moderation.transition_logged`` writes the log and closes the post's
reports); rerouting a question is logged here.
"""

from plone import api
from zExceptions import Unauthorized
from zope.lifecycleevent import modified

from zhengwu import _
from zhengwu.participation import moderation
from zhengwu.participation.staff.queue import TRANSITIONS
from zhengwu.participation.staff.queue import allowed_actions
from zhengwu.participation.staff.queue import department_titles
from zhengwu.participation.staff.queue import post_by_uid

MODERATE = "zhengwu: Moderate posts"
ACTIONS = (*TRANSITIONS, "reroute", "dismiss")


class ModerationError(Exception):
    """The moderator's request cannot be done; ``message`` says why (a msgid)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def reroute(question, department, comment=""):
    """Give ``question`` to ``department``: its answering staff follow."""
    previous = getattr(question, "department", None)
    question.department = department
    modified(question)
    question.reindexObject()
    reason = f"{previous or '-'} → {department}"
    moderation.log(question, "rerouted", f"{reason}: {comment}" if comment else reason)


def _check_reroute(post, department):
    if post.portal_type != "Question":
        raise ModerationError(_("Only a question has a department."))
    if not department:
        raise ModerationError(_("Choose a department."))
    if department not in department_titles(post):
        raise ModerationError(_("Unknown department."))
    if department == getattr(post, "department", None):
        raise ModerationError(_("The question is with this department already."))


def moderate(uid, action, comment="", department=None):
    """Do ``action`` to the post with ``uid``; the post, or ModerationError."""
    post = post_by_uid(uid)
    if post is None:
        raise ModerationError(_("No post with this id."))
    if not api.user.has_permission(MODERATE, obj=post):
        raise Unauthorized("You cannot moderate this post.")
    comment = (comment or "").strip()
    if action not in ACTIONS:
        raise ModerationError(_("Unknown action."))
    if action == "reject" and not comment:
        raise ModerationError(_("Give the reason for rejecting the post."))
    if action == "reroute":
        _check_reroute(post, department)
        reroute(post, department, comment)
        return post
    if action == "dismiss":
        if api.content.get_uuid(post) not in moderation.open_reports():
            raise ModerationError(_("The post has no open reports."))
        moderation.dismiss_reports(post, comment)
        return post
    if action not in allowed_actions(post):
        raise ModerationError(_("This action is not possible for the post now."))
    api.portal.get_tool("portal_workflow").doActionFor(post, action, comment=comment)
    return post
