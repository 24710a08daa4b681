"""A department's answer dashboard (答复看板): its open questions by age.

The questions routed to a department (catalog index ``department``) on the board of
its language root, with their age in working days since approval and ``overdue``
when older than the department's deadline (registry
``zhengwu.participation.answer_deadlines``).
"""

import datetime

from plone import api

from zhengwu.participation.board import board_of
from zhengwu.participation.departments import department_id_of
from zhengwu.participation.setup_step import DEADLINES_RECORD
from zhengwu.participation.staff.history import OUT_OF_CHAIN
from zhengwu.participation.staff.history import answered_at
from zhengwu.participation.staff.history import approved_at
from zhengwu.participation.staff.history import waiting_answer
from zhengwu.sites.roots import language_root_of
from zhengwu.workflows.stages import state_title
from zhengwu.workflows.tasks import local_date
from zhengwu.workflows.tasks import site_calendar

RECENT_DAYS = 30
ANSWERED_STATES = ("answered", "closed")


def answer_deadline(department_id):
    """Working days ``department_id`` has for its official answer, or None."""
    deadlines = api.portal.get_registry_record(DEADLINES_RECORD, default=None) or {}
    return deadlines.get(department_id, deadlines.get("default"))


def board_path(department):
    """The path of the question board of the department's language root, or None."""
    board = board_of(language_root_of(department))
    return "/".join(board.getPhysicalPath()) if board is not None else None


def department_questions(department, states):
    """The department's questions in ``states`` on its language root's board."""
    path = board_path(department)
    if path is None:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Question",
        review_state=states,
        department=department.getId(),
        path=path,
    )
    return [brain._unrestrictedGetObject() for brain in brains]


def _state_title(obj):
    state = api.content.get_state(obj, default=None)
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(obj)
    return state_title(workflows[0], state) if workflows and state else state


def _open_item(question, calendar, deadline, today):
    since = local_date(approved_at(question))
    age = calendar.working_days_between(since, today)
    answer = waiting_answer(question)
    return {
        "@id": question.absolute_url(),
        "UID": api.content.get_uuid(question),
        "title": question.Title(),
        "since": since.isoformat(),
        "age_working_days": age,
        "deadline_working_days": deadline,
        "overdue": deadline is not None and age > deadline,
        "official_answer_state": api.content.get_state(answer) if answer else None,
        # The state's title (a msgid of the zhengwu domain), for the page.
        "official_answer_stage": _state_title(answer) if answer else None,
    }


def open_questions(department, today=None, calendar=None):
    """The department's open questions, oldest first, with their ages."""
    calendar = calendar or site_calendar()
    today = today or local_date(None)
    deadline = answer_deadline(department.getId())
    items = [
        _open_item(question, calendar, deadline, today)
        for question in department_questions(department, "open")
    ]
    return sorted(items, key=lambda item: (item["since"], item["title"]))


def answered_since(department, since):
    """The department's questions whose official answer was published after
    ``since`` (a date in China)."""
    count = 0
    for question in department_questions(department, ANSWERED_STATES):
        moment = answered_at(question)
        if moment is not None and local_date(moment) > since:
            count += 1
    return count


def waiting_answers(department):
    """How many of the department's official answers wait in its chain."""
    path = board_path(department)
    if path is None:
        return 0
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="OfficialAnswer", path=path)
    return sum(
        1
        for brain in brains
        if brain.review_state not in OUT_OF_CHAIN
        and department_id_of(brain._unrestrictedGetObject()) == department.getId()
    )


def dashboard(department, today=None):
    """Open questions and the counts of the department's dashboard."""
    today = today or local_date(None)
    items = open_questions(department, today)
    recent = today - datetime.timedelta(days=RECENT_DAYS)
    return {
        "department": department.getId(),
        "title": department.Title(),
        "deadline_working_days": answer_deadline(department.getId()),
        "items": items,
        "counts": {
            "open": len(items),
            "overdue": sum(item["overdue"] for item in items),
            "answered_last_30_days": answered_since(department, recent),
            "official_answers_waiting": waiting_answers(department),
        },
    }
