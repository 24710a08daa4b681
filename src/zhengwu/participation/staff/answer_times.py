"""Answer times per department (答复时效): the site admins' report.

For every department: how many questions it answered, the median and mean working
days from a question's approval to the publication of its official answer, and how
many questions are open and overdue now.
"""

import csv
import io
import statistics

from zhengwu.participation.staff.dashboard import ANSWERED_STATES
from zhengwu.participation.staff.dashboard import answer_deadline
from zhengwu.participation.staff.dashboard import department_questions
from zhengwu.participation.staff.dashboard import open_questions
from zhengwu.participation.staff.history import answered_at
from zhengwu.participation.staff.history import approved_at
from zhengwu.participation.staff.history import working_days
from zhengwu.vocabularies.departments import site_departments
from zhengwu.workflows.tasks import local_date
from zhengwu.workflows.tasks import site_calendar

COLUMNS = (
    "department",
    "title",
    "answered",
    "median_working_days",
    "mean_working_days",
    "open",
    "overdue",
    "deadline_working_days",
)
SORT_KEYS = COLUMNS[1:]


def answer_days(department, calendar):
    """Working days from approval to official answer of each answered question."""
    days = []
    for question in department_questions(department, ANSWERED_STATES):
        answered = answered_at(question)
        if answered is not None:
            approved = approved_at(question, before=answered)
            days.append(working_days(calendar, approved, answered))
    return days


def department_row(department, calendar, today):
    days = answer_days(department, calendar)
    items = open_questions(department, today, calendar)
    return {
        "department": department.getId(),
        "title": department.Title(),
        "@id": department.absolute_url(),
        "answered": len(days),
        "median_working_days": statistics.median(days) if days else None,
        "mean_working_days": round(statistics.fmean(days), 1) if days else None,
        "open": len(items),
        "overdue": sum(item["overdue"] for item in items),
        "deadline_working_days": answer_deadline(department.getId()),
    }


def sort_rows(rows, sort_on=None, reverse=False):
    """Rows sorted by one column; empty values always last."""
    if sort_on not in SORT_KEYS:
        return list(rows)
    present = [row for row in rows if row[sort_on] is not None]
    missing = [row for row in rows if row[sort_on] is None]
    return sorted(present, key=lambda row: row[sort_on], reverse=reverse) + missing


def answer_times(context, sort_on=None, reverse=False, today=None):
    """One row per department of the context's site, in folder order unless sorted."""
    calendar = site_calendar()
    today = today or local_date(None)
    rows = [
        department_row(department, calendar, today)
        for department in site_departments(context)
    ]
    return sort_rows(rows, sort_on, reverse)


def as_csv(rows):
    """The report as CSV bytes (UTF-8 with a BOM: spreadsheets open it as Chinese)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")
