"""Page opens served from the RAM cache still count for search popularity.

plone.caching answers a RAM cache hit by raising ``Intercepted`` after traversal,
so the request ends in ``IPubFailure`` and the search statistics' ``IPubSuccess``
subscriber never sees it.
"""

from plone.caching.hooks import Intercepted

from zhengwu.search.stats.subscribers import count_and_fold


def count_cached_open(event):
    """IPubFailure: count the page open of a response served from the RAM cache."""
    exception = event.exc_info[1] if event.exc_info else None
    if isinstance(exception, Intercepted) and exception.status == 200:
        count_and_fold(event)
