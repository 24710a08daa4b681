"""Catalog (and Solr) indexers of questions and answers."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.indexer import indexer
from zope.interface import Interface

from zhengwu.content.answer import IAnswer
from zhengwu.content.question import IQuestion
from zhengwu.indexers.evidence import is_public
from zhengwu.participation.votes import VOTABLE_TYPES
from zhengwu.participation.votes import vote_count


def public_answers(question):
    """The texts of the question's answers anonymous visitors may read."""
    return [
        getattr(answer, "text", "") or ""
        for answer in question.objectValues()
        if IAnswer.providedBy(answer) and is_public(answer)
    ]


def _thread_body(question):
    details = getattr(question, "details", "") or ""
    return "\n".join(part for part in (details, *public_answers(question)) if part)


@indexer(IQuestion)
def question_text(question):
    """The whole thread: a search finds the question by its answers' words too
    (answers are not results of their own: one thread, one result)."""
    return f"{question.Title()}\n{_thread_body(question)}"


@indexer(IQuestion)
def question_body(question):
    """Details and public answers: the thread's body, a Solr field of its own."""
    return _thread_body(question)


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
