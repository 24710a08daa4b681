"""Asking other sites whether a link to them still works: bounded, polite, cached.

At most ``external_limit`` addresses are asked per run, each host at most once per
``external_host_interval`` seconds, with a timeout; a result is kept (with the time
it was learned) for ``external_cache_hours`` and not asked again before. A HEAD
request first, a GET when the server does not take HEAD.
"""

import datetime
import time
from urllib.parse import urlsplit

import requests
from BTrees.OOBTree import OOBTree

from zhengwu.annotations import annotation_store

CACHE_KEY = "zhengwu.inspection.external_links"
USER_AGENT = "Zhengwu-self-inspection/1.0 (government website link check)"
NOT_ALLOWED = (405, 501)
# Kept results older than this many cache periods are forgotten.
FORGET_AFTER = 4


def ask(url, timeout):
    """The HTTP status of ``url`` (0: no answer)."""
    headers = {"User-Agent": USER_AGENT}
    try:
        response = requests.head(
            url, timeout=timeout, allow_redirects=True, headers=headers
        )
        if response.status_code in NOT_ALLOWED:
            response = requests.get(
                url, timeout=timeout, allow_redirects=True, headers=headers, stream=True
            )
            response.close()
        return response.status_code
    except (requests.RequestException, ValueError):
        return 0


class ExternalLinkChecker:
    """One run's checker: ``status(url)`` from the cache or, within the bounds, from
    the other site; None when the run's bound is reached."""

    def __init__(self, site, settings, now, ask=ask, sleep=time.sleep):
        self.cache = annotation_store(site, CACHE_KEY, OOBTree, create=True)
        self.settings = settings
        self.now = now
        self.asked = 0
        self.last_asked = {}  # host → monotonic time of the last request
        self._ask = ask
        self._sleep = sleep

    def _fresh(self, entry):
        age = self.now - datetime.datetime.fromisoformat(entry["checked"])
        return age < datetime.timedelta(hours=self.settings.external_cache_hours)

    def _wait_for(self, host):
        last = self.last_asked.get(host)
        if last is not None:
            pause = self.settings.external_host_interval - (time.monotonic() - last)
            if pause > 0:
                self._sleep(pause)
        self.last_asked[host] = time.monotonic()

    def status(self, url):
        """(status, checked ISO time) of ``url``, or None when not asked."""
        entry = self.cache.get(url)
        if entry is not None and self._fresh(entry):
            return entry["status"], entry["checked"]
        if self.asked >= self.settings.external_limit:
            return None
        self.asked += 1
        self._wait_for(urlsplit(url).netloc)
        status = self._ask(url, self.settings.external_timeout)
        checked = self.now.isoformat()
        self.cache[url] = {"status": status, "checked": checked}
        return status, checked

    def forget_old(self):
        """Drop results no longer worth keeping (links long gone from the site)."""
        limit = datetime.timedelta(hours=self.settings.external_cache_hours)
        for url, entry in list(self.cache.items()):
            checked = datetime.datetime.fromisoformat(entry["checked"])
            if self.now - checked > limit * FORGET_AFTER:
                del self.cache[url]


def works(status):
    return 200 <= status < 400
