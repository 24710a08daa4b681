"""Rule ``question-overdue``: questions of 政务知道 past their answer deadline.

A question's clock starts when a moderator approves it and counts working days
(``workflows/calendar.py``) against its department's deadline (registry
``zhengwu.participation.answer_deadlines``), as the department's answer dashboard
does. The letters of 互动交流 register a check of their own under another rule.
"""

from zhengwu import _
from zhengwu.inspection.checks.base import Check
from zhengwu.inspection.checks.columns import default_root
from zhengwu.inspection.findings import finding_for
from zhengwu.participation.staff.dashboard import answer_deadline
from zhengwu.participation.staff.dashboard import department_questions
from zhengwu.participation.staff.history import approved_at
from zhengwu.vocabularies.departments import departments_in
from zhengwu.workflows.tasks import local_date

RULE = "question-overdue"


class QuestionOverdueCheck(Check):
    rule = RULE
    title = _("Question past its answer deadline")
    order = 60
    describe = _(
        "Open for ${age} working days since ${since_date}; the deadline is "
        "${deadline} working days."
    )

    def __call__(self, site, context):
        for department in departments_in(default_root(site)):
            deadline = answer_deadline(department.getId())
            if deadline is None:
                continue
            for question in department_questions(department, "open"):
                since = local_date(approved_at(question))
                age = context.calendar.working_days_between(since, context.today)
                if age > deadline:
                    yield finding_for(
                        question,
                        RULE,
                        department=department.getId(),
                        age=age,
                        since_date=since.isoformat(),
                        deadline=deadline,
                    )
