"""``GET @hot-searches``: the most searched queries (热门搜索), for anyone."""
