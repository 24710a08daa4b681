"""Answers in 政务知道: a citizen's answer and a department's official one (官方回答).

Both are plain text. An official answer goes through its department's approval
chain (``participation/chain.py``); a citizen's answer through moderation.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from zhengwu import _

TEXT_MAX = 5000


class IAnswer(model.Schema):
    """A citizen's answer to a question."""

    text = schema.Text(
        title=_("Answer"),
        description=_("Plain text."),
        max_length=TEXT_MAX,
        required=True,
    )


class IOfficialAnswer(IAnswer):
    """The answer of the department responsible for the question."""


class _AnswerBase(Item):
    def question(self):
        """The question this answers (its container)."""
        return aq_parent(aq_inner(self))

    def Title(self):
        # An answer has no title of its own: listings and search show the question's.
        question = self.question()
        return question.Title() if question is not None else ""

    @property
    def title(self):
        return self.Title()

    @title.setter
    def title(self, value):
        pass  # always the question's


@implementer(IAnswer)
class Answer(_AnswerBase):
    """Written by a citizen; published after moderation."""


@implementer(IOfficialAnswer)
class OfficialAnswer(_AnswerBase):
    """Written by the department's staff; published through its approval chain."""
