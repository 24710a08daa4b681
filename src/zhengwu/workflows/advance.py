"""Take an item towards publication along whatever workflow chain its type uses."""

from collections import deque

from plone import api

PUBLISHED = "published"


def path_to(obj, target=PUBLISHED):
    """The shortest list of transition ids from the item's state to ``target``."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    chain = workflow_tool.getWorkflowsFor(obj)
    if not chain:
        return []
    workflow = chain[0]
    start = workflow_tool.getStatusOf(workflow.getId(), obj)["review_state"]
    queue, seen = deque([(start, [])]), {start}
    while queue:
        state, path = queue.popleft()
        if state == target:
            return path
        for transition_id in workflow.states[state].transitions:
            transition = workflow.transitions.get(transition_id)
            new_state = transition.new_state_id if transition else None
            if new_state and new_state not in seen:
                seen.add(new_state)
                queue.append((new_state, [*path, transition_id]))
    return []


def advance(obj, steps=None):
    """Take ``steps`` transitions towards publication (all of them when None).

    A draft is ``steps=0``; ``1`` and ``2`` leave an item waiting at the first or
    second review stage of a multi-stage chain (never published by accident).
    """
    path = path_to(obj)
    if steps is not None:
        path = path[: min(steps, max(len(path) - 1, 0))]
    workflow_tool = api.portal.get_tool("portal_workflow")
    for transition_id in path:
        workflow_tool.doActionFor(obj, transition_id)
    return api.content.get_state(obj, default=None)
