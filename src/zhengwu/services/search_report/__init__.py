"""``GET @search-report``: zero-result and top queries, for the search's editors."""
