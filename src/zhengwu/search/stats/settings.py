"""The site's settings for search statistics (registry, ``registry/search_stats.xml``).

A site created before the records existed gets the defaults below.
"""

from Products.CMFCore.utils import getToolByName

PREFIX = "zhengwu.search.stats."
DEFAULTS = {
    "fold_interval": 60,
    "fold_threshold": 1000,
    "max_queries_per_day": 2000,
    "retention_days": 90,
    "blocklist": (),
    "hot_min_visitors": 3,
    "synonym_min_visitors": 3,
}
# Popularity counts the page opens of this many days, today included.
POPULARITY_DAYS = 30


def setting(site, name):
    """The value of one record, or its default when the site does not have it."""
    registry = getToolByName(site, "portal_registry", None)
    value = registry.get(PREFIX + name) if registry is not None else None
    return DEFAULTS[name] if value is None else value
