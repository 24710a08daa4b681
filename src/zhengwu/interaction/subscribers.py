"""Dates a letter's transitions set, whoever takes them (forms, @workflow, code).

Accepting sets ``accepted``; approving the reply, refusing and merging set
``answered``; reopening clears it. The day is Beijing's (``workflows/tasks.py``);
``letters.py`` may set the day itself afterwards (the demo, tests).
"""

import datetime

from zhengwu.workflows.tasks import TIMEZONE

ANSWERING = ("approve_reply", "refuse", "merge")


def record_dates(letter, event):
    """IAfterTransitionEvent of a Letter."""
    transition = event.transition.getId() if event.transition is not None else None
    today = datetime.datetime.now(TIMEZONE).date()
    if transition == "accept":
        letter.accepted = today
    elif transition in ANSWERING:
        letter.answered = today
    elif transition == "reopen":
        letter.answered = None
