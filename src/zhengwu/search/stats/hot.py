"""Whether a search counts for the hot list, for whom, and in which words.

Only an anonymous visitor's search that found something counts: what anonymous
finds is public (a reviewer's search for a word only in drafts finds those drafts
and must not count). Staff and logged-in citizens' searches still count in the
editors' report, never on the hot list.
"""

from datetime import date

from plone import api

from zhengwu.search.stats.resolve import resolved_words
from zhengwu.search.stats.visitors import visitor_token


def hot_words(request, info, day=None):
    """``(visitor token, words to show)`` of a search, or ``(None, None)``."""
    if not info.total or not api.user.is_anonymous():
        return None, None
    shown = resolved_words(info.searched or info.query, info.titles)
    if not shown:
        return None, None
    day = (day or date.today()).toordinal()
    return visitor_token(request, day), shown
