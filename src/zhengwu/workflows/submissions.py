"""My submissions (我的提交): what a member wrote and where each item stands now.

The items whose creator is the member, newest change first, with their state and,
while they wait in an approval chain, the stage they wait at. Only what the member
may still see is listed (the catalog's own permission filter).
"""

from plone import api
from zope.i18n import translate

from zhengwu.behaviors.department import department_of
from zhengwu.formatting import format_date
from zhengwu.workflows.stages import stage_of

# A page of submissions (REST clients may ask for up to bounds.limits.MAX_B_SIZE).
PAGE_SIZE = 50


def _state(obj, request):
    """(state id, its title in the page's language, True while it waits for review)."""
    wftool = api.portal.get_tool("portal_workflow")
    for workflow in wftool.getWorkflowsFor(obj):
        status = wftool.getStatusOf(workflow.getId(), obj) or {}
        state_id = status.get("review_state")
        if state_id is None:
            continue
        state = workflow.states.get(state_id)
        title = state.title if state is not None and state.title else state_id
        domain = "zhengwu" if workflow.getId().startswith("zhengwu_") else "plone"
        waiting = stage_of(obj) is not None
        return state_id, translate(title, domain=domain, context=request), waiting
    return None, "", False


def _type_title(portal_type, request):
    fti = api.portal.get_tool("portal_types").get(portal_type)
    title = fti.Title() if fti is not None else portal_type
    domain = getattr(fti, "i18n_domain", None) or "plone"
    return translate(title, domain=domain, context=request)


def submissions_of(user, request, language, start=0, size=PAGE_SIZE):
    """(total, rows) of what ``user`` created, newest change first; dates as
    ``language`` writes them."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(Creator=user.getId(), sort_on="modified", sort_order="descending")
    rows = []
    for brain in brains[start : start + size]:
        obj = brain.getObject()
        state_id, state_title, waiting = _state(obj, request)
        department = department_of(obj)
        rows.append(
            {
                "@id": brain.getURL(),
                "title": brain.Title,
                "portal_type": brain.portal_type,
                "type_title": _type_title(brain.portal_type, request),
                "review_state": state_id,
                "state_title": state_title,
                "waiting_for_review": waiting,
                "department": department.Title() if department is not None else "",
                "modified": brain.modified.ISO8601(),
                "modified_text": format_date(brain.modified, language),
            }
        )
    return len(brains), rows
