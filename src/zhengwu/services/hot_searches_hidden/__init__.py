"""``POST @hot-searches-hidden``: editors hide a query from the hot searches."""
