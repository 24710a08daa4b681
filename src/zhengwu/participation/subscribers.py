"""What happens when questions and answers are added, changed and published."""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from zExceptions import Unauthorized
from zope.globalrequest import getRequest

from zhengwu.behaviors.department import department_of
from zhengwu.participation import departments
from zhengwu.participation import moderation
from zhengwu.participation.posting import POSTING
from zhengwu.participation.routing_site import router_for
from zhengwu.participation.states import mark_answered


def route_question(question):
    """Give a new question the department its text suggests.

    A question made with a department (an import, a moderator over REST) keeps it
    and is not routed.
    """
    if getattr(aq_base(question), "department", None):
        return
    text = f"{question.Title()}\n{getattr(question, 'details', '') or ''}"
    suggestions = router_for(api.portal.get()).suggest(text, limit=3)
    if not suggestions:
        return
    best = suggestions[0]
    question.suggested_department = best.department
    question.routing_terms = list(best.terms)
    question.department = best.department


def question_added(question, event):
    route_question(question)
    departments.grant_answering(question)


def question_modified(question, event):
    """A moderator may correct the department: its staff follow, and an official
    answer the former department had not published passes to the new one, starting
    again as a draft of the new department's chain when that chain differs."""
    departments.grant_answering(question)
    for answer in question.objectValues():
        if (
            answer.portal_type == "OfficialAnswer"
            and answer.department != question.department
            and api.content.get_state(answer, default=None) != "published"
        ):
            answer.department = question.department
            departments.hand_over(answer)
            _start_chain(answer)


def _start_chain(obj):
    """Give ``obj`` the initial state of each workflow of its chain it has none of."""
    tool = api.portal.get_tool("portal_workflow")
    for workflow in tool.getWorkflowsFor(obj):
        if tool.getStatusOf(workflow.getId(), obj) is None:
            workflow.notifyCreated(obj)
    obj.reindexObject()


def answer_added(answer, event):
    departments.block_inherited_roles(answer)
    answer.reindexObjectSecurity()


def answer_changed(answer, event):
    """The thread's searchable text holds its public answers: index it again."""
    question = aq_parent(aq_inner(answer))
    if getattr(question, "portal_type", None) == "Question":
        question.reindexObject(idxs=["SearchableText", "body_text"])


def official_answer_added(answer, event):
    departments.block_inherited_roles(answer)
    answer.department = departments.department_id_of(answer)
    departments.grant_department(answer)


def official_answer_transitioned(answer, event):
    """The question is answered once its official answer is published."""
    if event.new_state.getId() == "published":
        mark_answered(aq_parent(aq_inner(answer)))


def refuse_bypass(post, event):
    """Citizens' questions and answers are made through ``posting`` only.

    Plone's add forms and plone.restapi's generic content creation would skip the
    rate limit and the sensitive-word check: only moderators (and site admins) may
    use them for these types. Citizens use ``@@ask``/``@ask`` and
    ``@@answer``/``@answer``.
    """
    if post.portal_type == "OfficialAnswer":
        return
    if post.portal_type == "Strategy" and department_of(post) is not None:
        return  # a department's own strategy, written by its editors
    request = getRequest()
    if request is None or request.get(POSTING):
        return
    if not api.user.has_permission("zhengwu: Moderate posts", obj=post):
        raise Unauthorized("Citizens post through @ask and @answer.")


def post_transitioned(post, event):
    """Moderators' decisions on citizens' posts go into the moderation log."""
    if post.portal_type != "OfficialAnswer":
        moderation.transition_logged(post, event)
