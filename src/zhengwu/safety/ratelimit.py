"""How often one account or one address may post (频率限制), and who the address is.

``RateLimiter`` keeps its counts in the memory of one process, shared by its
threads. With several Zope processes (ZEO clients behind a load balancer) each
process counts on its own, so a client can reach ``limit`` posts in each process
it is sent to: the effective limit is per process. That is acceptable for slowing
down floods of posts, and it needs no shared storage and no ZODB writes.
"""

import threading
import time
from collections import OrderedDict
from collections import deque

DEFAULT_MAX_KEYS = 10_000


class RateLimiter:
    """At most ``limit`` hits per key within any ``period`` seconds (a sliding
    window), for keys such as ``account:<userid>`` and ``address:<ip>``.

    Thread safe. Memory stays bounded: a key whose window has passed is forgotten,
    and beyond ``max_keys`` keys the one hit longest ago is dropped (its counts
    start again from zero, the price of the bound).
    """

    def __init__(self, limit, period, clock=time.monotonic, max_keys=DEFAULT_MAX_KEYS):
        if limit < 1 or period <= 0 or max_keys < 1:
            raise ValueError("limit and max_keys must be at least 1, period positive")
        self.limit = limit
        self.period = period
        self.max_keys = max_keys
        self._clock = clock
        self._lock = threading.Lock()
        # Key → times of its counted hits, oldest first. The keys themselves are
        # ordered by their last counted hit, so the keys to forget are at the front.
        self._hits = OrderedDict()

    def __len__(self):
        with self._lock:
            return len(self._hits)

    def hit(self, key):
        """Count a hit of ``key`` and return True, or return False (not counted)
        when the key already has ``limit`` hits in the window."""
        with self._lock:
            now = self._clock()
            self._forget_passed(now)
            times = self._recent(key, now)
            if times is None:
                times = deque()
                self._hits[key] = times
                self._enforce_max_keys()
            elif len(times) >= self.limit:
                return False
            times.append(now)
            self._hits.move_to_end(key)
            return True

    def retry_after(self, key):
        """Seconds until ``key`` may hit again; 0 when it may now."""
        with self._lock:
            now = self._clock()
            times = self._recent(key, now)
            if times is None or len(times) < self.limit:
                return 0
            return max(0, times[0] + self.period - now)

    def reset(self, key):
        """Forget the hits of ``key`` (e.g. after a moderator lifts a block)."""
        with self._lock:
            self._hits.pop(key, None)

    def _recent(self, key, now):
        """The hit times of ``key`` still in the window, or None for none."""
        times = self._hits.get(key)
        if times is None:
            return None
        cutoff = now - self.period
        while times and times[0] <= cutoff:
            times.popleft()
        if not times:
            del self._hits[key]
            return None
        return times

    def _forget_passed(self, now):
        """Drop the keys whose last hit is out of the window (all at the front)."""
        cutoff = now - self.period
        while self._hits:
            key, times = next(iter(self._hits.items()))
            if times[-1] > cutoff:
                break
            del self._hits[key]

    def _enforce_max_keys(self):
        """Drop the keys hit longest ago until at most ``max_keys`` are left."""
        while len(self._hits) > self.max_keys:
            self._hits.popitem(last=False)


def client_address(environ, trusted_proxies=()):
    """The address of the client of a request (a mapping such as a WSGI environ).

    ``REMOTE_ADDR``, unless that is one of ``trusted_proxies``: then the last
    address of ``X-Forwarded-For`` that is not a trusted proxy, since only the
    entries our own proxies appended can be believed.
    """
    remote = str(environ.get("REMOTE_ADDR", "") or "").strip()
    if remote not in trusted_proxies:
        return remote
    forwarded = str(environ.get("HTTP_X_FORWARDED_FOR", "") or "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted_proxies:
            return hop
    # Every hop is one of ours: the first one is as close to the client as we know.
    return hops[0] if hops else remote
