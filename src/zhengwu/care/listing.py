"""Rows of care applications for the lists: personal numbers always masked.

Shared by the applicant's "my applications" and the department's queue; only the
application's own page shows the ID number and phone in full.
"""

from plone import api
from zope.i18n import translate

from zhengwu.content.care_application import DISABILITY_LEVELS
from zhengwu.formatting import format_date
from zhengwu.masking import mask_id_number
from zhengwu.masking import mask_phone

TYPE = "CareApplication"
LIMIT = 200


def state_of(application, request):
    """(state id, its title in the page's language)."""
    wftool = api.portal.get_tool("portal_workflow")
    for workflow in wftool.getWorkflowsFor(application):
        state_id = api.content.get_state(application, default=None)
        state = workflow.states.get(state_id) if state_id else None
        title = state.title if state is not None else state_id or ""
        return state_id, translate(title, domain="zhengwu", context=request)
    return None, ""


def last_comment(application):
    """The comment of the last transition (the reason of a return), or ''."""
    for entries in (getattr(application, "workflow_history", None) or {}).values():
        if entries:
            return entries[-1].get("comments") or ""
    return ""


def application_row(application, request, language):
    """What a list shows of one application; ID number and phone masked."""
    state_id, state_title = state_of(application, request)
    level = application.disability_level
    level_title = (
        DISABILITY_LEVELS.getTerm(level).title if level in DISABILITY_LEVELS else ""
    )
    return {
        "url": application.absolute_url(),
        "reference": application.Title(),
        "applicant_name": application.applicant_name,
        "id_number": mask_id_number(application.id_number),
        "phone": mask_phone(application.phone),
        "level": translate(level_title, context=request) if level_title else "",
        "state": state_id,
        "state_title": state_title,
        "comment": last_comment(application) if state_id == "returned" else "",
        "date": format_date(application.created(), language),
        "iso_date": application.created().ISO8601()[:10],
    }


def applications(request, language, **query):
    """Rows of the applications the user may see that match ``query``, newest first."""
    brains = api.portal.get_tool("portal_catalog")(
        portal_type=TYPE,
        sort_on="created",
        sort_order="descending",
        sort_limit=LIMIT,
        **query,
    )[:LIMIT]
    return [application_row(b.getObject(), request, language) for b in brains]
