"""QuestionBoard (政务知道): the folder of a language root that holds the questions."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IQuestionBoard(model.Schema):
    """No fields of its own: title and description from plone.basic."""


@implementer(IQuestionBoard)
class QuestionBoard(Container):
    """Citizens add questions here; the board's page lists them."""
