"""GET @health: whether the site can serve (ZODB, Solr, versions), for monitoring."""
