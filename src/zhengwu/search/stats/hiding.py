"""Editors take a query off the public hot list (or put it back)."""

from zExceptions import BadRequest

from zhengwu.search.stats.normalize import normal_query
from zhengwu.search.stats.storage import stats_of


def set_hidden(site, query, hidden=True):
    """Hide (or show again) ``query`` on the hot lists of ``site``; its normal form.

    Raises BadRequest for a missing or unusable query. Call in a transaction that
    commits (a request or the caller's own).
    """
    if not isinstance(query, str) or not normal_query(query):
        raise BadRequest(
            "Give the query to hide as a non-empty text of 100 characters at most."
        )
    query = normal_query(query)
    stats_of(site, create=True).hide(query, hidden=bool(hidden))
    return query
