"""A letter's deadlines in working days and whether it is overdue (超期).

A letter is to be accepted (受理) within its channel's ``accept_days`` working days
of its receipt and answered (办结) within ``answer_days`` of its acceptance, counted
by the portal's one working-day calendar (``workflows/calendar.py``: holidays off,
make-up days on). A letter is overdue once more working days have passed than its
deadline allows, as 政务知道's questions are (``inspection/checks/questions.py``).
"""

from dataclasses import dataclass

ACCEPT = "accept"
ANSWER = "answer"


@dataclass(frozen=True)
class Overdue:
    stage: str  # ACCEPT or ANSWER
    since: object  # the date the clock of that stage started
    age: int  # working days passed since then
    deadline: int  # working days allowed


def accept_by(channel, received, calendar):
    """The last working day to accept a letter received on ``received``."""
    return calendar.add_working_days(received, channel.accept_days)


def answer_by(channel, accepted, calendar):
    """The last working day to answer a letter accepted on ``accepted``."""
    return calendar.add_working_days(accepted, channel.answer_days)


def overdue(channel, calendar, today, received, accepted=None, answered=None):
    """The stage a letter is late in on ``today``, or None: not yet accepted past
    ``accept_days``, or accepted and not answered past ``answer_days``."""
    if answered is not None:
        return None
    if accepted is None:
        since, deadline, stage = received, channel.accept_days, ACCEPT
    else:
        since, deadline, stage = accepted, channel.answer_days, ANSWER
    age = calendar.working_days_between(since, today)
    return Overdue(stage, since, age, deadline) if age > deadline else None


def answered_on_time(channel, calendar, accepted, answered):
    """True when the answer came within ``answer_days`` of the acceptance."""
    return calendar.working_days_between(accepted, answered) <= channel.answer_days


def reply_working_days(calendar, received, answered):
    """Working days from receipt to answer, as the statistics count them."""
    return calendar.working_days_between(received, answered)
