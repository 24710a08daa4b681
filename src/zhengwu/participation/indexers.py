"""Catalog (and Solr) indexers of questions and answers."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.indexer import indexer
from zope.interface import Interface

from zhengwu.content.answer import IAnswer
from zhengwu.content.question import IQuestion
from zhengwu.participation.votes import VOTABLE_TYPES
from zhengwu.participation.votes import vote_count


@indexer(IQuestion)
def question_text(question):
    """Title and details: what a search for the question should match."""
    return f"{question.Title()} {getattr(question, 'details', '') or ''}"


@indexer(IAnswer)
def answer_text(answer):
    """The answer's text, with its question's title (found by the question's words)."""
    question = aq_parent(aq_inner(answer))
    return f"{question.Title()} {getattr(answer, 'text', '') or ''}"


@indexer(Interface)
def votes(obj):
    """The number of members who voted for a question, an answer or a strategy."""
    if getattr(obj, "portal_type", None) not in VOTABLE_TYPES:
        raise AttributeError("votes")
    return vote_count(obj)


@indexer(IQuestion)
def proactive(question):
    """Answered first by the department (热点问题主动回应)."""
    return bool(getattr(question, "proactive", False))
