"""Question state changes the portal makes itself (not a person's transition)."""

from plone import api

# The transitions are guarded by the moderation permission, which these roles give.
SYSTEM_ROLES = ["Manager"]


def _transition(obj, transition, comment=""):
    with api.env.adopt_roles(SYSTEM_ROLES):
        api.content.transition(obj, transition=transition, comment=comment)


def mark_answered(question):
    """open → answered, when the department's official answer is published."""
    if api.content.get_state(question, default=None) == "open":
        _transition(question, "mark_answered")


def accept(question, answer):
    """The asker accepts ``answer``: it is recorded and the question is closed."""
    question.accepted_answer = api.content.get_uuid(answer)
    if api.content.get_state(question) in ("open", "answered"):
        _transition(question, "close")
    question.reindexObject()


def close(question):
    """A moderator (or the demo import) closes a question without an accepted answer."""
    if api.content.get_state(question, default=None) in ("open", "answered"):
        _transition(question, "close")


def publish_post(post):
    """A citizen's post that passed the checks is published without a moderator."""
    if api.content.get_state(post, default=None) == "pending_moderation":
        _transition(post, "approve")
