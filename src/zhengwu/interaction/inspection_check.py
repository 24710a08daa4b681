"""Rule ``letter-overdue`` of the self-inspection: letters past their deadline.

A letter not accepted within its channel's working days, or accepted and not
answered within them, is one of the survey's single vetoes (互动回应). The finding
names the letter by its tracking number only, and its department.
"""

from zhengwu import _
from zhengwu.inspection.checks.base import Check
from zhengwu.inspection.findings import finding_for
from zhengwu.interaction.deadlines import ACCEPT
from zhengwu.interaction.overdue import overdue_letters

RULE = "letter-overdue"
NOT_ACCEPTED = _(
    "Not accepted for ${age} working days since ${since_date}; the deadline is "
    "${deadline} working days."
)
NOT_ANSWERED = _(
    "Not answered for ${age} working days since its acceptance on ${since_date}; "
    "the deadline is ${deadline} working days."
)


class LetterOverdueCheck(Check):
    rule = RULE
    title = _("Letter past its deadline")
    order = 65
    describe = NOT_ANSWERED

    def message(self, detail):
        detail = dict(detail or {})
        msgid = NOT_ACCEPTED if detail.get("stage") == ACCEPT else NOT_ANSWERED
        return _(msgid, mapping=detail)

    def __call__(self, site, context):
        for letter, late in overdue_letters(site, context.calendar, context.today):
            yield finding_for(
                letter,
                RULE,
                department=letter.department or "",
                stage=late.stage,
                age=late.age,
                since_date=late.since.isoformat(),
                deadline=late.deadline,
            )
