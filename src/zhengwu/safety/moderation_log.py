"""Entries of the moderation log (审核日志) of citizens' posts: data, no storage.

The log is append only: an entry is immutable and a correction is a new entry.
Where the entries are kept (the ZODB) is the caller's business.
"""

from dataclasses import dataclass
from datetime import UTC
from datetime import datetime

# What a moderator (or the automatic checks, actor "system") did to a post.
ACTIONS = (
    "held",  # kept back for review, e.g. a sensitive word matched
    "approved",
    "rejected",
    "hidden",
    "restored",
    "deleted",
    "blocked",  # the author may no longer post
    "unblocked",
    "reported",  # someone reported the post (actor: who reported it)
    "rerouted",  # a moderator gave a question another department
    "dismissed",  # a moderator found the reports of a post unfounded
    "closed",
    "reopened",
)


# No __slots__: entries are pickled into the ZODB, and a field added later with a
# default must still be readable from the entries stored before.
@dataclass(frozen=True)
class ModerationEntry:
    """One thing done to one post: when, by whom, what, to which post and why."""

    when: datetime
    actor: str
    action: str
    target_uid: str
    target_title: str
    reason: str = ""

    def __post_init__(self):
        if self.action not in ACTIONS:
            raise ValueError(f"unknown moderation action: {self.action!r}")
        if self.when.tzinfo is None:
            # A naive time is ambiguous in a log read across servers and years.
            raise ValueError("the time of a moderation entry needs a time zone")

    @classmethod
    def now(cls, actor, action, target_uid, target_title, reason=""):
        """An entry for something done just now."""
        when = datetime.now(UTC)
        return cls(when, actor, action, target_uid, target_title, reason)

    def as_dict(self):
        """The entry as JSON-ready data (the time as ISO 8601)."""
        return {
            "when": self.when.isoformat(),
            "actor": self.actor,
            "action": self.action,
            "target_uid": self.target_uid,
            "target_title": self.target_title,
            "reason": self.reason,
        }
