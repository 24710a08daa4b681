"""What a letter shows to its writer (by number and code) over REST and on pages.

Name and phone are masked (``masking.py``) even for the writer: the answer may be
read over someone's shoulder. Nothing of the department's internal steps (who
accepted, comments) is shown, only the state, the dates and the outcome.
"""

from plone import api

from zhengwu.interaction.deadlines import accept_by
from zhengwu.interaction.deadlines import answer_by
from zhengwu.masking import mask_phone

ANSWERED = "answered"


def mask_name(name):
    """``张三丰`` → ``张**``: the family name stays."""
    name = (name or "").strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else ""


def _iso(day):
    return day.isoformat() if day is not None else None


def writer_view(letter, channel, calendar):
    """The letter as its writer follows it."""
    state = api.content.get_state(letter)
    view = {
        "tracking_number": letter.Title(),
        "channel": channel.id if channel is not None else letter.channel,
        "subject": letter.topic,
        "body": letter.body,
        "public": bool(letter.public),
        "publish_consent": bool(letter.publish_consent),
        "name": mask_name(letter.writer_name),
        "phone": mask_phone(letter.writer_phone) if letter.writer_phone else "",
        "state": state,
        "received": _iso(letter.received),
        "accepted": _iso(letter.accepted),
        "answered": _iso(letter.answered),
        "reply": letter.reply if state == ANSWERED else None,
        "refusal_reason": letter.refusal_reason if state == "refused" else None,
        "merged_into": letter.merged_into if state == "merged" else None,
        "rating": letter.rating,
        "can_rate": state == ANSWERED,
        "can_reopen": state == ANSWERED and not letter.reopened,
        "attachments": len(letter.objectIds()),
    }
    if channel is not None and letter.received is not None:
        view["accept_by"] = _iso(accept_by(channel, letter.received, calendar))
        if letter.accepted is not None:
            view["answer_by"] = _iso(answer_by(channel, letter.accepted, calendar))
    return view
