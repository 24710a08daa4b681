"""One object per site in this process, made on first use (the stats' buffers and
visit logs: memory a Zope process keeps between requests, never in the ZODB)."""

import threading


class PerSite:
    """``per_site(site)`` is the object of that site (by its path), made by
    ``factory()`` the first time; safe across threads."""

    def __init__(self, factory):
        self._factory = factory
        self._objects = {}
        self._lock = threading.Lock()

    def __call__(self, site):
        key = "/".join(site.getPhysicalPath())
        with self._lock:
            found = self._objects.get(key)
            if found is None:
                found = self._objects[key] = self._factory()
            return found

    def clear(self):
        """Forget every site's object (tests)."""
        with self._lock:
            self._objects.clear()
