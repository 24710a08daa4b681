"""When a question was approved and its official answer published (review history).

The clocks of 政务知道 start when a moderator approves a question (it becomes public
and the department's deadline runs) and stop when the department's official answer
(官方回答) is first published.
"""

from Acquisition import aq_base
from plone import api

from zhengwu.workflows.tasks import local_date

APPROVE = "approve"
PUBLISHED = "published"
# Official answers no longer waiting in the department's chain.
OUT_OF_CHAIN = ("published", "archived")


def _entries(obj):
    """Every review history entry of ``obj`` (all its workflows), oldest first."""
    histories = getattr(aq_base(obj), "workflow_history", None) or {}
    entries = [entry for history in histories.values() for entry in history]
    return sorted(
        (entry for entry in entries if entry.get("time") is not None),
        key=lambda entry: entry["time"],
    )


def approved_at(question, before=None):
    """The DateTime of the latest ``approve`` (before ``before`` when given);
    the creation date for a question approved by no one (an import)."""
    times = [
        entry["time"]
        for entry in _entries(question)
        if entry.get("action") == APPROVE
        and (before is None or entry["time"] <= before)
    ]
    return times[-1] if times else question.created()


def published_at(answer):
    """The DateTime ``answer`` was first published, or None."""
    for entry in _entries(answer):
        if entry.get("review_state") == PUBLISHED:
            return entry["time"]
    return None


def official_answers(question):
    """The official answers inside ``question`` (normally one)."""
    return [
        obj for obj in question.objectValues() if obj.portal_type == "OfficialAnswer"
    ]


def answered_at(question):
    """When the question's first official answer was published, or None."""
    times = [
        moment
        for moment in (published_at(answer) for answer in official_answers(question))
        if moment is not None
    ]
    return min(times) if times else None


def waiting_answer(question):
    """The question's official answer still in the department's chain, or None."""
    for answer in official_answers(question):
        if api.content.get_state(answer, default=None) not in OUT_OF_CHAIN:
            return answer
    return None


def working_days(calendar, start, end):
    """Working days between two DateTimes, by their dates in China."""
    return calendar.working_days_between(local_date(start), local_date(end))


def entered_state_at(obj):
    """When ``obj`` entered its current state (its latest history entry)."""
    entries = _entries(obj)
    return entries[-1]["time"] if entries else obj.created()
