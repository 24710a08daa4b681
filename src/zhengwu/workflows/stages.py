"""Review stages (审核环节): the states where an item waits for someone.

A stage is a state with a DCWorkflow worklist; the worklist's guard roles say who
acts there (``pending_leader`` → ``Leader``). Mail, "my tasks" and the docs all read
the stages from the workflow definitions, never from a list in Python.
"""

from plone import api


def stages_of(workflow):
    """{state id: set of roles} for the worklists of one DCWorkflow."""
    stages = {}
    worklists = getattr(workflow, "worklists", None)
    if worklists is None:
        return stages
    for worklist in worklists.objectValues():
        roles = set(worklist.getGuard().roles or ())
        for state in worklist.getVarMatch("review_state") or ():
            stages.setdefault(state, set()).update(roles)
    return stages


def stage_of(obj):
    """(workflow, state id, roles acting there) for ``obj``, or None when it waits
    for nobody."""
    wftool = api.portal.get_tool("portal_workflow")
    for workflow in wftool.getWorkflowsFor(obj):
        state = wftool.getStatusOf(workflow.getId(), obj) or {}
        review_state = state.get("review_state")
        roles = stages_of(workflow).get(review_state)
        if roles:
            return workflow, review_state, roles
    return None


def state_title(workflow, state_id):
    """The title of a state of ``workflow`` (a msgid of its i18n domain)."""
    state = workflow.states.get(state_id)
    return state.title if state is not None else state_id


def entered_state_at(obj, workflow):
    """When ``obj`` entered its current state (a DateTime), from the workflow status."""
    wftool = api.portal.get_tool("portal_workflow")
    status = wftool.getStatusOf(workflow.getId(), obj) or {}
    return status.get("time")


def holders_of(department, roles):
    """User ids holding one of ``roles`` locally on ``department`` (groups expanded)."""
    user_ids = set()
    for principal, local_roles in department.get_local_roles():
        if not set(local_roles) & set(roles):
            continue
        group = api.group.get(groupname=principal)
        if group is None:
            user_ids.add(principal)
        else:
            user_ids.update(m.getId() for m in api.user.get_users(group=group))
    return user_ids
