"""Titles of vocabulary values, for pages that show stored ids to citizens."""

from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory


def term_title(context, vocabulary_name, value):
    """The title of ``value`` in the named vocabulary, or the value itself."""
    if value in (None, ""):
        return None
    factory = queryUtility(IVocabularyFactory, name=vocabulary_name)
    if factory is None:
        return value
    try:
        term = factory(context).getTerm(value)
    except LookupError:
        return value
    return term.title or value


def term_titles(context, vocabulary_name, values):
    """The titles of several values, in their stored order."""
    return [term_title(context, vocabulary_name, value) for value in values or ()]
