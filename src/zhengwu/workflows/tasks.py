"""My tasks (待办): items waiting for the current user, with their age in working days.

An item waits for a user when it is at a review stage (a worklist state) whose roles
the user holds on the item's department. Guides past their review date are the site
admin's tasks.
"""

import datetime
from zoneinfo import ZoneInfo

from DateTime import DateTime
from plone import api
from zope.i18n import translate

from zhengwu.workflows.calendar import WorkingCalendar
from zhengwu.workflows.calendar import parse_dates
from zhengwu.workflows.setup_step import DEADLINES_RECORD
from zhengwu.workflows.stages import entered_state_at
from zhengwu.workflows.stages import stage_of
from zhengwu.workflows.stages import stages_of
from zhengwu.workflows.stages import state_title

TIMEZONE = ZoneInfo("Asia/Shanghai")
ADMIN_ROLES = {"Manager", "Site Administrator"}


def site_calendar():
    """The working-day calendar with the site admin's extra dates from the registry."""
    return WorkingCalendar(
        parse_dates(api.portal.get_registry_record("zhengwu.workflows.extra_holidays")),
        parse_dates(api.portal.get_registry_record("zhengwu.workflows.extra_workdays")),
    )


def local_date(value):
    """The date in China of a DateTime (or today when ``value`` is None)."""
    moment = (
        value.asdatetime() if value is not None else datetime.datetime.now(TIMEZONE)
    )
    return moment.astimezone(TIMEZONE).date()


def _all_stages():
    stages = {}
    for workflow in api.portal.get_tool("portal_workflow").objectValues():
        for state, roles in stages_of(workflow).items():
            stages.setdefault(state, set()).update(roles)
    return stages


def _task(obj, department, workflow, state_id, calendar, deadlines, today, request):
    entered = local_date(entered_state_at(obj, workflow))
    age = calendar.working_days_between(entered, today)
    deadline = deadlines.get(state_id)
    return {
        "@id": obj.absolute_url(),
        "title": obj.Title(),
        "portal_type": obj.portal_type,
        "review_state": state_id,
        "stage": translate(
            state_title(workflow, state_id), domain="zhengwu", context=request
        ),
        "department": department.Title(),
        "department_id": department.getId(),
        "since": entered.isoformat(),
        "age_working_days": age,
        "deadline_working_days": deadline,
        "overdue": deadline is not None and age > deadline,
    }


def tasks_for(user, request=None, today=None):
    """The items waiting for ``user``, oldest first."""
    catalog = api.portal.get_tool("portal_catalog")
    stages = _all_stages()
    calendar = site_calendar()
    deadlines = api.portal.get_registry_record(DEADLINES_RECORD, default=None) or {}
    today = today or local_date(None)
    tasks = []
    for brain in catalog.unrestrictedSearchResults(portal_type="Department"):
        department = brain._unrestrictedGetObject()
        roles = set(api.user.get_roles(user=user, obj=department)) - ADMIN_ROLES
        states = [state for state, needed in stages.items() if needed & roles]
        if not states:
            continue
        path = "/".join(department.getPhysicalPath())
        for item in catalog(path=path, review_state=states):
            obj = item.getObject()
            stage = stage_of(obj)
            if stage is None or not stage[2] & roles:
                continue
            workflow, state_id, _roles = stage
            tasks.append(
                _task(
                    obj,
                    department,
                    workflow,
                    state_id,
                    calendar,
                    deadlines,
                    today,
                    request,
                )
            )
    return sorted(tasks, key=lambda task: task["since"])


def is_site_admin(user):
    return bool(set(api.user.get_roles(user=user)) & ADMIN_ROLES)


def past_review(today=None):
    """Content whose ``next_review`` date has passed (catalog index next_review)."""
    catalog = api.portal.get_tool("portal_catalog")
    if "next_review" not in catalog.indexes():
        return []
    today = today or local_date(None)
    limit = DateTime(f"{(today - datetime.timedelta(days=1)).isoformat()} 23:59:59")
    results = []
    for brain in catalog(
        next_review={"query": limit, "range": "max"}, sort_on="next_review"
    ):
        obj = brain.getObject()
        due = getattr(obj, "next_review", None)
        results.append(
            {
                "@id": brain.getURL(),
                "title": brain.Title,
                "portal_type": brain.portal_type,
                "next_review": due.isoformat() if due else None,
                "review_state": brain.review_state,
            }
        )
    return results
